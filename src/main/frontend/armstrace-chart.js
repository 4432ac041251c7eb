// <armstrace-chart>: a thin custom element around Apache ECharts (Apache-2.0) for Vaadin Flow.
// Server -> client: the property `option`, an ECharts option object built on the server from the
//                   same table the chart's table view and export show.
// The toolbox's "save as image" button downloads the chart as PNG. When a chart has been drawn,
// the element carries the attribute `rendered`, which the browser tests wait for.
// Brushing: when the option has a `brush` on a time axis, dragging across the chart selects a
// range of dates. The element then fires `chart-range` with detail = { from, to } (ISO dates in
// the browser's time zone, both null when the brush is cleared), and the property `range`
// ([from, to] or null) draws the selected range from the server.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { BrushComponent, GridComponent, LegendComponent, TooltipComponent, ToolboxComponent, TitleComponent }
  from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, ScatterChart, BrushComponent, GridComponent, LegendComponent,
             TooltipComponent, ToolboxComponent, TitleComponent, CanvasRenderer]);

// A local calendar date, as the server's date fields mean it (toISOString would shift it to UTC).
const day = (ms) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

class ArmstraceChart extends HTMLElement {
  connectedCallback() {
    // Flow may set `option` before this element is defined; that own property would hide the setter.
    for (const name of ['option', 'range']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this['_' + name] = value;
      }
    }
    if (!this._chart) {
      this.style.display = 'block';
      this.style.position = 'relative';
      const div = document.createElement('div');
      div.style.cssText = 'position:absolute;inset:0';
      this.appendChild(div);
      this._chart = echarts.init(div, null, { renderer: 'canvas' });
      this._chart.on('finished', () => this.setAttribute('rendered', ''));
      this._chart.on('brush', (e) => this._brushed(e));
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

  set range(value) {
    this._range = value;
    this._showRange();
  }

  get range() {
    return this._range;
  }

  _brushed(e) {
    // The brush fires while dragging: tell the server once the hand has rested.
    clearTimeout(this._brushTimer);
    this._brushTimer = setTimeout(() => {
      const area = (e.areas || e.batch?.[0]?.areas || [])[0];
      const next = area ? [day(area.coordRange[0]), day(area.coordRange[1])] : null;
      if (JSON.stringify(next) === JSON.stringify(this._sent)) return;
      this._sent = next;
      this.dispatchEvent(new CustomEvent('chart-range', { detail: { from: next?.[0] ?? null, to: next?.[1] ?? null } }));
    }, 250);
  }

  _showRange() {
    if (!this._chart || !this._option?.brush) return;
    // Dragging on the chart brushes, without first choosing the tool.
    this._chart.dispatchAction({ type: 'takeGlobalCursor', key: 'brush',
                                 brushOption: { brushType: 'lineX', brushMode: 'single' } });
    const range = this._range;
    this._sent = range || null;
    this._chart.dispatchAction({ type: 'brush', areas: range ? [{ brushType: 'lineX', xAxisIndex: 0,
      coordRange: [new Date(range[0] + 'T00:00:00').getTime(), new Date(range[1] + 'T23:59:59').getTime()] }] : [] });
  }

  _draw() {
    if (!this._chart || !this._option) return;
    this.removeAttribute('rendered');
    this._chart.setOption(this._option, { notMerge: true });
    this._showRange();
  }
}

customElements.define('armstrace-chart', ArmstraceChart);
