package org.armstrace.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import java.util.Locale;
import java.util.Map;
import org.armstrace.base.LanguageChoice;
import org.armstrace.base.Translations;

/** Language switch; each language is named in itself so that anyone can find their own. */
public class LanguageSelect extends Select<Locale> {

    private static final Map<Locale, String> ENDONYMS = Map.of(
            Translations.ENGLISH, "English",
            Translations.ALBANIAN, "Shqip",
            Translations.SERBIAN_LATIN, "Srpski (latinica)");

    public LanguageSelect(LanguageChoice choice) {
        setItems(Translations.LOCALES);
        setItemLabelGenerator(l -> ENDONYMS.getOrDefault(l, l.getDisplayName(l)));
        setAriaLabel(getTranslation("language.label"));
        setId("language-select");
        addAttachListener(e -> setValue(Translations.LOCALES.contains(e.getUI().getLocale())
                ? e.getUI().getLocale() : Translations.ENGLISH));
        addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                choice.choose(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
    }
}
