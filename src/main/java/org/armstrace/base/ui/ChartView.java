package org.armstrace.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
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

    /** The brushed range of a chart whose option has a {@code brush} on a time axis; nulls clear it. */
    public void setRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            getElement().setPropertyJson("range", tools.jackson.databind.node.NullNode.getInstance());
        } else {
            getElement().setPropertyList("range", List.of(from.toString(), to.toString()));
        }
    }

    /** Fired when the user brushes a range of dates across the chart, or clears it. */
    public Registration addRangeListener(ComponentEventListener<RangeEvent> listener) {
        return addListener(RangeEvent.class, listener);
    }

    @DomEvent("chart-range")
    public static class RangeEvent extends ComponentEvent<ChartView> {
        private final LocalDate from;
        private final LocalDate to;

        public RangeEvent(ChartView source, boolean fromClient, @EventData("event.detail.from") String from,
                          @EventData("event.detail.to") String to) {
            super(source, fromClient);
            this.from = date(from);
            this.to = date(to);
        }

        /** Null when the brush was cleared. */
        public LocalDate from() {
            return from;
        }

        public LocalDate to() {
            return to;
        }

        // The client sends what it computed from the canvas; anything else is treated as no range.
        private static LocalDate date(String text) {
            try {
                return text == null ? null : LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
