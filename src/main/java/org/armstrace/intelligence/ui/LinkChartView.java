package org.armstrace.intelligence.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.armstrace.base.ui.Basemaps;
import org.armstrace.base.ui.ChartView;
import org.armstrace.base.ui.GraphView;
import org.armstrace.base.ui.MapView;
import org.armstrace.intelligence.Alerts;
import org.armstrace.intelligence.EntityRef;
import org.armstrace.intelligence.IntelligenceRejected;
import org.armstrace.intelligence.Investigations;
import org.armstrace.intelligence.LinkAnalysis;
import org.armstrace.intelligence.LinkChartWorkbook;
import org.armstrace.intelligence.LinkGraph;
import org.armstrace.intelligence.TimeAndPlace;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.Role;

/**
 * The investigation canvas: starts from one entity, grows by expanding the selected one (a page
 * at a time: "more" fetches the next), filters by relationship type, hides what is in the way,
 * switches layouts, and shows the shortest paths between two chosen entities. It also opens on an
 * alert's evidence.
 */
@Route("intelligence/chart")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST})
public class LinkChartView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    static final int PAGE = 25;
    /** An alert's evidence opens as {@code intelligence/chart/Alert:<id>}. */
    static final String ALERT = "Alert:";
    /**
     * A saved investigation opens as {@code intelligence/chart/Investigation:<id>}. The parameter is a
     * wildcard because a case reference may hold a slash ({@code Case:PR-2024/17}).
     */
    static final String INVESTIGATION = "Investigation:";

    /** The timeline's colours, the same as the chart's node styles (armstrace-graph.js). */
    private static final Map<String, String> COLOURS = Map.of("Recovery", "#ef6c00", "Transfer", "#8d6e63",
            "Licence", "#00838f", "LostStolenReport", "#c62828", "TraceRequest", "#0277bd");

    private final LinkAnalysis analysis;
    private final Alerts alerts;
    private final TimeAndPlace timeAndPlace;
    private final ReferenceData reference;
    private final Investigations investigations;
    final GraphView graph = new GraphView();
    final MultiSelectComboBox<String> types = new MultiSelectComboBox<>();
    final Select<String> layout = new Select<>();
    /** Pages that show one entity's record, by kind; the others are seen in the chart only. */
    static final Map<EntityRef.Kind, String> RECORD_PAGES = Map.of(
            EntityRef.Kind.FIREARM, "registry/firearm/", EntityRef.Kind.PERSON, "registry/person/",
            EntityRef.Kind.ORGANISATION, "registry/organisation/", EntityRef.Kind.RECOVERY, "recovery/",
            EntityRef.Kind.TRACE_REQUEST, "tracing/request/");
    final Span selection = new Span();
    /** The selected entity's own page, for the kinds that have one. */
    final Anchor record = new Anchor();
    final Button expand = new Button();
    final Button hide = new Button();
    final Button pin = new Button();
    final Button saveInvestigation = new Button();
    final com.vaadin.flow.component.details.Details notes = new com.vaadin.flow.component.details.Details();
    final com.vaadin.flow.component.html.Paragraph notesText = new com.vaadin.flow.component.html.Paragraph();
    final DatePicker since = new DatePicker();
    final DatePicker until = new DatePicker();
    final Select<Integer> hops = new Select<>();
    final Button around = new Button();
    final Button pathFrom = new Button();
    final Button pathTo = new Button();
    final Span status = new Span();
    final ChartView timeline = new ChartView();
    final MapView map = new MapView();
    final Span timelineStatus = new Span();
    TimeAndPlace.Picture picture = new TimeAndPlace.Picture(List.of(), List.of(), false);

    final Map<String, LinkGraph.Entity> entities = new LinkedHashMap<>();
    final Set<LinkGraph.Link> links = new java.util.LinkedHashSet<>();
    final Set<String> hidden = new HashSet<>();
    final Set<String> onPath = new HashSet<>();
    final Set<String> pinned = new HashSet<>();
    /** The saved investigation this canvas is, once saved or opened. */
    Investigations.Investigation investigation;
    private final String newInvestigationId = Investigations.newId();
    /** Where a reopened canvas had its entities; kept until entities are added or the layout changes. */
    private Map<String, Investigations.Position> placed = Map.of();
    InvestigationForm form;
    private final Map<String, Integer> shown = new HashMap<>();
    String selected;
    private String from;
    private boolean settingDates;

    public LinkChartView(LinkAnalysis analysis, Alerts alerts, TimeAndPlace timeAndPlace, ReferenceData reference,
                         Basemaps basemaps, Investigations investigations) {
        this.analysis = analysis;
        this.alerts = alerts;
        this.timeAndPlace = timeAndPlace;
        this.reference = reference;
        this.investigations = investigations;
        setSizeFull();
        types.setLabel(getTranslation("chart.types"));
        types.setId("chart-types");
        types.setItems(new TreeSet<>(LinkAnalysis.TYPES));
        types.setItemLabelGenerator(t -> getTranslation("rel." + t));
        types.setPlaceholder(getTranslation("chart.all-types"));
        layout.setLabel(getTranslation("chart.layout"));
        layout.setId("chart-layout");
        layout.setItems(Investigations.LAYOUTS);
        layout.setItemLabelGenerator(l -> getTranslation("chart.layout." + l));
        layout.setValue(Investigations.LAYOUTS.getFirst());
        layout.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                placed = Map.of();
            }
            graph.setLayout(Map.of("name", e.getValue(), "animate", false));
        });
        expand.setText(getTranslation("chart.expand"));
        expand.setId("chart-expand");
        expand.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        expand.addClickListener(e -> grow(selected));
        // Events outside the dates are hidden from the canvas (not dropped: widening the dates shows them again).
        since.setLabel(getTranslation("chart.from"));
        since.setId("chart-from");
        since.setClearButtonVisible(true);
        until.setLabel(getTranslation("chart.until"));
        until.setId("chart-until");
        until.setClearButtonVisible(true);
        since.addValueChangeListener(e -> {
            if (!settingDates) {
                dated();
            }
        });
        until.addValueChangeListener(e -> {
            if (!settingDates) {
                dated();
            }
        });
        hops.setLabel(getTranslation("chart.hops"));
        hops.setId("chart-hops");
        hops.setItems(2, 3, 4);
        hops.setValue(2);
        hops.setWidth("6rem");
        around.setText(getTranslation("chart.neighbourhood"));
        around.setId("chart-neighbourhood");
        around.addClickListener(e -> neighbourhood(selected, hops.getValue()));
        hide.setText(getTranslation("chart.hide"));
        hide.setId("chart-hide");
        hide.addClickListener(e -> {
            hidden.add(selected);
            draw();
            select(null);
        });
        // A pinned entity keeps its place when the layout runs again.
        pin.setId("chart-pin");
        pin.addClickListener(e -> {
            if (!pinned.remove(selected)) {
                pinned.add(selected);
            }
            draw();
            showSelection();
        });
        saveInvestigation.setText(getTranslation("investigation.save"));
        saveInvestigation.setId("chart-save");
        saveInvestigation.addClickListener(e -> openSaveForm());
        notes.setSummaryText(getTranslation("investigation.notes"));
        notes.setId("chart-notes");
        notes.add(notesText);
        notesText.getStyle().set("white-space", "pre-wrap");
        notes.setVisible(false);
        pathFrom.setText(getTranslation("chart.path-from"));
        pathFrom.setId("chart-path-from");
        pathFrom.addClickListener(e -> {
            from = selected;
            status.setText(getTranslation("chart.path-from-set", caption(from)));
        });
        pathTo.setText(getTranslation("chart.path-to"));
        pathTo.setId("chart-path-to");
        pathTo.addClickListener(e -> paths(from, selected));
        selection.setId("chart-selection");
        record.setId("chart-open-record");
        record.setText(getTranslation("chart.open-record"));
        status.setId("chart-status");
        graph.setId("chart-graph");
        graph.setHeight("55vh");
        graph.addNodeClickListener(e -> select(e.getNodeId()));
        var tools = new HorizontalLayout(types, since, until, layout, selection, record, expand, hops, around, hide, pin,
                pathFrom, pathTo, saveInvestigation, exports());
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        tools.setWrap(true);
        // Brushing the timeline sets the dates, which filter the chart and the map alike.
        timeline.setId("chart-timeline");
        timeline.setHeight("260px");
        timeline.addRangeListener(e -> {
            // Both dates, then one redraw.
            settingDates = true;
            since.setValue(e.from());
            until.setValue(e.to());
            settingDates = false;
            dated();
        });
        timelineStatus.setId("chart-timeline-status");
        map.setId("chart-map");
        map.setHeight("300px");
        map.setBasemap(basemaps.of(getLocale(), true));
        var timelineBox = new VerticalLayout(timelineStatus, timeline);
        timelineBox.setPadding(false);
        timelineBox.setSpacing(false);
        var below = new com.vaadin.flow.component.orderedlayout.FlexLayout(timelineBox, map);
        below.setWidthFull();
        below.setFlexWrap(com.vaadin.flow.component.orderedlayout.FlexLayout.FlexWrap.WRAP);
        below.getStyle().set("gap", "var(--lumo-space-m)");
        timelineBox.getStyle().set("flex", "1 1 420px");
        map.getStyle().set("flex", "1 1 420px");
        add(new H2(getTranslation("chart.title")), tools, status, notes, graph, below);
        expand(graph);
        select(null);
    }

    @Override
    public void setParameter(BeforeEvent event, @com.vaadin.flow.router.WildcardParameter String parameter) {
        try {
            if (parameter != null && parameter.startsWith(INVESTIGATION)) {
                restore(investigations.open(parameter.substring(INVESTIGATION.length())));
                return;
            }
            if (parameter != null && parameter.startsWith(ALERT)) {
                merge(alerts.evidence(parameter.substring(ALERT.length())));
                status.setText(getTranslation("chart.alert-evidence", entities.size()));
                draw();
                canvasChanged();
                return;
            }
            EntityRef start = EntityRef.parse(parameter);
            selected = start.toString(); // so that growing asks for no picture; select() asks for it, once
            grow(start.toString());
            select(start.toString());
        } catch (IntelligenceRejected rejected) {
            status.setText(getTranslation(rejected.getMessage()));
        }
    }

    /** Adds the next page of the entity's neighbours along the chosen types. */
    void grow(String ref) {
        if (ref == null) {
            return;
        }
        int offset = shown.getOrDefault(ref, 0);
        try {
            LinkGraph page = analysis.expand(EntityRef.parse(ref), types.getValue(), offset, PAGE);
            merge(page);
            shown.put(ref, offset + page.entities().size() - 1);
            status.setText(page.more() > 0 ? getTranslation("chart.more", page.more(), caption(ref))
                    : getTranslation("chart.all-shown", caption(ref)));
            draw();
            canvasChanged();
        } catch (IntelligenceRejected rejected) {
            error(rejected);
        }
    }

    /** Adds everything within the given number of steps of the entity (capped per entity and in all). */
    void neighbourhood(String ref, int steps) {
        if (ref == null) {
            return;
        }
        try {
            LinkGraph part = analysis.neighbourhood(EntityRef.parse(ref), types.getValue(), steps);
            merge(part);
            status.setText(getTranslation(part.more() > 0 ? "chart.neighbourhood-capped" : "chart.neighbourhood-shown",
                    part.entities().size(), steps, caption(ref), part.more()));
            draw();
            canvasChanged();
        } catch (IntelligenceRejected rejected) {
            error(rejected);
        }
    }

    private void merge(LinkGraph part) {
        placed = Map.of();
        part.entities().forEach(x -> entities.putIfAbsent(x.ref(), x));
        links.addAll(part.links());
    }

    void paths(String a, String b) {
        if (a == null || b == null) {
            status.setText(getTranslation("chart.path-choose"));
            return;
        }
        try {
            List<LinkGraph> found = analysis.shortestPaths(EntityRef.parse(a), EntityRef.parse(b), types.getValue(),
                    LinkAnalysis.MAX_HOPS, 3);
            onPath.clear();
            for (LinkGraph p : found) {
                p.entities().forEach(x -> {
                    entities.putIfAbsent(x.ref(), x);
                    hidden.remove(x.ref());
                    onPath.add(x.ref());
                });
                links.addAll(p.links());
            }
            status.setText(found.isEmpty() ? getTranslation("chart.no-path", caption(a), caption(b), LinkAnalysis.MAX_HOPS)
                    : getTranslation("chart.paths-found", found.size(), found.getFirst().links().size()));
            draw();
            canvasChanged();
        } catch (IntelligenceRejected rejected) {
            error(rejected);
        }
    }

    private void select(String ref) {
        selected = ref;
        showSelection();
        refreshPicture();
    }

    /** The selection's caption and what may be done with it. */
    private void showSelection() {
        String ref = selected;
        boolean any = ref != null;
        selection.setText(any ? caption(ref) : getTranslation("chart.select-a-node"));
        EntityRef entity = any ? EntityRef.parse(ref) : null;
        String page = any ? RECORD_PAGES.get(entity.kind()) : null;
        record.setVisible(page != null);
        record.setHref(page == null ? "" : page + entity.key());
        expand.setEnabled(any);
        around.setEnabled(any);
        hide.setEnabled(any);
        pin.setEnabled(any);
        pin.setText(getTranslation(any && pinned.contains(ref) ? "chart.unpin" : "chart.pin"));
        pathFrom.setEnabled(any);
        pathTo.setEnabled(any && from != null && !ref.equals(from));
    }

    /**
     * Entities were added: the picture around everything visible changes with them; the picture
     * around a selected entity does not.
     */
    private void canvasChanged() {
        if (selected == null) {
            refreshPicture();
        }
    }

    /**
     * Asks again for the events and routes around the selection, or around everything visible when
     * nothing is selected (the first {@link TimeAndPlace#MAX_ENTITIES}).
     */
    void refreshPicture() {
        List<EntityRef> around = selected != null ? List.of(EntityRef.parse(selected))
                : entities.keySet().stream().filter(this::visible).limit(TimeAndPlace.MAX_ENTITIES).map(EntityRef::parse)
                .toList();
        try {
            picture = timeAndPlace.around(around);
        } catch (IntelligenceRejected rejected) {
            error(rejected);
            return;
        }
        String where = selected != null ? caption(selected) : getTranslation("chart.timeline-everything");
        timelineStatus.setText(getTranslation(picture.capped() ? "chart.timeline-capped" : "chart.timeline-status",
                picture.events().stream().filter(x -> x.date() != null).count(), picture.routes().size(), where));
        drawTimeAndPlace();
    }

    /** The dates changed (typed, or brushed on the timeline): the chart, the map and the brush follow. */
    private void dated() {
        draw();
        drawTimeAndPlace();
    }

    /** Whether a date is within the chosen dates; an unknown date always is. */
    private boolean inDates(LocalDate day) {
        return day == null || ((since.getValue() == null || !day.isBefore(since.getValue()))
                && (until.getValue() == null || !day.isAfter(until.getValue())));
    }

    /** The timeline shows every event of the picture; the map shows those within the dates. */
    private void drawTimeAndPlace() {
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
        timeline.setOption(option);
        var dates = picture.events().stream().map(TimeAndPlace.Event::date).filter(java.util.Objects::nonNull).toList();
        LocalDate first = since.getValue();
        LocalDate last = until.getValue();
        if (first == null && last == null || dates.isEmpty()) {
            timeline.setRange(null, null);
        } else {
            timeline.setRange(first != null ? first : dates.getFirst(), last != null ? last : dates.getLast());
        }
        var points = new ArrayList<MapView.Point>();
        for (TimeAndPlace.Event x : picture.events()) {
            if (x.place() != null && inDates(x.date())) {
                points.add(new MapView.Point(x.place().latitude(), x.place().longitude(), x.caption()
                        + (x.place().name() == null ? "" : " · " + place(x.place()))));
            }
        }
        var lines = new ArrayList<MapView.Line>();
        for (TimeAndPlace.Route r : picture.routes()) {
            if (inDates(r.date())) {
                lines.add(new MapView.Line(r.stops().stream().map(p -> new double[]{p.latitude(), p.longitude()}).toList(),
                        r.imported() == null ? getTranslation("chart.route-made", country(r.made()), caption(r.weapon()))
                                : getTranslation("chart.route", country(r.made()), country(r.imported()), caption(r.weapon())),
                        r.stops().getLast().approximate()));
            }
        }
        map.setPoints(points);
        map.setLines(lines);
    }

    private String place(TimeAndPlace.Place p) {
        return p.approximate() ? country(p.name()) : p.name();
    }

    private String country(String code) {
        return code == null ? "?" : reference.country(code).map(c -> c.name(getLocale())).orElse(code);
    }

    private void openSaveForm() {
        boolean owner = investigation == null || investigation.owner().equals(org.armstrace.security.AuditLog.currentActor());
        form = investigation == null ? new InvestigationForm("", "", null, true)
                : new InvestigationForm(investigation.name(), investigation.notes(), investigation.sharedWith(), owner);
        form.addSaveListener(e -> graph.positions(at -> save(e.name, e.notes, e.sharedWith, at)));
        form.open();
    }

    /**
     * Saves the canvas (with where the browser drew each entity) as the next revision of this
     * investigation, or as a new one. A refusal leaves the form open with what was typed.
     */
    void save(String name, String notesTyped, String sharedWith, Map<String, Map<String, Double>> drawnAt) {
        var positions = new LinkedHashMap<String, Investigations.Position>();
        drawnAt.forEach((ref, p) -> {
            if (entities.containsKey(ref) && p.get("x") != null && p.get("y") != null) {
                positions.put(ref, new Investigations.Position(p.get("x"), p.get("y")));
            }
        });
        var canvas = new Investigations.Canvas(List.copyOf(entities.keySet()), hidden.stream().filter(entities::containsKey)
                .toList(), pinned.stream().filter(entities::containsKey).toList(), Set.copyOf(types.getValue()),
                since.getValue(), until.getValue(), layout.getValue(), positions);
        try {
            investigation = investigations.save(investigation == null ? newInvestigationId : investigation.id(),
                    investigation == null ? 0 : investigation.revision(), name, notesTyped, sharedWith, canvas);
        } catch (IntelligenceRejected rejected) {
            error(rejected);
            if (form != null) {
                form.save.setEnabled(true);
            }
            return;
        }
        if (form != null) {
            form.close();
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "intelligence/chart/" + INVESTIGATION
                + investigation.id()));
        status.setText(getTranslation("investigation.saved", investigation.name(), investigation.revision()));
        showNotes();
    }

    /** Draws a saved investigation as it was saved: its entities where they were, filters and pins included. */
    private void restore(Investigations.Investigation opened) {
        investigation = opened;
        var canvas = opened.canvas();
        since.setValue(canvas.since());
        until.setValue(canvas.until());
        types.setValue(canvas.types());
        layout.setValue(canvas.layout() == null ? Investigations.LAYOUTS.getFirst() : canvas.layout());
        merge(analysis.subgraph(canvas.entities().stream().map(EntityRef::parse).toList(), Set.of(),
                "investigation " + opened.id()));
        hidden.addAll(canvas.hidden());
        pinned.addAll(canvas.pinned());
        placed = canvas.positions();
        long gone = canvas.entities().stream().filter(r -> !entities.containsKey(r)).count();
        status.setText(getTranslation(gone > 0 ? "investigation.opened-some-gone" : "investigation.opened", opened.name(),
                opened.revision(), opened.updatedBy(), gone));
        showNotes();
        draw();
        canvasChanged();
    }

    private void showNotes() {
        notesText.setText(investigation.notes());
        notes.setVisible(!investigation.notes().isBlank());
    }

    /** The entities and links the canvas shows now. */
    LinkGraph visibleGraph() {
        var shownEntities = entities.values().stream().filter(x -> visible(x.ref())).toList();
        var shownLinks = links.stream().filter(l -> visible(l.from()) && visible(l.to())).toList();
        return new LinkGraph(shownEntities, shownLinks, 0);
    }

    /** PNG and SVG of the canvas (drawn by Cytoscape in the browser), and the visible subgraph as XLSX. */
    private HorizontalLayout exports() {
        var png = new Button(getTranslation("chart.export-png"), e -> graph.download("png", "link-chart.png"));
        png.setId("chart-png");
        png.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var svg = new Button(getTranslation("chart.export-svg"), e -> graph.download("svg", "link-chart.svg"));
        svg.setId("chart-svg");
        svg.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        DownloadHandler xlsx = event -> {
            event.setFileName("link-chart.xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            LinkChartWorkbook.write(visibleGraph(), getTranslation("chart.sheet.entities"),
                    List.of(getTranslation("chart.col.entity"), getTranslation("chart.col.kind"),
                            getTranslation("chart.col.caption"), getTranslation("chart.col.date")),
                    getTranslation("chart.sheet.links"), List.of(getTranslation("chart.col.from"),
                            getTranslation("chart.col.to"), getTranslation("chart.col.relationship")),
                    event.getOutputStream());
        };
        var workbook = new Anchor(xlsx, getTranslation("chart.export-xlsx"));
        workbook.setId("chart-xlsx");
        workbook.getElement().setAttribute("download", true);
        var row = new HorizontalLayout(png, svg, workbook);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return row;
    }

    /** What the canvas shows: not hidden, and within the dates when the entity is an event. */
    boolean visible(String ref) {
        if (hidden.contains(ref)) {
            return false;
        }
        LinkGraph.Entity x = entities.get(ref);
        return inDates(x == null ? null : x.date());
    }

    private void draw() {
        var elements = new ArrayList<GraphView.CyElement>();
        for (LinkGraph.Entity x : entities.values()) {
            if (visible(x.ref())) {
                Investigations.Position at = placed.get(x.ref());
                elements.add(new GraphView.CyElement("nodes", Map.of("id", x.ref(), "label", x.caption(), "type",
                        x.kind()), x.kind() + (onPath.contains(x.ref()) ? " onPath" : "")
                        + (pinned.contains(x.ref()) ? " pinned" : ""), at == null ? null : Map.of("x", at.x(), "y", at.y())));
            }
        }
        int i = 0;
        for (LinkGraph.Link l : links) {
            if (visible(l.from()) && visible(l.to())) {
                elements.add(GraphView.CyElement.edge("l" + i++, l.from(), l.to(), getTranslation("rel." + l.type())));
            }
        }
        graph.setElements(elements);
    }

    private String caption(String ref) {
        LinkGraph.Entity x = ref == null ? null : entities.get(ref);
        return x == null || x.caption() == null || x.caption().isBlank() ? String.valueOf(ref) : x.caption();
    }

    private void error(IntelligenceRejected rejected) {
        Notification.show(getTranslation(rejected.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return investigation == null ? getTranslation("chart.title") : investigation.name();
    }
}
