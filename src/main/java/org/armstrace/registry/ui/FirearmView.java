package org.armstrace.registry.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.BoundedUpload;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.base.ui.GraphView;
import org.armstrace.base.ui.UploadTexts;
import org.armstrace.cases.LinkKind;
import org.armstrace.cases.ui.AddToCase;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.FirearmTimeline;
import org.armstrace.registry.LostStolenRegister;
import org.armstrace.registry.LostStolenReport;
import org.armstrace.registry.MarkingCorrections;
import org.armstrace.registry.RecordCorrections;
import org.armstrace.registry.MatchReason;
import org.armstrace.registry.Neighbourhood;
import org.armstrace.registry.Person;
import org.armstrace.registry.Photos;
import org.armstrace.registry.Provenance;
import org.armstrace.registry.ReferenceData;
import org.armstrace.registry.RegistryDesk;
import org.armstrace.registry.TimelineEntry;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;

/**
 * One weapon: alerts first (lost/stolen), then identification and markings, photos, and its life
 * as a timeline (registration, corrections, transfers, licences, reports).
 */
@Route("registry/firearm")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.INTAKE, Role.Names.FIELD_OFFICER})
public class FirearmView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final FirearmRegistry registry;
    private final FirearmTimeline timeline;
    private final LostStolenRegister lostStolen;
    private final Photos photos;
    private final Neighbourhood neighbourhood;
    private final ReferenceData reference;
    private final RegistryDesk desk;
    private final RecordCorrections corrections;
    private final MarkingCorrections markingCorrections;
    private String title = "";
    private String firearmId;

    public FirearmView(FirearmRegistry registry, FirearmTimeline timeline, LostStolenRegister lostStolen, Photos photos,
                       Neighbourhood neighbourhood, ReferenceData reference, RegistryDesk desk,
                       RecordCorrections corrections, MarkingCorrections markingCorrections) {
        this.desk = desk;
        this.corrections = corrections;
        this.markingCorrections = markingCorrections;
        this.neighbourhood = neighbourhood;
        this.reference = reference;
        this.registry = registry;
        this.timeline = timeline;
        this.lostStolen = lostStolen;
        this.photos = photos;
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        firearmId = id;
        refresh();
    }

    private void refresh() {
        removeAll();
        var found = registry.find(firearmId);
        if (found.isEmpty()) {
            add(new H2(getTranslation("firearm.not-found")));
            return;
        }
        Firearm f = found.get();
        title = f.serialAsRead();
        // Display names, not reference codes: "Smith & Wesson Model 10", not "SMITH_WESSON Model 10".
        String make = reference.makeName(f.makeCode(), f.makeAsRead());
        add(new H2((make + " " + nullToEmpty(f.model())).strip() + " · " + f.serialAsRead()));
        add(alerts());
        var facts = new Div();
        facts.setId("firearm-facts");
        facts.addClassName("facts");
        facts.add(fact("registry.type", reference.typeName(f.typeCode(), getLocale())), fact("registry.make", make),
                fact("registry.model", modelFact(f)), fact("registry.calibre", reference.calibreName(f.calibreCode())),
                fact("registry.serial-as-read", f.serialAsRead()), fact("firearm.serial-key", f.serialKey()),
                fact("firearm.country", reference.countryName(f.countryOfManufacture(), getLocale())),
                fact("firearm.year", f.year() == null ? null : f.year().toString()),
                ProvenanceLine.of(this, f.source(), f.confidence(), f.recordedAt(),
                        registry.importBatch(f.id()).orElse(null)));
        add(facts);
        if (RegistryDesk.allowed()) {
            add(new HorizontalLayout(DeskActions.correctFirearm(this, desk, reference, f, this::refresh),
                    DeskActions.recordTransfer(this, desk, f.id(), this::refresh)));
        }
        // The service hands a field officer the graph without names: say there is a holder, not who.
        Neighbourhood.Graph g = neighbourhood.ofFirearm(firearmId);
        if (g.nodes().stream().anyMatch(n -> Person.ON_FILE.equals(n.id()))) {
            var onFile = new Paragraph(getTranslation("firearm.holder-on-file"));
            onFile.setId("firearm-holder-on-file");
            add(onFile);
        }
        if (Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST)) {
            // By address, not by class: the registry does not depend on the tracing desk's views.
            var traceAbroad = new Anchor("tracing/outgoing?firearm=" + f.id(),
                    getTranslation("registry.trace-abroad"));
            traceAbroad.setId("firearm-trace-abroad");
            traceAbroad.addClassName("button-link");
            add(traceAbroad);
        }
        add(new H3(getTranslation("firearm.markings")), CorrectionParts.markings(this, markingCorrections, f, this::refresh));
        add(new H3(getTranslation("firearm.photos")), photoGallery());
        var chart = new Anchor("intelligence/chart/Firearm:" + firearmId,
                getTranslation("chart.open"));
        chart.setId("firearm-open-chart");
        chart.setVisible(Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST));
        add(new H3(getTranslation("firearm.neighbourhood")), chart, neighbourhoodGraph(g));
        if (chart.isVisible()) {
            add(AddToCase.button(LinkKind.FIREARM, firearmId, null));
        }
        add(new H3(getTranslation("firearm.timeline")), timelineGrid());
        add(new H3(getTranslation("firearm.transfers")), CorrectionParts.transfers(this, corrections, firearmId,
                this::refresh));
        add(new H3(getTranslation("firearm.history")), HistorySentences.list(this, "firearm-history",
                registry.history(firearmId), this::displayValue));
    }

    /** A stored code in a history sentence as people name it. */
    private String displayValue(String field, String value) {
        return switch (field) {
            case "typeCode" -> reference.typeName(value, getLocale());
            case "calibreCode" -> reference.calibreName(value);
            case "countryOfManufacture" -> reference.countryName(value, getLocale());
            case "marking" -> CorrectionParts.markingValue(this, value);
            default -> value;
        };
    }

    private Component neighbourhoodGraph(Neighbourhood.Graph g) {
        var graph = new GraphView();
        graph.setId("firearm-graph");
        graph.setHeight("360px");
        var elements = new ArrayList<GraphView.CyElement>();
        g.nodes().forEach(n -> elements.add(GraphView.CyElement.node(n.id(), Person.ON_FILE.equals(n.id())
                ? getTranslation("person.on-file") : n.caption(), n.kind())));
        int i = 0;
        for (Neighbourhood.Edge e : g.edges()) {
            elements.add(GraphView.CyElement.edge("e" + i++, e.from(), e.to(), e.type()));
        }
        graph.setElements(elements);
        graph.setLayout(Map.of("name", "cose", "animate", false));
        var kinds = new HashMap<String, String>();
        g.nodes().forEach(n -> kinds.put(n.id(), n.kind()));
        graph.addNodeClickListener(e -> {
            String kind = kinds.get(e.getNodeId());
            if ("Firearm".equals(kind) && !firearmId.equals(e.getNodeId())) {
                getUI().ifPresent(ui -> ui.navigate(FirearmView.class, e.getNodeId()));
            } else if ("Person".equals(kind) && Role.current(Role.PERSONAL_DATA)) {
                getUI().ifPresent(ui -> ui.navigate(PersonView.class, e.getNodeId()));
            } else if ("Organisation".equals(kind) && Role.current(Role.PERSONAL_DATA)) {
                getUI().ifPresent(ui -> ui.navigate(OrganisationView.class, e.getNodeId()));
            }
        });
        graph.focusNode(firearmId);
        return graph;
    }

    private Component alerts() {
        var box = new Div();
        box.setId("firearm-alerts");
        List<LostStolenRegister.Alert> alerts = lostStolen.alerts(firearmId);
        for (LostStolenRegister.Alert a : alerts) {
            var alert = new Div();
            alert.addClassName("alert-danger");
            String kind = getTranslation("lost.kind." + a.report().kind().name());
            if (a.direct()) {
                alert.add(new Span(getTranslation("firearm.alert-reported", kind, a.report().occurredOn() == null ? "—"
                        : Dates.date(a.report().occurredOn(), getLocale()), nullToEmpty(a.report().place()))));
                if (Role.current(Role.PERSONAL_DATA)) {
                    alert.add(new RouterLink(getTranslation("firearm.open"), LostStolenReportView.class, a.report().id()));
                }
                if (Role.current(Role.Names.ADMIN, Role.Names.ANALYST, Role.Names.SUPERVISOR)) {
                    var close = new Button(getTranslation("lost.close"), e -> closeDialog(a.report()));
                    close.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    alert.add(close);
                }
            } else {
                alert.add(new Span(getTranslation("firearm.alert-resembles", kind, a.reportedSerial(),
                        String.join("; ", MatchReason.texts(a.reasons(), this::getTranslation)))), new RouterLink(getTranslation("firearm.open"), FirearmView.class,
                        a.reportedFirearmId()));
            }
            box.add(alert);
        }
        if (alerts.stream().noneMatch(LostStolenRegister.Alert::direct)) {
            var report = new Button(getTranslation("lost.report-button"), e -> reportDialog());
            report.setId("firearm-report-lost");
            report.addThemeVariants(ButtonVariant.LUMO_ERROR);
            box.add(report);
        }
        return box;
    }

    private void reportDialog() {
        var dialog = new Dialog(getTranslation("lost.report-button"));
        var form = new LostStolenForm();
        form.addReportListener(e -> {
            var v = e.values();
            try {
                lostStolen.report(firearmId, v.kind(), v.occurredOn(), v.place(), v.reference(), v.circumstances(),
                        new Provenance("user:" + AuditLog.currentActor(), Provenance.Confidence.MEDIUM));
                dialog.close();
                Notification.show(getTranslation("lost.reported")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (IllegalArgumentException ex) {
                form.report.setEnabled(true);
                Notification.show(getTranslation("lost.invalid")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        dialog.add(form);
        dialog.open();
    }

    private void closeDialog(LostStolenReport report) {
        var dialog = new Dialog(getTranslation("lost.close"));
        var reason = new TextField(getTranslation("lost.close-reason"));
        reason.setWidthFull();
        reason.setMaxLength(500);
        var recovered = new Button(getTranslation("lost.status.RECOVERED"));
        var withdrawn = new Button(getTranslation("lost.status.WITHDRAWN"));
        for (var b : List.of(recovered, withdrawn)) {
            b.addClickListener(e -> {
                if (reason.isEmpty()) {
                    reason.setInvalid(true);
                    reason.setErrorMessage(getTranslation("lost.close-reason-required"));
                    return;
                }
                lostStolen.close(report.id(), b == recovered ? LostStolenReport.Status.RECOVERED
                        : LostStolenReport.Status.WITHDRAWN, reason.getValue());
                dialog.close();
                refresh();
            });
        }
        dialog.add(reason);
        dialog.getFooter().add(withdrawn, recovered);
        dialog.open();
    }


    private Component photoGallery() {
        var gallery = new FlexLayout();
        gallery.setId("firearm-photos");
        gallery.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        gallery.getStyle().set("gap", "var(--lumo-space-s)");
        for (Photos.Photo p : photos.list(firearmId)) {
            var image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(photos.content(p)), p.sha256(), p.contentType(), p.size())),
                    p.caption() == null ? getTranslation("firearm.photo") : p.caption());
            image.addClassName("photo-thumb");
            gallery.add(image);
        }
        // Written to a temporary file as it arrives and refused once past the limit: never the whole body on the heap.
        var upload = new Upload(new BoundedUpload(photos.maxBytes(), (event, file) -> {
            try {
                photos.attach(firearmId, Files.readAllBytes(file), event.getFileName(), null,
                        new Provenance("user:" + AuditLog.currentActor(), Provenance.Confidence.HIGH));
                event.getUI().access(this::refresh);
            } catch (Photos.Refused ex) {
                event.getUI().access(() -> refused(getTranslation(ex.key(), ex.args())));
            } catch (IllegalArgumentException ex) {
                event.getUI().access(() -> refused(getTranslation("firearm.photo-refused", photos.maxMegabytes())));
            }
        }, event -> event.getUI().access(() -> refused(getTranslation("photo.too-large", photos.maxMegabytes())))));
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "image/webp", ".jpg", ".jpeg", ".png", ".webp");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, photos.maxBytes()));
        upload.setId("firearm-photo-upload");
        UploadTexts.translated(upload, getTranslation("photo.too-large", photos.maxMegabytes()));
        upload.addFileRejectedListener(e -> refused(e.getErrorMessage()));
        var box = new Div(gallery, upload);
        return box;
    }

    private void refused(String message) {
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private Component timelineGrid() {
        var grid = new Grid<TimelineEntry>();
        grid.setId("firearm-timeline");
        grid.addColumn(e -> Dates.date(e.date(), getLocale())).setHeader(getTranslation("timeline.date"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> getTranslation("timeline.kind." + e.kind().name())).setHeader(getTranslation("timeline.event"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::describe).setHeader(getTranslation("timeline.details"))
                .setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        EmptyGrids.say(grid, "empty.timeline");
        grid.setItems(timeline.of(firearmId));
        return grid;
    }

    /** The entry's sentence, with its enum arguments (transfer kind, report kind, outcome) translated too. */
    private String describe(TimelineEntry e) {
        Object[] args = e.args().stream().map(a -> Person.ON_FILE.equals(a) ? getTranslation("person.on-file") : a)
                .toArray();
        switch (e.kind()) {
            case TRANSFER -> args[0] = getTranslation("transfer.kind." + args[0]);
            case REPORTED -> args[0] = getTranslation("lost.kind." + args[0]);
            case REPORT_CLOSED -> args[0] = getTranslation("lost.status." + args[0]);
            case RESEMBLES_REPORTED -> args[1] = getTranslation("lost.kind." + args[1]);
            default -> {
            }
        }
        return getTranslation("timeline." + e.kind().name(), args);
    }

    /** The model, flagged when the reference data does not list it for the maker (looked up now: an edit there shows). */
    private String modelFact(Firearm f) {
        if (f.model() == null || f.model().isBlank()) {
            return null;
        }
        boolean listed = f.makeCode() != null && reference.resolveModel(f.makeCode(), f.model()).isPresent();
        return listed ? f.model() : f.model() + " (" + getTranslation("model.not-in-reference-short") + ")";
    }

    private Paragraph fact(String labelKey, String value) {
        return new Paragraph(getTranslation(labelKey) + ": " + (value == null || value.isBlank() ? "—" : value));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPageTitle() {
        return title + " · ArmsTrace";
    }
}
