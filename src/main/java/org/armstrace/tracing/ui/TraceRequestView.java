package org.armstrace.tracing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.cases.LinkKind;
import org.armstrace.cases.ui.AddToCase;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.MatchReason;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.AuditEvent;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.NewTraceRequest;
import org.armstrace.tracing.OutgoingTraces;
import org.armstrace.tracing.TraceAnswer;
import org.armstrace.tracing.TraceAnswers;
import org.armstrace.tracing.TraceDocuments;
import org.armstrace.tracing.TraceHistoryNote;
import org.armstrace.tracing.TraceHistoryNotes;
import org.armstrace.tracing.TraceLifecycle;
import org.armstrace.tracing.TraceQueues;
import org.armstrace.tracing.TraceRequest;
import org.armstrace.tracing.TraceRequests;
import org.armstrace.tracing.TraceStatus;
import org.armstrace.tracing.TraceTransition;
import org.armstrace.tracing.TransitionRefused;

/**
 * One trace request: what was asked and by whom, its due date, the moves the lifecycle allows from
 * here (each asking for a reason where the ITI wants one), the registry check's candidates, the
 * answer and its form, the documents, the whole timeline (every move with who, when and why, and
 * the steps other features took on it, such as escalation's) and the request's audit events.
 */
@Route("tracing/request")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.INTAKE})
public class TraceRequestView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final TraceRequests traces;
    private final TraceQueues queues;
    private final OutgoingTraces outgoing;
    private final TraceAnswers answers;
    private final TraceDocuments documents;
    private final FirearmRegistry firearms;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final List<TraceHistoryNotes> notes;
    private String id;
    private String title = "";
    /** The answer version this page shows: what a supervisor approves when they click approve. */
    private Integer shownVersion;

    public TraceRequestView(TraceRequests traces, TraceQueues queues, OutgoingTraces outgoing, TraceAnswers answers,
                            TraceDocuments documents, FirearmRegistry firearms, ReferenceData reference,
                            AuditLog audit, List<TraceHistoryNotes> notes) {
        this.traces = traces;
        this.queues = queues;
        this.outgoing = outgoing;
        this.answers = answers;
        this.documents = documents;
        this.firearms = firearms;
        this.reference = reference;
        this.audit = audit;
        this.notes = notes;
        setMaxWidth("1100px");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        id = parameter;
        refresh();
    }

    private void refresh() {
        removeAll();
        var found = traces.find(id);
        if (found.isEmpty()) {
            title = getTranslation("trace.not-found");
            add(new H2(title));
            return;
        }
        TraceRequest t = found.get();
        title = t.number();
        var status = new Span(getTranslation("trace.status." + t.status().name()));
        status.setId("trace-status");
        status.addClassName("badge");
        add(new H2(t.number()), status);
        add(AddToCase.button(LinkKind.TRACE_REQUEST, t.id(), t.number()));
        if (Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST)) {
            var chart = new Anchor("intelligence/chart/TraceRequest:" + t.id(),
                    getTranslation("chart.open"));
            chart.setId("trace-open-chart");
            add(chart);
        }
        add(facts(t), actions(t));
        if (Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR) && !TraceLifecycle.closed(t.direction(), t.status())) {
            add(reassign(t));
        }

        if (t.direction() == Direction.OUTGOING && t.status() == TraceStatus.DRAFT) {
            add(draftEditor(t));
        }
        List<String> concerns = answers.concerns(id);
        List<TraceRequests.Candidate> hits = traces.candidates(id);
        if (t.direction() == Direction.INCOMING) {
            add(new H3(getTranslation("trace.candidates")), candidates(hits, concerns));
        }
        add(new H3(getTranslation("trace.answer")), answer(t, concerns, hits));
        add(new H3(getTranslation("trace.documents")), documents(t));
        add(new H3(getTranslation("trace.timeline")), timeline());
        add(new H3(getTranslation("trace.audit")), auditEvents());
    }

    /** What was asked, by whom, by when, and on what grounds. */
    private Div facts(TraceRequest t) {
        var when = when();
        var facts = new Div();
        facts.addClassName("facts");
        facts.setId("trace-facts");
        facts.add(new Paragraph(getTranslation("trace.direction") + ": " + getTranslation("trace.direction." + t.direction().name())
                + " · " + t.counterpart() + (t.partnerReference() == null ? "" : " (" + t.partnerReference() + ")")));
        facts.add(new Paragraph(getTranslation("trace.priority") + ": " + getTranslation("trace.priority." + t.priority().name())
                + " · " + getTranslation("trace.due") + ": " + (t.dueAt() == null ? "—" : when.format(t.dueAt()))
                + (t.overdue() ? " ⚠ " + getTranslation("trace.queue.OVERDUE") : "")));
        facts.add(new Paragraph(getTranslation("trace.assignee") + ": " + (t.assignee() == null ? "—" : t.assignee())));
        // As typed by the partner or the desk, but named as the reference data names it where it recognises it.
        facts.add(new Paragraph(getTranslation("trace.weapon") + ": " + Stream.of(reference.typeName(t.weaponType(), getLocale()),
                t.weaponMake(), t.weaponModel(), reference.calibreName(t.weaponCalibre()), t.weaponSerial(),
                reference.countryName(t.weaponCountry(), getLocale()))
                .filter(x -> x != null && !x.isBlank()).collect(Collectors.joining(" · "))));
        facts.add(new Paragraph(getTranslation("trace.why-illicit") + ": " + Objects.toString(t.whyIllicit(), "")));
        facts.add(new Paragraph(getTranslation("trace.legal-basis") + ": " + Objects.toString(t.legalBasis(), "")));
        facts.add(new Paragraph(getTranslation("trace.intended-use") + ": " + Objects.toString(t.intendedUse(), "")));
        return facts;
    }

    /** A button for each move this user may make by hand from here. */
    private FlexLayout actions(TraceRequest t) {
        var actions = new FlexLayout();
        actions.setId("trace-actions");
        actions.getStyle().set("gap", "var(--lumo-space-s)");
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        // Answers are moved with their content, by the answer form below; only supervisors approve.
        for (TraceStatus next : moves(t.direction(), t.status(), Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR))) {
            var move = new Button(getTranslation("trace.move." + next.name()), e -> move(next));
            move.setId("move-" + next.name());
            if (next == TraceStatus.REFUSED || next == TraceStatus.NO_ANSWER) {
                move.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            actions.add(move);
        }
        return actions;
    }

    /** A supervisor gives the open request to another analyst. */
    private HorizontalLayout reassign(TraceRequest t) {
        var analyst = new ComboBox<String>(getTranslation("trace.reassign-to"));
        analyst.setId("trace-reassign-to");
        analyst.setItems(queues.analysts());
        analyst.setValue(t.assignee());
        var reassign = new Button(getTranslation("trace.reassign"), e -> act(() ->
                queues.assign(id, analyst.getValue(), null)));
        reassign.setId("trace-reassign");
        var row = new HorizontalLayout(analyst, reassign);
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    /** One line of the request's history: a move of its own, or a step another feature took on it. */
    private record HistoryLine(Instant at, String what, String by, String why) {
    }

    /** Every move with who, when and why, and the other features' steps (escalation's) among them by time. */
    private Grid<HistoryLine> timeline() {
        var when = when();
        var lines = new ArrayList<HistoryLine>();
        for (TraceTransition x : traces.history(id)) {
            lines.add(new HistoryLine(x.at(), (x.from() == null ? "" : getTranslation("trace.status." + x.from().name()) + " → ")
                    + getTranslation("trace.status." + x.to().name()), x.by(), Objects.toString(x.reason(), "")));
        }
        for (TraceHistoryNotes source : notes) {
            for (TraceHistoryNote n : source.about(id)) {
                lines.add(new HistoryLine(n.at(), getTranslation(n.whatKey()), n.by(),
                        getTranslation(n.detailKey(), n.detailArgs().toArray())));
            }
        }
        // Stable: moves written in the same instant keep their own order.
        lines.sort(Comparator.comparing(HistoryLine::at));
        var timeline = new Grid<HistoryLine>();
        timeline.setId("trace-timeline");
        EmptyGrids.say(timeline, "empty.trace-timeline");
        timeline.addColumn(x -> when.format(x.at())).setHeader(getTranslation("timeline.date")).setAutoWidth(true)
                .setFlexGrow(0);
        timeline.addColumn(HistoryLine::what).setHeader(getTranslation("trace.status")).setAutoWidth(true);
        timeline.addColumn(HistoryLine::by).setHeader(getTranslation("trace.by")).setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(HistoryLine::why).setHeader(getTranslation("trace.reason"));
        timeline.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        timeline.setAllRowsVisible(true);
        timeline.setItems(lines);
        return timeline;
    }

    /** The request's audit events. */
    private Grid<AuditEvent> auditEvents() {
        var when = when();
        var events = new Grid<AuditEvent>();
        events.setId("trace-audit");
        EmptyGrids.say(events, "empty.audit");
        events.addColumn(e -> when.format(e.at())).setHeader(getTranslation("timeline.date")).setAutoWidth(true)
                .setFlexGrow(0);
        events.addColumn(AuditEvent::actor).setHeader(getTranslation("trace.by")).setAutoWidth(true).setFlexGrow(0);
        events.addColumn(AuditEvent::action).setHeader(getTranslation("audit.action")).setAutoWidth(true).setFlexGrow(0);
        events.addColumn(AuditEvent::details).setHeader(getTranslation("audit.details"));
        events.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        events.setAllRowsVisible(true);
        events.setItems(audit.about("TraceRequest:" + id, 500));
        return events;
    }

    /** The registry check's hits; the analyst confirms the one that is the weapon asked about. */
    private Div candidates(List<TraceRequests.Candidate> hits, List<String> concerns) {
        var candidates = new Div();
        candidates.setId("trace-candidates");
        if (hits.isEmpty()) {
            candidates.add(new Paragraph(getTranslation("trace.no-candidates")));
        }
        boolean analyst = Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST);
        for (TraceRequests.Candidate c : hits) {
            var card = new Div();
            card.addClassName("hit-card");
            var link = new Anchor("registry/firearm/" + c.firearm().id(), c.firearm().label());
            link.addClassName("hit-title");
            card.add(link, new Paragraph(String.join("; ", MatchReason.texts(c.reasons(), this::getTranslation))));
            if (concerns.contains(c.firearm().id())) {
                card.add(new Span("✓ " + getTranslation("trace.concerns")));
            } else if (analyst) {
                var confirm = new Button(getTranslation("trace.confirm-candidate"), e -> act(() ->
                        answers.confirmCandidate(id, c.firearm().id())));
                confirm.addClassName("confirm-candidate");
                card.add(confirm);
            }
            candidates.add(card);
        }
        return candidates;
    }

    /** The current answer, and the form to draft (ours) or record (the partner's) one where that is the next step. */
    private Div answer(TraceRequest t, List<String> concerns, List<TraceRequests.Candidate> hits) {
        var box = new Div();
        box.setId("trace-answer");
        var current = answers.current(id);
        shownVersion = current.map(TraceAnswer::version).orElse(null);
        var when = when();
        current.ifPresentOrElse(a -> {
            box.add(new Paragraph(getTranslation("trace.outcome") + ": " + getTranslation("trace.outcome." + a.outcome().name())));
            var findings = new Paragraph(a.findings());
            findings.getStyle().set("white-space", "pre-wrap");
            box.add(findings);
            if (a.diversion() != null) {
                var p = a.diversion();
                box.add(new Paragraph(getTranslation("trace.diversion") + ": " + p.country()
                        + (p.date() == null ? "" : " · " + p.date()) + " · " + getTranslation("trace.diversion." + p.method().name())
                        + (p.place() == null ? "" : " · " + p.place())));
            }
            var version = new Paragraph(getTranslation("trace.answer.version", a.version(), a.draftedBy(),
                    when.format(a.draftedAt())) + " · " + (a.approvedAt() == null
                    ? (t.direction() == Direction.INCOMING ? getTranslation("trace.answer.awaiting") : "")
                    : getTranslation("trace.answer.approved", a.approvedBy(), when.format(a.approvedAt()))));
            version.addClassName("hint");
            version.setId("trace-answer-version");
            box.add(version);
        }, () -> box.add(new Paragraph(getTranslation("trace.answer.none"))));

        boolean ours = t.direction() == Direction.INCOMING
                && (t.status() == TraceStatus.IN_PROGRESS || t.status() == TraceStatus.ANSWER_DRAFTED)
                && (AuditLog.currentActor().equals(t.assignee()) || Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR));
        boolean theirs = t.direction() == Direction.OUTGOING
                && TraceLifecycle.next(t.direction(), t.status()).contains(TraceStatus.ANSWERED)
                && Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST);
        if (ours || theirs) {
            var weapons = new LinkedHashMap<String, Firearm>();
            concerns.forEach(f -> firearms.find(f).ifPresent(w -> weapons.put(w.id(), w)));
            hits.forEach(c -> weapons.putIfAbsent(c.firearm().id(), c.firearm()));
            var form = new TraceAnswerForm(List.copyOf(weapons.values()), reference.countries(),
                    getTranslation(ours ? "trace.answer.save" : "trace.answer.record"), current.orElse(null));
            form.addSubmitListener(e -> {
                try {
                    if (ours) {
                        answers.draft(id, e.draft());
                    } else {
                        answers.record(id, e.draft());
                    }
                    refresh();
                } catch (TransitionRefused refused) {
                    form.showError(getTranslation(refused.getMessage()));
                }
            });
            box.add(form);
        }
        return box;
    }

    /** The documents this request has now, to produce and download, and every one produced before. */
    private Div documents(TraceRequest t) {
        var box = new Div();
        box.setId("trace-documents");
        var produce = new FlexLayout();
        produce.getStyle().set("gap", "var(--lumo-space-s)");
        produce.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        for (TraceDocuments.Kind kind : documents.available(id)) {
            for (TraceDocuments.Format format : TraceDocuments.Format.values()) {
                var button = new Button(getTranslation("trace.document.kind." + kind.name()) + " (" + format.name() + ")",
                        VaadinIcon.DOWNLOAD.create(), e -> download(kind, format));
                button.setId("document-" + kind.name().toLowerCase(Locale.ROOT) + "-" + format.extension);
                produce.add(button);
            }
        }
        box.add(produce);
        var kept = documents.documents(id);
        if (kept.isEmpty()) {
            box.add(new Paragraph(getTranslation("trace.documents.none")));
        }
        var when = when();
        for (TraceDocuments.Document d : kept) {
            var again = new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(
                    new ByteArrayInputStream(documents.content(d)), d.fileName(), d.format().contentType, d.size())),
                    d.fileName());
            again.setId("kept-" + d.id());
            var line = new Div(again, new Span(" · " + getTranslation("trace.documents.produced",
                    getTranslation("trace.document.kind." + d.kind().name()), d.by(), when.format(d.at()))));
            line.addClassName("kept-document");
            box.add(line);
        }
        return box;
    }

    /**
     * Produces a document and keeps it, then has the browser download the kept copy: what the user
     * saves is byte for byte what the request page lists as produced.
     */
    private void download(TraceDocuments.Kind kind, TraceDocuments.Format format) {
        try {
            var produced = documents.produce(id, kind, format);
            refresh();
            getElement().executeJs("document.getElementById($0).click()", "kept-" + produced.document().id());
        } catch (TransitionRefused refused) {
            Notification.show(getTranslation(refused.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** The outgoing request while it is a DRAFT: the same form, saved over the draft (old values stay in the audit). */
    private TraceRequestForm draftEditor(TraceRequest t) {
        var form = new TraceRequestForm(Direction.OUTGOING, traces.counterparts(), traces.models());
        form.fill(NewTraceRequest.of(t), getTranslation("trace.save-draft"));
        form.addSubmitListener(e -> {
            try {
                outgoing.updateDraft(id, e.request());
                refresh();
            } catch (TransitionRefused refused) {
                form.showError(getTranslation(refused.getMessage()));
            }
        });
        return form;
    }

    /**
     * The moves the page offers as buttons: exactly those the service lets a user make by hand
     * ({@link TraceLifecycle#byHand}), so that the page never offers a move the service refuses.
     */
    static Set<TraceStatus> moves(Direction direction, TraceStatus from, boolean supervisor) {
        return TraceLifecycle.byHand(direction, from, supervisor);
    }

    /** Dates and times as the user reads them. */
    private DateTimeFormatter when() {
        return Dates.dateTimeFormatter(getLocale());
    }

    private void act(Runnable action) {
        try {
            action.run();
            refresh();
        } catch (TransitionRefused refused) {
            Notification.show(getTranslation(refused.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void move(TraceStatus to) {
        if (to == TraceStatus.APPROVED) {
            approve();
            return;
        }
        if (!TraceLifecycle.NEED_REASON.contains(to)) {
            apply(to, null, null);
            return;
        }
        var dialog = new Dialog(getTranslation("trace.move." + to.name()));
        var reason = new TextArea(getTranslation("trace.reason"));
        reason.setId("trace-reason");
        reason.setWidthFull();
        reason.setMaxLength(4000);
        reason.setRequired(true);
        var ok = new Button(getTranslation("trace.move." + to.name()), e -> apply(to, reason.getValue(), dialog));
        ok.setId("trace-reason-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(getTranslation("trace.reason-why")), reason);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    /**
     * Approves the version this page showed, not whatever is newest now: if the analyst redrafted
     * meanwhile, the service refuses and the page shows the new version to read.
     */
    private void approve() {
        if (shownVersion == null) {
            Notification.show(getTranslation("trace.answer-needed")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        try {
            traces.approve(id, shownVersion, null);
            refresh();
        } catch (TransitionRefused refused) {
            refresh();
            Notification.show(getTranslation(refused.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void apply(TraceStatus to, String reason, Dialog dialog) {
        act(() -> {
            traces.transition(id, to, reason);
            if (dialog != null) {
                dialog.close();
            }
        });
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
