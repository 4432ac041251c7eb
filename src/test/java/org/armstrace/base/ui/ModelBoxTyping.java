package org.armstrace.base.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.combobox.ComboBoxBase;

/**
 * Types a model into a {@link ModelBox} and leaves the field, as a user does: the browser sends the
 * text as a custom value (the browserless tester only selects offered items).
 */
public final class ModelBoxTyping {

    private ModelBoxTyping() {
    }

    public static void type(ModelBox box, String text) {
        ComponentUtil.fireEvent(box, new ComboBoxBase.CustomValueSetEvent<>(box, true, text));
    }
}
