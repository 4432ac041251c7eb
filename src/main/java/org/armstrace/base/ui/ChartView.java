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
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Server-side API of the {@code <armstrace-chart>} custom element
 * (src/main/frontend/armstrace-chart.js), which draws a chart with Apache ECharts (Apache-2.0).
 * The option is an ECharts option object; callers build it from their own data.
 *
 * <p>The option is sent to the browser, not kept as an element property: as a property its JSON
 * stayed in the session for as long as the page was open (the statistics dashboard's twelve charts
 * were a large part of an idle analyst's session, see {@code CapacityBenchmark}). What the chart
 * keeps is how to build the option again, for when its element is attached anew.
 */
@Tag("armstrace-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./armstrace-chart.js")
public class ChartView extends Component implements HasSize {

    private SerializableSupplier<? extends Map<String, ?>> option;

    public ChartView() {
        setHeight("320px");
        setWidthFull();
        // A new element on the client (first attach, or attached again after a detach) has no option yet.
        addAttachListener(e -> send());
    }

    /**
     * Replaces what the chart shows with the option {@code option} builds (serialised by Flow's Jackson
     * mapper, as an element property would be). It is asked now if the chart is attached, and again
     * whenever the chart is attached anew; build it from what the caller keeps anyway.
     */
    public void setOption(SerializableSupplier<? extends Map<String, ?>> option) {
        this.option = option;
        if (isAttached()) {
            send();
        }
    }

    /** Replaces what the chart shows with a fixed option, which the chart keeps to draw it again when attached anew. */
    public void setOption(Map<String, ?> option) {
        setOption(() -> option);
    }

    private void send() {
        if (option != null) {
            // Held only until this round trip's response is written.
            getElement().executeJs("this.option = $0", JacksonUtils.mapToJson(option.get()));
        }
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
