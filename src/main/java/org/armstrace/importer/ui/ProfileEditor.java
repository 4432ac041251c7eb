package org.armstrace.importer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;
import org.armstrace.importer.MappingProfile;

/**
 * A mapping profile as JSON, checked as it is saved: a profile the importer cannot use is refused
 * with the reason, and stays in the editor. Saving fires the profile; the page saves it as a new
 * version (earlier versions and the batches that used them are kept).
 */
class ProfileEditor extends Dialog {

    ProfileEditor(MappingProfile current, Consumer<MappingProfile> onSave) {
        setHeaderTitle(getTranslation("imports.edit-profile"));
        setWidth("min(60em, 95vw)");
        var json = new TextArea(getTranslation("imports.profile-json"));
        json.setId("profile-json");
        json.setWidthFull();
        json.setHeight("28em");
        json.setMaxLength(100_000);
        json.setValue(current != null ? current.toJson() : TEMPLATE);
        var error = new Paragraph();
        error.setId("profile-error");
        error.addClassName("form-errors");
        var help = new Paragraph(getTranslation("imports.profile-help"));
        // Full or partial decides whether records a later extract lacks are flagged: a choice, not a JSON detail.
        var full = new Checkbox(getTranslation("imports.profile-full"), current != null && current.full());
        full.setId("profile-full");
        full.setTooltipText(getTranslation("imports.profile-full-help"));
        var save = new Button(getTranslation("imports.save-profile"), e -> {
            try {
                onSave.accept(MappingProfile.parse(json.getValue()).withFull(full.getValue()));
                close();
            } catch (MappingProfile.ProfileInvalid invalid) {
                error.setText(getTranslation(invalid.key(), invalid.argument()));
            }
        });
        save.setId("profile-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("imports.cancel"), e -> close());
        add(help, full, json, error);
        getFooter().add(cancel, save);
    }

    static final String TEMPLATE = """
            {
              "name": "new-profile",
              "description": "",
              "kind": "PEOPLE",
              "format": {"type": "AUTO", "encoding": "auto", "delimiter": "auto", "headerRow": 1},
              "columns": [
                {"header": "Emri", "target": "person.givenName"},
                {"header": "Mbiemri", "target": "person.familyName"}
              ]
            }
            """;
}
