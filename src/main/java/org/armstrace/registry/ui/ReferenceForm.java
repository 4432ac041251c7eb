package org.armstrace.registry.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.List;

/**
 * The parts every reference-data editor shares: other spellings one per line, retired, a required
 * reason and a save button. Each tab adds its own name fields around them.
 */
final class ReferenceForm {

    final TextArea aliases = new TextArea();
    final Checkbox retired = new Checkbox();
    final TextField reason = new TextField();
    final Button save = new Button();
    private final Component owner;

    ReferenceForm(String idPrefix, Component owner, Runnable onSave) {
        this.owner = owner;
        aliases.setLabel(owner.getTranslation("reference.aliases"));
        aliases.setHelperText(owner.getTranslation("reference.aliases-help"));
        aliases.setId(idPrefix + "-aliases");
        retired.setLabel(owner.getTranslation("reference.retired"));
        reason.setLabel(owner.getTranslation("reference.reason"));
        reason.setRequired(true);
        reason.setId(idPrefix + "-reason");
        save.setText(owner.getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId(idPrefix + "-save");
        save.addClickListener(e -> onSave.run());
    }

    /** One per line: commas are part of spellings such as "7,62x39". */
    List<String> aliasList() {
        return Arrays.stream(aliases.getValue().split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    void show(List<String> list, boolean isRetired, boolean enabled) {
        aliases.setValue(String.join("\n", list));
        retired.setValue(isRetired);
        reason.clear();
        reason.setInvalid(false);
        for (var c : List.of(aliases, reason)) {
            c.setEnabled(enabled);
        }
        retired.setEnabled(enabled);
        save.setEnabled(enabled);
    }

    /** Whether a reason was given; marks the field when not. */
    boolean hasReason() {
        if (reason.getValue().isBlank()) {
            reason.setInvalid(true);
            reason.setErrorMessage(owner.getTranslation("reference.reason-required"));
            return false;
        }
        return true;
    }

    /** Runs the save; tells the user it worked, or why it was refused (the message names the entry that has the alias). */
    boolean attempt(Runnable action) {
        try {
            action.run();
            Notification.show(owner.getTranslation("reference.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            return true;
        } catch (IllegalArgumentException ex) {
            Notification.show(owner.getTranslation("reference.alias-taken", ex.getMessage()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
    }
}
