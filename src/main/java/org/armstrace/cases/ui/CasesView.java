package org.armstrace.cases.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.armstrace.base.Dates;
import org.armstrace.cases.Case;
import org.armstrace.cases.CaseKind;
import org.armstrace.cases.CaseRejected;
import org.armstrace.cases.CaseWork;
import org.armstrace.cases.Cases;
import org.armstrace.cases.WorkNotices;
import org.armstrace.security.Role;

/**
 * The cases list: mine (owned, or with a task for me), open, overdue or all, newest first; the
 * colleagues' notes that mention me and the escalations of my work (the in-app notifications); and a
 * new case. Field officers and intake officers do not see it
 * (PRODUCT.md: cases are the analysts' and supervisors' work).
 */
@Route("cases")
@Menu(order = 35, title = "menu.cases", icon = "vaadin:briefcase")
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST})
public class CasesView extends VerticalLayout implements HasDynamicTitle {

    final Select<Cases.Filter> filter = new Select<>();
    final Grid<Case> grid = new Grid<>();
    final Div mentions = new Div();
    final Button create = new Button();
    private final Cases cases;

    public CasesView(Cases cases, CaseWork work, WorkNotices notices) {
        this.cases = cases;
        setSizeFull();
        filter.setLabel(getTranslation("cases.filter"));
        filter.setId("cases-filter");
        filter.setItems(Cases.Filter.values());
        filter.setItemLabelGenerator(f -> getTranslation("cases.filter." + f.name()));
        filter.addValueChangeListener(e -> refresh());
        create.setText(getTranslation("cases.new"));
        create.setId("cases-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> newCase());

        grid.setId("cases");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Case::number).setHeader(getTranslation("cases.number")).setAutoWidth(true);
        grid.addColumn(Case::title).setHeader(getTranslation("cases.title")).setFlexGrow(3);
        grid.addColumn(c -> getTranslation("cases.kind." + c.kind().name())).setHeader(getTranslation("cases.kind"));
        grid.addColumn(c -> getTranslation("cases.status." + c.status().name())).setHeader(getTranslation("cases.status"));
        grid.addColumn(c -> c.owner() == null ? "—" : c.owner()).setHeader(getTranslation("cases.owner"));
        grid.addColumn(c -> c.nextDue() == null ? "" : Dates.date(c.nextDue(), getLocale()) + (c.overdue(Dates.today())
                ? " · " + getTranslation("cases.overdue") : "")).setHeader(getTranslation("cases.next-due"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(CaseView.path(e.getItem().number()))));

        mentions.setId("cases-mentions");
        for (CaseWork.Mention m : work.unreadMentions()) {
            mentions.add(new Div(new Anchor(CaseView.path(m.caseNumber()), getTranslation("cases.mentioned", m.by(), m.caseNumber()))));
        }
        for (WorkNotices.Escalated n : notices.unreadEscalations()) {
            mentions.add(new Div(escalation(notices, n)));
        }
        add(new H2(getTranslation("menu.cases")), mentions, new HorizontalLayout(filter, create), grid);
        filter.setValue(Cases.Filter.MINE);
    }

    /** An escalation notice: opening the item's page reads it (it stays until then, wherever the user looked first). */
    private Button escalation(WorkNotices notices, WorkNotices.Escalated n) {
        var open = new Button(getTranslation("cases.notice." + n.step().toLowerCase(Locale.ROOT).replace('_', '-'),
                n.number(), n.days()), e -> {
            notices.read(n.id());
            getUI().ifPresent(ui -> ui.navigate(n.link()));
        });
        open.addClassName("case-escalation-notice");
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return open;
    }

    void refresh() {
        grid.setItems(cases.list(filter.getValue(), Cases.MAX_PAGE));
    }

    private void newCase() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("cases.new"));
        var title = new TextField(getTranslation("cases.title"));
        title.setId("case-new-title");
        title.setMaxLength(Cases.MAX_TITLE);
        title.setWidthFull();
        var kind = new Select<CaseKind>();
        kind.setLabel(getTranslation("cases.kind"));
        kind.setItems(CaseKind.SEIZURE, CaseKind.TRAFFICKING, CaseKind.TRACE, CaseKind.DIVERSION, CaseKind.INTELLIGENCE,
                CaseKind.OTHER);
        kind.setItemLabelGenerator(k -> getTranslation("cases.kind." + k.name()));
        kind.setValue(CaseKind.OTHER);
        var open = new Button(getTranslation("cases.open"), e -> {
            try {
                Case c = cases.open(new Cases.NewCase(title.getValue(), kind.getValue(), null, false, null));
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate(CaseView.path(c.number())));
            } catch (CaseRejected rejected) {
                Notification.show(getTranslation(rejected.getMessage(), rejected.args()))
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        open.setId("case-new-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(title, kind));
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), open);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.cases");
    }
}
