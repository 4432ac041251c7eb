package org.armstrace.registry;

import java.util.List;
import java.util.Locale;

/** An ISO 3166-1 country (plus XK, Kosovo) named in the three UI languages, with other spellings people use. */
public record Country(String code, String nameEn, String nameSq, String nameSr, List<String> aliases) {

    public Country {
        aliases = List.copyOf(aliases);
    }

    public Country(String code, String nameEn, String nameSq, String nameSr) {
        this(code, nameEn, nameSq, nameSr, List.of());
    }

    public String name(Locale locale) {
        return switch (locale.getLanguage()) {
            case "sq" -> nameSq;
            case "sr" -> nameSr;
            default -> nameEn;
        };
    }
}
