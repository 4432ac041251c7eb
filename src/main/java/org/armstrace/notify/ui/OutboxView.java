package org.armstrace.notify.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.armstrace.base.Dates;
import org.armstrace.notify.Notifications;
import org.armstrace.notify.OutboundEmail;
import org.armstrace.security.Role;

/**
 * The e-mail outbox for the administrator: every message with its status, attempts and the last
 * error; failed and refused ones can be sent again. The messages' text is not shown: it is the recipient's.
 */
@Route("admin/outbox")
@Menu(order = 95, icon = "vaadin:envelopes", title = "menu.outbox")
@RolesAllowed(Role.Names.ADMIN)
public class OutboxView extends VerticalLayout implements HasDynamicTitle {

    final Paragraph status = new Paragraph();
    final ComboBox<OutboundEmail.Status> filter = new ComboBox<>();
    final Grid<OutboundEmail> grid = new Grid<>();
    private final Notifications notifications;

    public OutboxView(Notifications notifications) {
        this.notifications = notifications;
        setSizeFull();
        status.setId("outbox-status");
        status.setText(getTranslation(notifications.emailEnabled() ? "notify.settings.on" : "notify.settings.off"));
        filter.setId("outbox-filter");
        filter.setLabel(getTranslation("notify.outbox.status"));
        filter.setItems(OutboundEmail.Status.values());
        filter.setItemLabelGenerator(s -> getTranslation("notify.status." + s.name()));
        filter.setClearButtonVisible(true);
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        grid.setId("outbox-grid");
        grid.addColumn(m -> Dates.dateTime(m.createdAt(), getLocale())).setHeader(getTranslation("notify.outbox.created")).setAutoWidth(true);
        grid.addColumn(OutboundEmail::user).setHeader(getTranslation("notify.outbox.user")).setAutoWidth(true);
        grid.addColumn(OutboundEmail::address).setHeader(getTranslation("notify.outbox.address")).setAutoWidth(true);
        grid.addColumn(m -> getTranslation("notify.kind." + m.kind().name())).setHeader(getTranslation("notify.outbox.kind"));
        grid.addColumn(OutboundEmail::subject).setHeader(getTranslation("notify.outbox.subject")).setFlexGrow(1);
        grid.addColumn(m -> getTranslation("notify.status." + m.status().name())).setHeader(getTranslation("notify.outbox.status")).setAutoWidth(true);
        grid.addColumn(OutboundEmail::attempts).setHeader(getTranslation("notify.outbox.attempts")).setAutoWidth(true);
        grid.addColumn(m -> m.status() == OutboundEmail.Status.PENDING ? Dates.dateTime(m.nextAttemptAt(), getLocale()) : "—")
                .setHeader(getTranslation("notify.outbox.next")).setAutoWidth(true);
        grid.addColumn(m -> m.lastError() == null ? "" : m.lastError()).setHeader(getTranslation("notify.outbox.error")).setFlexGrow(1);
        grid.addComponentColumn(m -> {
            var retry = new Button(getTranslation("notify.outbox.retry"), e -> {
                notifications.retry(m.id());
                grid.getDataProvider().refreshAll();
            });
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            retry.addClassName("outbox-retry");
            retry.setVisible(m.status() == OutboundEmail.Status.FAILED || m.status() == OutboundEmail.Status.REFUSED);
            return retry;
        }).setAutoWidth(true);
        grid.setItems(query -> notifications.outbox(filter.getValue(), query.getOffset(), query.getLimit()).stream());
        add(new H2(getTranslation("menu.outbox")), status, filter, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.outbox") + " · ArmsTrace";
    }
}
