package org.armstrace.intelligence.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import org.armstrace.intelligence.Investigations;

/**
 * Names the canvas, holds its notes and whom it is shared with, and fires {@link Save}; the chart
 * saves it and closes the form when that succeeded, so a refused save keeps what was typed.
 */
class InvestigationForm extends Dialog {

    /** No role: the investigation stays the owner's own. */
    static final String PRIVATE = "";

    static final class Save extends ComponentEvent<InvestigationForm> {
        final String name;
        final String notes;
        final String sharedWith;

        Save(InvestigationForm form, String name, String notes, String sharedWith) {
            super(form, false);
            this.name = name;
            this.notes = notes;
            this.sharedWith = sharedWith;
        }
    }

    final TextField name = new TextField();
    final TextArea notes = new TextArea();
    final Select<String> share = new Select<>();
    final Button save = new Button();

    /** {@code owner}: whether the signed-in user owns it (only the owner changes the sharing). */
    InvestigationForm(String currentName, String currentNotes, String sharedWith, boolean owner) {
        setHeaderTitle(getTranslation("investigation.save"));
        name.setLabel(getTranslation("investigation.name"));
        name.setId("investigation-name");
        name.setRequired(true);
        name.setMaxLength(Investigations.MAX_NAME);
        name.setWidthFull();
        name.setValue(currentName == null ? "" : currentName);
        notes.setLabel(getTranslation("investigation.notes"));
        notes.setId("investigation-notes");
        notes.setMaxLength(Investigations.MAX_NOTES);
        notes.setWidthFull();
        notes.setMinHeight("8rem");
        notes.setValue(currentNotes == null ? "" : currentNotes);
        var choices = new ArrayList<String>();
        choices.add(PRIVATE);
        choices.addAll(Investigations.SHAREABLE);
        share.setLabel(getTranslation("investigation.share"));
        share.setId("investigation-share");
        share.setItems(choices);
        share.setItemLabelGenerator(r -> r.isEmpty() ? getTranslation("investigation.private")
                : getTranslation("investigation.shared-with", getTranslation("role." + r)));
        share.setValue(sharedWith == null ? PRIVATE : sharedWith);
        share.setEnabled(owner);
        save.setText(getTranslation("investigation.save"));
        save.setId("investigation-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Disabled while the save runs: a double click saves once.
        save.setDisableOnClick(true);
        save.addClickListener(e -> fireEvent(new Save(this, name.getValue(), notes.getValue(),
                share.getValue() == null || share.getValue().isEmpty() ? null : share.getValue())));
        add(name, notes, share);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
        setWidth("36rem");
    }

    Registration addSaveListener(ComponentEventListener<Save> listener) {
        return addListener(Save.class, listener);
    }
}
