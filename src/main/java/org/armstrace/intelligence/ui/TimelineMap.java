package org.armstrace.intelligence.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.armstrace.base.ui.ChartView;
import org.armstrace.base.ui.MapView;
import org.armstrace.intelligence.TimeAndPlace;
import org.armstrace.registry.ReferenceData;

/**
 * Below the link chart: the timeline of the events around the selection (or around everything
 * visible) and the map of where they happened and of the weapons' routes. Brushing the timeline
 * sets the dates, which filter the chart and the map alike; the view does the wiring.
 */
final class TimelineMap extends FlexLayout {

    /** The timeline's colours, the same as the chart's node styles (armstrace-graph.js). */
    private static final Map<String, String> COLOURS = Map.of("Recovery", "#ef6c00", "Transfer", "#8d6e63",
            "Licence", "#00838f", "LostStolenReport", "#c62828", "TraceRequest", "#0277bd");

    final ChartView timeline = new ChartView();
    final MapView map = new MapView();
    final Span timelineStatus = new Span();
    private final ReferenceData reference;
    TimeAndPlace.Picture picture = new TimeAndPlace.Picture(List.of(), List.of(), false);

    TimelineMap(ReferenceData reference, MapView.Basemap basemap) {
        this.reference = reference;
        timeline.setId("chart-timeline");
        timeline.setHeight("260px");
        timelineStatus.setId("chart-timeline-status");
        map.setId("chart-map");
        map.setHeight("300px");
        map.setBasemap(basemap);
        var timelineBox = new VerticalLayout(timelineStatus, timeline);
        timelineBox.setPadding(false);
        timelineBox.setSpacing(false);
        add(timelineBox, map);
        setWidthFull();
        setFlexWrap(FlexWrap.WRAP);
        getStyle().set("gap", "var(--lumo-space-m)");
        timelineBox.getStyle().set("flex", "1 1 420px");
        map.getStyle().set("flex", "1 1 420px");
    }

    /** A new picture of the events and routes around {@code where} (a caption, or "everything visible"). */
    void show(TimeAndPlace.Picture shown, String where) {
        picture = shown;
        timelineStatus.setText(getTranslation(picture.capped() ? "chart.timeline-capped" : "chart.timeline-status",
                picture.events().stream().filter(x -> x.date() != null).count(), picture.routes().size(), where));
    }

    /**
     * The timeline shows every event of the picture, with the chosen dates as its brush; the map
     * shows those within the dates. {@code caption} names the weapon of a route.
     */
    void draw(LocalDate since, LocalDate until, Predicate<LocalDate> inDates, Function<String, String> caption) {
        timeline.setOption(timelineOption());
        var dates = picture.events().stream().map(TimeAndPlace.Event::date).filter(Objects::nonNull).toList();
        if (since == null && until == null || dates.isEmpty()) {
            timeline.setRange(null, null);
        } else {
            timeline.setRange(since != null ? since : dates.getFirst(), until != null ? until : dates.getLast());
        }
        var points = new ArrayList<MapView.Point>();
        for (TimeAndPlace.Event x : picture.events()) {
            if (x.place() != null && inDates.test(x.date())) {
                points.add(new MapView.Point(x.place().latitude(), x.place().longitude(), x.caption()
                        + (x.place().name() == null ? "" : " · " + place(x.place()))));
            }
        }
        var lines = new ArrayList<MapView.Line>();
        for (TimeAndPlace.Route r : picture.routes()) {
            if (inDates.test(r.date())) {
                lines.add(new MapView.Line(r.stops().stream().map(p -> new double[]{p.latitude(), p.longitude()}).toList(),
                        r.imported() == null ? getTranslation("chart.route-made", country(r.made()), caption.apply(r.weapon()))
                                : getTranslation("chart.route", country(r.made()), country(r.imported()),
                                caption.apply(r.weapon())),
                        r.stops().getLast().approximate()));
            }
        }
        map.setPoints(points);
        map.setLines(lines);
    }

    /** The ECharts option of the timeline: a dot per dated event, a row per kind, a brush for the dates. */
    private Map<String, Object> timelineOption() {
        var kinds = new ArrayList<>(new TreeSet<>(picture.events().stream().filter(x -> x.date() != null)
                .map(TimeAndPlace.Event::kind).toList()));
        var data = new ArrayList<Map<String, Object>>();
        for (TimeAndPlace.Event x : picture.events()) {
            if (x.date() != null) {
                data.add(Map.of("name", x.caption(), "value", List.of(x.date().toString(), kinds.indexOf(x.kind())),
                        "itemStyle", Map.of("color", COLOURS.getOrDefault(x.kind(), "#1676f3"))));
            }
        }
        var option = new LinkedHashMap<String, Object>();
        option.put("animation", false);
        option.put("grid", Map.of("left", 120, "right", 24, "top", 36, "bottom", 28));
        option.put("tooltip", Map.of("trigger", "item", "formatter", "{b}"));
        option.put("xAxis", Map.of("type", "time"));
        option.put("yAxis", Map.of("type", "category", "data", kinds.stream().map(k -> getTranslation("chart.kind." + k))
                .toList()));
        option.put("series", List.of(Map.of("type", "scatter", "symbolSize", 11, "data", data)));
        option.put("brush", Map.of("xAxisIndex", 0, "brushType", "lineX", "brushMode", "single",
                "throttleType", "debounce", "throttleDelay", 200));
        option.put("toolbox", Map.of("right", 10, "feature", Map.of("brush", Map.of("type", List.of("lineX", "clear"),
                "title", Map.of("lineX", getTranslation("chart.timeline-brush"), "clear", getTranslation("chart.timeline-clear"))))));
        if (data.isEmpty()) {
            option.put("title", Map.of("text", getTranslation("chart.timeline-empty"), "left", "center", "top", "middle",
                    "textStyle", Map.of("fontSize", 13, "fontWeight", "normal", "color", "#666")));
        }
        return option;
    }

    private String place(TimeAndPlace.Place p) {
        return p.approximate() ? country(p.name()) : p.name();
    }

    private String country(String code) {
        return code == null ? "?" : reference.country(code).map(c -> c.name(getLocale())).orElse(code);
    }
}
