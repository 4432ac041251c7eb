package org.armstrace.registry;

import java.util.List;
import java.util.Locale;

/** A category of small arm or light weapon (UN International Tracing Instrument). */
public record FirearmType(String code, String nameEn, String nameSq, String nameSr, String category,
                          List<String> aliases, boolean retired) {
    public FirearmType {
        aliases = List.copyOf(aliases);
    }

    public String name(Locale locale) {
        return switch (locale.getLanguage()) {
            case "sq" -> nameSq;
            case "sr" -> nameSr;
            default -> nameEn;
        };
    }
}
