package org.armstrace.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.armstrace.security.PasswordPolicy;
import org.armstrace.security.UserAccountException;
import org.armstrace.security.UserAccountService;

/** Choose a new password; mandatory after a one-time password. */
@Route("account/password")
@PermitAll
public class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    final PasswordField current = new PasswordField();
    final PasswordField next = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Button save = new Button();

    public ChangePasswordView(UserAccountService users) {
        setMaxWidth("32rem");
        current.setLabel(getTranslation("password.current"));
        next.setLabel(getTranslation("password.new"));
        next.setHelperText(getTranslation("password.rule", PasswordPolicy.MIN_LENGTH));
        repeat.setLabel(getTranslation("password.repeat"));
        for (var f : new PasswordField[] {current, next, repeat}) {
            f.setWidthFull();
        }
        current.setId("password-current");
        next.setId("password-new");
        repeat.setId("password-repeat");
        save.setText(getTranslation("password.save"));
        save.setId("password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(e -> {
            try {
                if (!next.getValue().equals(repeat.getValue())) {
                    throw new UserAccountException("password.mismatch");
                }
                users.changeOwnPassword(current.getValue(), next.getValue());
                Notification.show(getTranslation("password.changed")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                UI.getCurrent().navigate("");
            } catch (UserAccountException ex) {
                next.setInvalid(true);
                next.setErrorMessage(getTranslation(ex.getMessage(), PasswordPolicy.MIN_LENGTH));
            } finally {
                save.setEnabled(true);
            }
        });
        add(new H2(getTranslation("password.title")), new Paragraph(getTranslation("password.intro")),
                current, next, repeat, save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.title") + " · ArmsTrace";
    }
}
