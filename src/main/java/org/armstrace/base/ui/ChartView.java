package org.armstrace.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.Map;

/**
 * Server-side API of the {@code <armstrace-chart>} custom element
 * (src/main/frontend/armstrace-chart.js), which draws a chart with Apache ECharts (Apache-2.0).
 * The option is an ECharts option object; callers build it from their own data.
 */
@Tag("armstrace-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./armstrace-chart.js")
public class ChartView extends Component implements HasSize {

    public ChartView() {
        setHeight("320px");
        setWidthFull();
    }

    /** Replaces what the chart shows. Serialised by Flow's Jackson mapper. */
    public void setOption(Map<String, Object> option) {
        getElement().setPropertyMap("option", option);
    }
}
