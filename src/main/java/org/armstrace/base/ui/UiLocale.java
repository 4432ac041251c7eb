package org.armstrace.base.ui;

import com.vaadin.flow.component.UI;
import java.util.Locale;
import org.armstrace.base.Translations;

/** The current UI's language, for helpers that format outside a component (Component.getLocale is protected). */
public final class UiLocale {

    private UiLocale() {
    }

    public static Locale current() {
        UI ui = UI.getCurrent();
        return Translations.supported(ui == null ? null : ui.getLocale());
    }
}
