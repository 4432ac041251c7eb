package org.armstrace.registry.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.armstrace.base.Dates;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.LostStolenEntry;
import org.armstrace.registry.LostStolenHit;
import org.armstrace.registry.LostStolenList;
import org.armstrace.registry.LostStolenRegister;
import org.armstrace.registry.LostStolenReport;
import org.armstrace.registry.MatchReason;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.Role;

/**
 * One lost/stolen report: what was reported, its history (filed, closed, reopened: who, when,
 * why), the records its weapon may be with the reasons, and closing or reopening it (analysts,
 * supervisors).
 */
@Route("lost-stolen/report")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.INTAKE})
public class LostStolenReportView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    final Grid<LostStolenHit> hits = new Grid<>();
    final UnorderedList history = new UnorderedList();
    private final LostStolenList list;
    private final LostStolenRegister register;
    private final ReferenceData reference;
    private String reportId;
    private String title = "";

    public LostStolenReportView(LostStolenList list, LostStolenRegister register, ReferenceData reference) {
        this.list = list;
        this.register = register;
        this.reference = reference;
        hits.setId("lost-hits");
        hits.setAllRowsVisible(true);
        hits.addColumn(h -> getTranslation("lost.hit." + h.kind().name())).setHeader(getTranslation("lost.hit.kind"))
                .setAutoWidth(true).setFlexGrow(0);
        hits.addColumn(h -> weapon(h.firearm())).setHeader(getTranslation("lost.col.weapon")).setAutoWidth(true);
        hits.addColumn(h -> String.join("; ", MatchReason.texts(h.reasons(), this::getTranslation)))
                .setHeader(getTranslation("lost.hit.reasons")).setFlexGrow(3);
        hits.addColumn(h -> Dates.dateFormatter(getLocale()).format(h.foundAt()))
                .setHeader(getTranslation("lost.hit.found-at")).setAutoWidth(true).setFlexGrow(0);
        hits.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(FirearmView.class, e.getItem().firearm().id())));
        hits.setEmptyStateText(getTranslation("lost.hits.none"));
        history.setId("lost-history");
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        reportId = id;
        refresh();
    }

    void refresh() {
        removeAll();
        var found = list.find(reportId);
        if (found.isEmpty()) {
            add(new H2(getTranslation("lost.no-such-report")));
            return;
        }
        LostStolenEntry entry = found.get();
        LostStolenReport r = entry.report();
        title = getTranslation("lost.kind." + r.kind().name()) + " · " + entry.weapon().serialAsRead();
        var heading = new H2(title);
        heading.setId("lost-report-title");
        var state = new Span(getTranslation("lost.status." + r.status().name()));
        state.setId("lost-report-status");
        state.getElement().getThemeList().add(r.status() == LostStolenReport.Status.ACTIVE ? "badge error" : "badge");
        add(heading, state, facts(entry), actions(r));
        history.removeAll();
        for (LostStolenReport.Event e : list.history(reportId)) {
            String text = Dates.dateTime(e.at(), getLocale()) + " · " + getTranslation("lost.event." + e.kind().name(),
                    e.by(), getTranslation("lost.status." + e.status().name()));
            history.add(new ListItem(e.reason() == null ? text : text + ": " + e.reason()));
        }
        hits.setItems(list.hits(reportId));
        add(new H3(getTranslation("lost.hits")), hits, new H3(getTranslation("lost.report.history")), history);
    }

    private Component facts(LostStolenEntry entry) {
        LostStolenReport r = entry.report();
        var facts = new Div();
        facts.setId("lost-report-facts");
        facts.addClassName("facts");
        facts.add(fact("lost.col.weapon", weapon(entry.weapon()) + (entry.described()
                        ? " · " + getTranslation("lost.described") : "")),
                fact("lost.occurred-on", r.occurredOn() == null ? null : Dates.date(r.occurredOn(), getLocale())),
                fact("lost.place", r.place()), fact("lost.reference", r.reference()),
                fact("lost.circumstances", r.circumstances()),
                fact("lost.col.reported-on", getTranslation("lost.report.reported", r.reportedBy(),
                        Dates.dateTime(r.reportedAt(), getLocale()))));
        var open = new RouterLink(getTranslation("lost.report.open-weapon"), FirearmView.class, r.firearmId());
        open.setId("lost-open-weapon");
        facts.add(new Paragraph(open));
        return facts;
    }

    private Component fact(String key, String value) {
        var p = new Paragraph();
        p.add(new Span(getTranslation(key) + ": "), new Span(value == null || value.isBlank() ? "—" : value));
        return p;
    }

    private String weapon(Firearm f) {
        return String.join(" ", List.of(reference.makeName(f.makeCode(), f.makeAsRead()),
                reference.typeName(f.typeCode(), getLocale()), f.model() == null ? "" : f.model(),
                reference.calibreName(f.calibreCode()), f.serialAsRead())).replaceAll(" +", " ").strip();
    }

    private Component actions(LostStolenReport r) {
        var row = new HorizontalLayout();
        if (!Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST)) {
            return row;
        }
        if (r.status() == LostStolenReport.Status.ACTIVE) {
            var close = new Button(getTranslation("lost.close"), e -> closeDialog());
            close.setId("lost-close");
            row.add(close);
        } else {
            var reopen = new Button(getTranslation("lost.reopen"), e -> reopenDialog());
            reopen.setId("lost-reopen");
            reopen.addThemeVariants(ButtonVariant.LUMO_ERROR);
            row.add(reopen);
        }
        return row;
    }

    private void closeDialog() {
        var dialog = new Dialog(getTranslation("lost.close"));
        var reason = reasonField("lost.close-reason");
        var recovered = new Button(getTranslation("lost.status.RECOVERED"));
        var withdrawn = new Button(getTranslation("lost.status.WITHDRAWN"));
        recovered.setId("lost-close-recovered");
        withdrawn.setId("lost-close-withdrawn");
        for (var b : List.of(recovered, withdrawn)) {
            b.addClickListener(e -> {
                if (missing(reason, "lost.close-reason-required")) {
                    return;
                }
                register.close(reportId, b == recovered ? LostStolenReport.Status.RECOVERED
                        : LostStolenReport.Status.WITHDRAWN, reason.getValue());
                dialog.close();
                refresh();
            });
        }
        dialog.add(reason);
        dialog.getFooter().add(withdrawn, recovered);
        dialog.open();
    }

    private void reopenDialog() {
        var dialog = new Dialog(getTranslation("lost.reopen"));
        var reason = reasonField("lost.reopen-reason");
        var reopen = new Button(getTranslation("lost.reopen"), e -> {
            if (missing(reason, "lost.reopen-reason-required")) {
                return;
            }
            register.reopen(reportId, reason.getValue());
            dialog.close();
            Notification.show(getTranslation("lost.reopened")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        });
        reopen.setId("lost-reopen-confirm");
        reopen.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(reason);
        dialog.getFooter().add(reopen);
        dialog.open();
    }

    private TextField reasonField(String label) {
        var reason = new TextField(getTranslation(label));
        reason.setId("lost-reason");
        reason.setWidthFull();
        reason.setMaxLength(500);
        return reason;
    }

    private boolean missing(TextField reason, String message) {
        if (!reason.getValue().isBlank()) {
            return false;
        }
        reason.setInvalid(true);
        reason.setErrorMessage(getTranslation(message));
        return true;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
