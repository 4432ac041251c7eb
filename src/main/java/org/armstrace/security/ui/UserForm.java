package org.armstrace.security.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.EnumSet;
import java.util.Set;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccount;

/** Create or edit an account. Fires {@link SaveEvent} with what was entered; the view does the saving. */
public class UserForm extends FormLayout {

    public record Values(String username, String displayName, Set<Role> roles, boolean enabled, boolean isNew,
                         String office) {
    }

    public static class SaveEvent extends ComponentEvent<UserForm> {
        private final Values values;

        SaveEvent(UserForm source, Values values) {
            super(source, false);
            this.values = values;
        }

        public Values values() {
            return values;
        }
    }

    public static class ResetPasswordEvent extends ComponentEvent<UserForm> {
        private final String username;

        ResetPasswordEvent(UserForm source, String username) {
            super(source, false);
            this.username = username;
        }

        public String username() {
            return username;
        }
    }

    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final TextField office = new TextField();
    final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    final Checkbox enabled = new Checkbox();
    final Button save = new Button();
    final Button resetPassword = new Button();
    private boolean isNew = true;

    public UserForm() {
        username.setLabel(getTranslation("users.username"));
        username.setId("user-username");
        username.setRequired(true);
        displayName.setLabel(getTranslation("users.display-name"));
        displayName.setId("user-display-name");
        office.setLabel(getTranslation("users.office"));
        office.setId("user-office");
        office.setMaxLength(100);
        office.setHelperText(getTranslation("users.office-help"));
        roles.setLabel(getTranslation("users.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        roles.setId("user-roles");
        enabled.setLabel(getTranslation("users.enabled"));
        enabled.setId("user-enabled");
        save.setText(getTranslation("action.save"));
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> fireEvent(new SaveEvent(this, new Values(username.getValue(),
                displayName.getValue(), roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class)
                : EnumSet.copyOf(roles.getValue()), enabled.getValue(), isNew, office.getValue()))));
        resetPassword.setText(getTranslation("users.reset-password"));
        resetPassword.setId("user-reset-password");
        resetPassword.addClickListener(e -> fireEvent(new ResetPasswordEvent(this, username.getValue())));
        add(username, displayName, office, roles, enabled, new HorizontalLayout(save, resetPassword));
        edit(null);
    }

    /** Shows an account for editing, or an empty form for a new one when null. */
    public void edit(UserAccount account) {
        isNew = account == null;
        username.setValue(isNew ? "" : account.username());
        username.setReadOnly(!isNew);
        displayName.setValue(isNew ? "" : account.displayName());
        office.setValue(isNew || account.office() == null ? "" : account.office());
        roles.setValue(isNew ? Set.of() : account.roles());
        // A directory account's roles follow its groups at every sign-in, and its password is the directory's.
        boolean fromDirectory = !isNew && account.fromDirectory();
        roles.setReadOnly(fromDirectory);
        roles.setHelperText(fromDirectory ? getTranslation("users.roles-from-directory") : null);
        enabled.setValue(isNew || account.enabled());
        enabled.setEnabled(!isNew);
        resetPassword.setVisible(!isNew && !fromDirectory);
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addResetPasswordListener(ComponentEventListener<ResetPasswordEvent> l) {
        return addListener(ResetPasswordEvent.class, l);
    }
}
