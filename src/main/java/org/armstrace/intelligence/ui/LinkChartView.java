package org.armstrace.intelligence.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.WildcardParameter;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.armstrace.base.ui.Basemaps;
import org.armstrace.base.ui.GraphView;
import org.armstrace.cases.Case;
import org.armstrace.cases.CaseLinks;
import org.armstrace.cases.Cases;
import org.armstrace.intelligence.Alerts;
import org.armstrace.intelligence.ChartInterchange;
import org.armstrace.intelligence.EntityRef;
import org.armstrace.intelligence.IntelligenceRejected;
import org.armstrace.intelligence.Investigations;
import org.armstrace.intelligence.LinkAnalysis;
import org.armstrace.intelligence.LinkGraph;
import org.armstrace.intelligence.PartnerChart;
import org.armstrace.intelligence.TimeAndPlace;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;

/**
 * The investigation canvas: starts from one entity, grows by expanding the selected one (a page
 * at a time: "more" fetches the next), filters by relationship type, hides what is in the way,
 * switches layouts, and shows the shortest paths between two chosen entities. It also opens on an
 * alert's evidence.
 *
 * <p>What is on the canvas is the {@link LinkCanvas} model's; the controls are the
 * {@link LinkChartToolbar}'s, the timeline and map the {@link TimelineMap}'s. The view asks the
 * services and wires the three together.
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
    /** A case's linked records as the seeds, from the case's page: {@code intelligence/chart/CaseRecords:<number>}. */
    static final String CASE_RECORDS = "CaseRecords:";
    /** How a partner's chart is drawn: dashed and pale, so it is never taken for our records. */
    static final Map<String, Object> OVERLAY_NODE = Map.of("border-style", "dashed", "border-width", 2,
            "border-color", "#6d4c41", "background-opacity", 0.35, "shape", "round-octagon");
    static final Map<String, Object> OVERLAY_EDGE = Map.of("line-style", "dashed", "line-color", "#8d6e63",
            "target-arrow-color", "#8d6e63");

    private final LinkAnalysis analysis;
    private final Alerts alerts;
    private final TimeAndPlace timeAndPlace;
    private final Investigations investigations;
    private final Cases cases;
    private final CaseLinks caseLinks;
    private final ChartInterchange interchange;
    final LinkCanvas canvas = new LinkCanvas();
    final GraphView graph = new GraphView();
    final LinkChartToolbar toolbar;
    final PartnerOverlayPanel partner;
    final TimelineMap timelineMap;
    final Details notes = new Details();
    final Paragraph notesText = new Paragraph();
    final Span status = new Span();
    /** The saved investigation this canvas is, once saved or opened. */
    Investigations.Investigation investigation;
    private final String newInvestigationId = Investigations.newId();
    InvestigationForm form;

    public LinkChartView(LinkAnalysis analysis, Alerts alerts, TimeAndPlace timeAndPlace, ReferenceData reference,
                         Basemaps basemaps, Investigations investigations, Cases cases, CaseLinks caseLinks,
                         ChartInterchange interchange) {
        this.analysis = analysis;
        this.cases = cases;
        this.caseLinks = caseLinks;
        this.alerts = alerts;
        this.timeAndPlace = timeAndPlace;
        this.investigations = investigations;
        this.interchange = interchange;
        this.toolbar = new LinkChartToolbar(graph, this::exported,
                out -> interchange.exportAnx(canvas.visibleGraph(), t -> getTranslation("rel." + t), out));
        this.partner = new PartnerOverlayPanel(interchange);
        wirePartner();
        this.timelineMap = new TimelineMap(reference, basemaps.of(getLocale(), true));
        setSizeFull();
        wireToolbar();
        notes.setSummaryText(getTranslation("investigation.notes"));
        notes.setId("chart-notes");
        notes.add(notesText);
        notesText.getStyle().set("white-space", "pre-wrap");
        notes.setVisible(false);
        status.setId("chart-status");
        graph.setId("chart-graph");
        graph.setHeight("55vh");
        // A partner's entity is not a record of ours: selecting it would offer to expand what is not in the graph.
        graph.addNodeClickListener(e -> select(LinkCanvas.isOverlay(e.getNodeId()) ? null : e.getNodeId()));
        timelineMap.timeline.addRangeListener(e -> toolbar.setDates(e.from(), e.to()));
        // A partner's chart is reviewed under the map: above, it would push the chart and timeline down the page.
        add(new H2(getTranslation("chart.title")), toolbar, status, notes, graph, timelineMap, partner);
        expand(graph);
        select(null);
    }

    private void wireToolbar() {
        toolbar.layout.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                canvas.forgetPlaces();
            }
            graph.setLayout(Map.of("name", e.getValue(), "animate", false));
        });
        toolbar.onDatesChanged(this::dated);
        toolbar.expand.addClickListener(e -> grow(canvas.selected()));
        toolbar.around.addClickListener(e -> neighbourhood(canvas.selected(), toolbar.hops.getValue()));
        toolbar.hide.addClickListener(e -> {
            canvas.hide(canvas.selected());
            draw();
            select(null);
        });
        toolbar.pin.addClickListener(e -> {
            canvas.togglePin(canvas.selected());
            draw();
            showSelection();
        });
        toolbar.saveInvestigation.addClickListener(e -> openSaveForm());
        toolbar.pathFrom.addClickListener(e -> {
            canvas.pathFromSelected();
            status.setText(getTranslation("chart.path-from-set", canvas.caption(canvas.from())));
        });
        toolbar.pathTo.addClickListener(e -> paths(canvas.from(), canvas.selected()));
    }

    /** A partner's chart is drawn beside ours; an accepted match brings the record onto the canvas, joined to it. */
    private void wirePartner() {
        partner.onOverlay(o -> {
            canvas.overlay(o.chart());
            draw();
        });
        partner.onAccepted((anxId, ref) -> {
            canvas.overlayAccepted(anxId, ref);
            if (!canvas.entities().containsKey(ref)) {
                try {
                    canvas.merge(analysis.subgraph(List.of(EntityRef.parse(ref)), Set.of(), "i2 match"));
                } catch (IntelligenceRejected rejected) {
                    error(rejected);
                }
            }
            draw();
        });
        partner.onCleared(() -> {
            canvas.overlay(null);
            draw();
        });
    }

    @Override
    public void setParameter(BeforeEvent event, @WildcardParameter String parameter) {
        try {
            if (parameter != null && parameter.startsWith(INVESTIGATION)) {
                restore(investigations.open(parameter.substring(INVESTIGATION.length())));
                return;
            }
            if (parameter != null && parameter.startsWith(CASE_RECORDS)) {
                openCase(parameter.substring(CASE_RECORDS.length()));
                return;
            }
            if (parameter != null && parameter.startsWith(ALERT)) {
                canvas.merge(alerts.evidence(parameter.substring(ALERT.length())));
                status.setText(getTranslation("chart.alert-evidence", canvas.entities().size()));
                draw();
                canvasChanged();
                return;
            }
            EntityRef start = EntityRef.parse(parameter);
            canvas.select(start.toString()); // so that growing asks for no picture; select() asks for it, once
            grow(start.toString());
            select(start.toString());
        } catch (IntelligenceRejected rejected) {
            status.setText(getTranslation(rejected.getMessage()));
        }
    }

    /** The case's records and the links among them, as seeds; a case the analyst may not see is "not found". */
    private void openCase(String number) {
        Case c = cases.find(number).orElse(null);
        if (c == null) {
            status.setText(getTranslation("cases.not-found", number));
            return;
        }
        canvas.merge(analysis.subgraph(CaseSeeds.of(c, caseLinks.keys(c.number())), Set.of(), "case " + c.number()));
        status.setText(getTranslation("chart.case-records", canvas.entities().size(), c.number()));
        draw();
        canvasChanged();
    }

    /** Adds the next page of the entity's neighbours along the chosen types. */
    void grow(String ref) {
        if (ref == null) {
            return;
        }
        int offset = canvas.nextPage(ref);
        try {
            LinkGraph page = analysis.expand(EntityRef.parse(ref), toolbar.types.getValue(), offset, PAGE);
            canvas.expanded(ref, offset, page);
            status.setText(page.more() > 0 ? getTranslation("chart.more", page.more(), canvas.caption(ref))
                    : getTranslation("chart.all-shown", canvas.caption(ref)));
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
            LinkGraph part = analysis.neighbourhood(EntityRef.parse(ref), toolbar.types.getValue(), steps);
            canvas.merge(part);
            status.setText(getTranslation(part.more() > 0 ? "chart.neighbourhood-capped" : "chart.neighbourhood-shown",
                    part.entities().size(), steps, canvas.caption(ref), part.more()));
            draw();
            canvasChanged();
        } catch (IntelligenceRejected rejected) {
            error(rejected);
        }
    }

    void paths(String a, String b) {
        if (a == null || b == null) {
            status.setText(getTranslation("chart.path-choose"));
            return;
        }
        try {
            List<LinkGraph> found = analysis.shortestPaths(EntityRef.parse(a), EntityRef.parse(b),
                    toolbar.types.getValue(), LinkAnalysis.MAX_HOPS, 3);
            canvas.paths(found);
            status.setText(found.isEmpty()
                    ? getTranslation("chart.no-path", canvas.caption(a), canvas.caption(b), LinkAnalysis.MAX_HOPS)
                    : getTranslation("chart.paths-found", found.size(), found.getFirst().links().size()));
            draw();
            canvasChanged();
        } catch (IntelligenceRejected rejected) {
            error(rejected);
        }
    }

    private void select(String ref) {
        canvas.select(ref);
        showSelection();
        refreshPicture();
    }

    /** The selection's caption and what may be done with it. */
    private void showSelection() {
        String ref = canvas.selected();
        boolean any = ref != null;
        toolbar.showSelection(any, any ? canvas.caption(ref) : getTranslation("chart.select-a-node"),
                any ? canvas.recordPage(ref) : null, any && canvas.isPinned(ref), canvas.canPathToSelected());
    }

    /**
     * Entities were added: the picture around everything visible changes with them; the picture
     * around a selected entity does not.
     */
    private void canvasChanged() {
        if (canvas.selected() == null) {
            refreshPicture();
        }
    }

    /**
     * Asks again for the events and routes around the selection, or around everything visible when
     * nothing is selected (the first {@link TimeAndPlace#MAX_ENTITIES}).
     */
    void refreshPicture() {
        TimeAndPlace.Picture picture;
        try {
            picture = timeAndPlace.around(canvas.around(TimeAndPlace.MAX_ENTITIES));
        } catch (IntelligenceRejected rejected) {
            error(rejected);
            return;
        }
        String selected = canvas.selected();
        timelineMap.show(picture, selected != null ? canvas.caption(selected) : getTranslation("chart.timeline-everything"));
        drawTimeAndPlace();
    }

    /** The dates changed (typed, or brushed on the timeline): the chart, the map and the brush follow. */
    private void dated() {
        canvas.dates(toolbar.since.getValue(), toolbar.until.getValue());
        draw();
        drawTimeAndPlace();
    }

    private void drawTimeAndPlace() {
        timelineMap.draw(canvas.since(), canvas.until(), canvas::inDates, canvas::caption);
    }

    private void openSaveForm() {
        boolean owner = investigation == null || investigation.owner().equals(AuditLog.currentActor());
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
        var saved = canvas.toSave(toolbar.types.getValue(), toolbar.layout.getValue(), drawnAt);
        try {
            investigation = investigations.save(investigation == null ? newInvestigationId : investigation.id(),
                    investigation == null ? 0 : investigation.revision(), name, notesTyped, sharedWith, saved);
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
        var saved = opened.canvas();
        toolbar.since.setValue(saved.since());
        toolbar.until.setValue(saved.until());
        toolbar.types.setValue(saved.types());
        toolbar.layout.setValue(saved.layout() == null ? Investigations.LAYOUTS.getFirst() : saved.layout());
        long gone = canvas.reopen(saved, analysis.subgraph(saved.entities().stream().map(EntityRef::parse).toList(),
                Set.of(), "investigation " + opened.id()));
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

    private void draw() {
        var elements = new ArrayList<GraphView.CyElement>();
        LinkGraph visible = canvas.visibleGraph();
        for (LinkGraph.Entity x : visible.entities()) {
            Investigations.Position at = canvas.placed(x.ref());
            elements.add(new GraphView.CyElement("nodes",
                    Map.of("id", x.ref(), "label", EventCaptions.of(this, x), "type", x.kind()),
                    canvas.styleClasses(x), at == null ? null : Map.of("x", at.x(), "y", at.y())));
        }
        int i = 0;
        for (LinkGraph.Link l : visible.links()) {
            elements.add(GraphView.CyElement.edge("l" + i++, l.from(), l.to(), getTranslation("rel." + l.type())));
        }
        drawOverlay(elements, visible);
        graph.setElements(elements);
    }

    /** The partner's chart: its entities and links dashed, and each accepted match as a dashed link to our record. */
    private void drawOverlay(List<GraphView.CyElement> elements, LinkGraph visible) {
        PartnerChart overlay = canvas.overlay();
        if (overlay == null) {
            return;
        }
        for (PartnerChart.Item x : overlay.entities()) {
            elements.add(new GraphView.CyElement("nodes", Map.of("id", LinkCanvas.OVERLAY + x.id(), "label", x.label(),
                    "type", "overlay"), "overlay").styled(OVERLAY_NODE));
        }
        int i = 0;
        for (PartnerChart.Link l : overlay.links()) {
            elements.add(GraphView.CyElement.edge("o" + i++, LinkCanvas.OVERLAY + l.from(), LinkCanvas.OVERLAY + l.to(),
                    l.label()).styled(OVERLAY_EDGE));
        }
        var shown = visible.entities().stream().map(LinkGraph.Entity::ref).collect(java.util.stream.Collectors.toSet());
        for (var match : canvas.overlayAccepted().entrySet()) {
            if (shown.contains(match.getValue())) {
                elements.add(GraphView.CyElement.edge("m" + i++, LinkCanvas.OVERLAY + match.getKey(), match.getValue(), "i2")
                        .styled(OVERLAY_EDGE));
            }
        }
    }

    private void error(IntelligenceRejected rejected) {
        Notification.show(getTranslation(rejected.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** What the workbook export holds; the service audits the people in it as they leave. */
    private LinkGraph exported() {
        LinkGraph visible = canvas.visibleGraph();
        analysis.exported(visible);
        return visible;
    }

    @Override
    public String getPageTitle() {
        return investigation == null ? getTranslation("chart.title") : investigation.name();
    }
}
