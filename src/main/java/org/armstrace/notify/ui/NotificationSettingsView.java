package org.armstrace.notify.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import org.armstrace.notify.NotificationKind;
import org.armstrace.notify.NotificationRejected;
import org.armstrace.notify.NotificationSettings;
import org.armstrace.notify.Notifications;

/**
 * Each user's e-mail notifications: their address and the kinds they want. Says plainly when e-mail
 * is off (no SMTP server configured), so nobody waits for messages that cannot come.
 */
@Route("account/notifications")
@Menu(order = 80, icon = "vaadin:envelope", title = "menu.notifications")
@PermitAll
public class NotificationSettingsView extends VerticalLayout implements HasDynamicTitle {

    final Paragraph status = new Paragraph();
    final EmailField email = new EmailField();
    final CheckboxGroup<NotificationKind> kinds = new CheckboxGroup<>();
    final Button save = new Button();
    private final Notifications notifications;

    public NotificationSettingsView(Notifications notifications) {
        this.notifications = notifications;
        setMaxWidth("40rem");
        status.setId("notify-status");
        email.setId("notify-email");
        email.setLabel(getTranslation("notify.settings.email"));
        email.setMaxLength(Notifications.MAX_EMAIL);
        email.setWidthFull();
        kinds.setId("notify-kinds");
        kinds.setLabel(getTranslation("notify.settings.kinds"));
        kinds.setItems(Arrays.asList(NotificationKind.values()));
        kinds.setItemLabelGenerator(k -> getTranslation("notify.kind." + k.name()));
        kinds.addThemeName("vertical");
        save.setId("notify-save");
        save.setText(getTranslation("notify.settings.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        add(new H2(getTranslation("notify.settings.title")), status, email, kinds, save);
        show(notifications.mySettings());
    }

    private void show(NotificationSettings settings) {
        status.setText(getTranslation(settings.emailEnabled() ? "notify.settings.on" : "notify.settings.off"));
        status.getElement().getThemeList().set("badge", true);
        status.getElement().getThemeList().set("error", !settings.emailEnabled());
        email.setValue(settings.email() == null ? "" : settings.email());
        kinds.setValue(settings.wanted());
    }

    private void save() {
        try {
            show(notifications.saveMySettings(email.getValue(), kinds.getValue()));
            Notification.show(getTranslation("notify.settings.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (NotificationRejected e) {
            email.setInvalid(true);
            email.setErrorMessage(getTranslation(e.getMessage()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notify.settings.title") + " · ArmsTrace";
    }
}
