package org.armstrace.base;

import java.util.Locale;
import org.springframework.stereotype.Component;

/** Applies a language picked in the UI to the session and, when signed in, remembers it for the user. */
@Component
public class LanguageChoice {

    private final UserPreferences preferences;

    LanguageChoice(UserPreferences preferences) {
        this.preferences = preferences;
    }

    public void choose(Locale locale) {
        if (!Translations.LOCALES.contains(locale)) {
            throw new IllegalArgumentException("Unsupported language " + locale);
        }
        LocaleInitializer.choose(locale, preferences);
    }
}
