package org.armstrace.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.EmptyGrids;
import org.armstrace.security.AuditChainReport;
import org.armstrace.security.AuditEvent;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;

/** The audit trail, newest first, and the chain check. */
@Route("admin/audit")
@Menu(order = 91, icon = "vaadin:shield", title = "menu.audit")
@RolesAllowed(Role.Names.ADMIN)
public class AuditView extends VerticalLayout implements HasDynamicTitle {


    final Grid<AuditEvent> grid = new Grid<>();
    final TextField actor = new TextField();
    final TextField action = new TextField();
    final Button verify = new Button();
    final Span verdict = new Span();

    public AuditView(AuditLog audit) {
        setSizeFull();
        actor.setPlaceholder(getTranslation("audit.actor"));
        action.setPlaceholder(getTranslation("audit.action"));
        for (var f : new TextField[] {actor, action}) {
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
            f.setClearButtonVisible(true);
        }
        verify.setText(getTranslation("audit.verify"));
        verify.setId("audit-verify");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verdict.setId("audit-verdict");
        verify.addClickListener(e -> show(audit.verify()));

        grid.setId("audit-grid");
        EmptyGrids.say(grid, "empty.audit");
        grid.addColumn(AuditEvent::seq).setHeader("#").setAutoWidth(true);
        grid.addColumn(e -> Dates.timestamp(e.at(), getLocale())).setHeader(getTranslation("audit.at")).setAutoWidth(true);
        grid.addColumn(AuditEvent::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(AuditEvent::action).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(e -> String.join(", ", e.entities())).setHeader(getTranslation("audit.entities"));
        grid.addColumn(AuditEvent::details).setHeader(getTranslation("audit.details"));
        grid.setItems(q -> audit.page(q.getOffset(), q.getLimit(), actor.getValue(), action.getValue()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, audit.count(actor.getValue(), action.getValue())));

        var tools = new HorizontalLayout(actor, action, verify, verdict);
        tools.setAlignItems(Alignment.BASELINE);
        tools.setWrap(true);
        add(new H2(getTranslation("menu.audit")), tools, grid);
    }

    private void show(AuditChainReport report) {
        String text = report.intact()
                ? getTranslation("audit.intact", report.eventsChecked())
                : getTranslation("audit.broken", report.firstBrokenSeq(), getTranslation(report.problem()));
        if (report.legacySealed() > 0) {
            text += " " + getTranslation("audit.legacy", report.legacySealed());
        }
        verdict.setText(text);
        verdict.getElement().getThemeList().clear();
        verdict.getElement().getThemeList().add(report.intact() ? "badge success" : "badge error");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.audit") + " · ArmsTrace";
    }
}
