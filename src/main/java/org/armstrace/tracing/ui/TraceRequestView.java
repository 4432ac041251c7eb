package org.armstrace.tracing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;
import org.armstrace.security.Role;
import org.armstrace.tracing.TraceLifecycle;
import org.armstrace.tracing.TraceRequest;
import org.armstrace.tracing.TraceRequests;
import org.armstrace.tracing.TraceStatus;
import org.armstrace.tracing.TraceTransition;
import org.armstrace.tracing.TransitionRefused;

/**
 * One trace request: what was asked and by whom, its due date, its whole timeline (every move with
 * who, when and why), and the moves the lifecycle allows from here, each asking for a reason where
 * the ITI wants one.
 */
@Route("tracing/request")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.INTAKE})
public class TraceRequestView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final TraceRequests traces;
    private String id;
    private String title = "";

    public TraceRequestView(TraceRequests traces) {
        this.traces = traces;
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
        var when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        var status = new Span(getTranslation("trace.status." + t.status().name()));
        status.setId("trace-status");
        status.addClassName("badge");
        add(new H2(t.number()), status);
        var facts = new Div();
        facts.addClassName("facts");
        facts.setId("trace-facts");
        facts.add(new Paragraph(getTranslation("trace.direction") + ": " + getTranslation("trace.direction." + t.direction().name())
                + " · " + t.counterpart() + (t.partnerReference() == null ? "" : " (" + t.partnerReference() + ")")));
        facts.add(new Paragraph(getTranslation("trace.priority") + ": " + getTranslation("trace.priority." + t.priority().name())
                + " · " + getTranslation("trace.due") + ": " + (t.dueAt() == null ? "—" : when.format(t.dueAt()))
                + (t.overdue() ? " ⚠ " + getTranslation("trace.queue.OVERDUE") : "")));
        facts.add(new Paragraph(getTranslation("trace.assignee") + ": " + (t.assignee() == null ? "—" : t.assignee())));
        facts.add(new Paragraph(getTranslation("trace.weapon") + ": " + java.util.stream.Stream.of(t.weaponType(),
                t.weaponMake(), t.weaponModel(), t.weaponCalibre(), t.weaponSerial(), t.weaponCountry())
                .map(x -> Objects.toString(x, "")).collect(java.util.stream.Collectors.joining(" · "))));
        facts.add(new Paragraph(getTranslation("trace.why-illicit") + ": " + Objects.toString(t.whyIllicit(), "")));
        facts.add(new Paragraph(getTranslation("trace.legal-basis") + ": " + Objects.toString(t.legalBasis(), "")));
        facts.add(new Paragraph(getTranslation("trace.intended-use") + ": " + Objects.toString(t.intendedUse(), "")));
        add(facts);

        var actions = new FlexLayout();
        actions.setId("trace-actions");
        actions.getStyle().set("gap", "var(--lumo-space-s)");
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        for (TraceStatus next : TraceLifecycle.next(t.direction(), t.status())) {
            if (next == t.status()) {
                continue;
            }
            var move = new Button(getTranslation("trace.move." + next.name()), e -> move(next));
            move.setId("move-" + next.name());
            if (next == TraceStatus.REFUSED || next == TraceStatus.NO_ANSWER) {
                move.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            actions.add(move);
        }
        add(actions);
        if (Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR) && !TraceLifecycle.closed(t.direction(), t.status())) {
            var analyst = new com.vaadin.flow.component.combobox.ComboBox<String>(getTranslation("trace.reassign-to"));
            analyst.setId("trace-reassign-to");
            analyst.setItems(traces.analysts());
            analyst.setValue(t.assignee());
            var reassign = new Button(getTranslation("trace.reassign"), e -> {
                try {
                    traces.assign(id, analyst.getValue(), null);
                    refresh();
                } catch (TransitionRefused refused) {
                    Notification.show(getTranslation(refused.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            reassign.setId("trace-reassign");
            var row = new com.vaadin.flow.component.orderedlayout.HorizontalLayout(analyst, reassign);
            row.setAlignItems(Alignment.BASELINE);
            add(row);
        }

        add(new H3(getTranslation("trace.candidates")));
        var candidates = new Div();
        candidates.setId("trace-candidates");
        var hits = traces.candidates(id);
        if (hits.isEmpty()) {
            candidates.add(new Paragraph(getTranslation("trace.no-candidates")));
        }
        for (TraceRequests.Candidate c : hits) {
            var card = new Div();
            card.addClassName("hit-card");
            var link = new com.vaadin.flow.component.html.Anchor("registry/firearm/" + c.firearm().id(), c.firearm().label());
            link.addClassName("hit-title");
            card.add(link, new Paragraph(String.join("; ", c.reasons())));
            candidates.add(card);
        }
        add(candidates);

        add(new H3(getTranslation("trace.timeline")));
        var timeline = new Grid<TraceTransition>();
        timeline.setId("trace-timeline");
        timeline.addColumn(x -> when.format(x.at())).setHeader(getTranslation("timeline.date")).setAutoWidth(true)
                .setFlexGrow(0);
        timeline.addColumn(x -> (x.from() == null ? "" : getTranslation("trace.status." + x.from().name()) + " → ")
                + getTranslation("trace.status." + x.to().name())).setHeader(getTranslation("trace.status")).setAutoWidth(true);
        timeline.addColumn(TraceTransition::by).setHeader(getTranslation("trace.by")).setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(x -> Objects.toString(x.reason(), "")).setHeader(getTranslation("trace.reason"));
        timeline.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        timeline.setAllRowsVisible(true);
        timeline.setItems(traces.history(id));
        add(timeline);
    }

    private void move(TraceStatus to) {
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

    private void apply(TraceStatus to, String reason, Dialog dialog) {
        try {
            traces.transition(id, to, reason);
            if (dialog != null) {
                dialog.close();
            }
            refresh();
        } catch (TransitionRefused refused) {
            Notification.show(getTranslation(refused.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
