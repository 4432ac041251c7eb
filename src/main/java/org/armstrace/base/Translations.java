package org.armstrace.base;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The UI's translations: {@code vaadin-i18n/translations[_sq|_sr_Latn].properties}. Declared
 * explicitly because Vaadin's file-name detection reads {@code sr_Latn} as a country code.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale ALBANIAN = Locale.forLanguageTag("sq");
    public static final Locale SERBIAN_LATIN = Locale.forLanguageTag("sr-Latn");
    public static final List<Locale> LOCALES = List.of(ENGLISH, ALBANIAN, SERBIAN_LATIN);

    static final String BUNDLE = "vaadin-i18n/translations";
    private static final Logger log = LoggerFactory.getLogger(Translations.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            try {
                pattern = bundle(ENGLISH).getString(key);
            } catch (MissingResourceException missing) {
                log.warn("Missing translation key {}", key);
                return "!" + key;
            }
        }
        return params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(params);
    }

    /** The supported locale closest to the one asked for (e.g. the browser's), English otherwise. */
    public static Locale supported(Locale requested) {
        if (requested == null) {
            return ENGLISH;
        }
        String lang = requested.getLanguage();
        if ("sq".equals(lang)) {
            return ALBANIAN;
        }
        // Serbian in Cyrillic gets the Latin UI: that is the script the team works in.
        if ("sr".equals(lang) || "sh".equals(lang) || "bs".equals(lang) || "hr".equals(lang)) {
            return SERBIAN_LATIN;
        }
        return ENGLISH;
    }

    static ResourceBundle bundle(Locale locale) {
        Locale l = LOCALES.contains(locale) ? locale : supported(locale);
        // The English file is the base bundle (no suffix).
        return ENGLISH.equals(l) ? ResourceBundle.getBundle(BUNDLE, Locale.ROOT, NO_FALLBACK)
                : ResourceBundle.getBundle(BUNDLE, l, NO_FALLBACK);
    }
}
