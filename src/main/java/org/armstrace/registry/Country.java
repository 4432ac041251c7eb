package org.armstrace.registry;

import java.util.Locale;

/** An ISO 3166-1 country (plus XK, Kosovo) named in the three UI languages. */
public record Country(String code, String nameEn, String nameSq, String nameSr) {

    public String name(Locale locale) {
        return switch (locale.getLanguage()) {
            case "sq" -> nameSq;
            case "sr" -> nameSr;
            default -> nameEn;
        };
    }
}
