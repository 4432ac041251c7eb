package org.armstrace.cases.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.VaadinService;
import org.armstrace.cases.LinkKind;

/**
 * The "Add to case" button other features put on their pages: one line there, the dialog and its
 * services here (created by Spring when the button is clicked, so the host view's constructor does
 * not change).
 */
public final class AddToCase {

    private AddToCase() {
    }

    /** A button that adds the record to a case, or opens a new case on it titled {@code suggestedTitle}. */
    public static Button button(LinkKind kind, String key, String suggestedTitle) {
        var button = new Button(VaadinIcon.FOLDER_ADD.create());
        button.setText(button.getTranslation("cases.add-to-case"));
        button.setId("add-to-case");
        button.addClickListener(e -> VaadinService.getCurrent().getInstantiator().getOrCreate(AddToCaseDialog.class)
                .open(kind, key, suggestedTitle));
        return button;
    }
}
