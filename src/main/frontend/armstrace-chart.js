// <armstrace-chart>: a thin custom element around Apache ECharts (Apache-2.0) for Vaadin Flow.
// Server -> client: the property `option`, an ECharts option object built on the server from the
//                   same table the chart's table view and export show.
// The toolbox's "save as image" button downloads the chart as PNG. When a chart has been drawn,
// the element carries the attribute `rendered`, which the browser tests wait for.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, ToolboxComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, ToolboxComponent,
             TitleComponent, CanvasRenderer]);

class ArmstraceChart extends HTMLElement {
  connectedCallback() {
    // Flow may set `option` before this element is defined; that own property would hide the setter.
    if (Object.prototype.hasOwnProperty.call(this, 'option')) {
      const value = this.option;
      delete this.option;
      this._option = value;
    }
    if (!this._chart) {
      this.style.display = 'block';
      this.style.position = 'relative';
      const div = document.createElement('div');
      div.style.cssText = 'position:absolute;inset:0';
      this.appendChild(div);
      this._chart = echarts.init(div, null, { renderer: 'canvas' });
      this._chart.on('finished', () => this.setAttribute('rendered', ''));
      this._resize = new ResizeObserver(() => this._chart.resize());
    }
    this._resize.observe(this);
    this._draw();
  }

  disconnectedCallback() {
    // Keep the chart: Flow may detach and re-attach the same element.
    this._resize?.disconnect();
  }

  set option(value) {
    this._option = value;
    this._draw();
  }

  get option() {
    return this._option;
  }

  _draw() {
    if (!this._chart || !this._option) return;
    this.removeAttribute('rendered');
    this._chart.setOption(this._option, { notMerge: true });
  }
}

customElements.define('armstrace-chart', ArmstraceChart);
