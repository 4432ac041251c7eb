package org.armstrace.registry.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.armstrace.base.Dates;
import org.armstrace.base.ui.UiLocale;
import org.armstrace.registry.RecordVersion;

/**
 * A record's versions as sentences a reader follows: "changed birth place from Podujevë to Obiliq
 * on 06/12/2026, by ana, source user:ana (reason: birth certificate seen)", "… source import
 * firearms.csv row 12". Newest first. Fields are named in the reader's language; search keys
 * derived from other fields (the serial's folded key, the maker's code) are left out, since they
 * change with the field they come from.
 */
final class HistorySentences {

    private static final Pattern IMPORT = Pattern.compile("import:(.*)#row=(\\d+)");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Fields with a name in the translations ({@code history.field.<key>}); others are shown by their key. */
    private static final Set<String> NAMED = Set.of("givenName", "familyName", "parentName", "birthDate", "birthPlace",
            "nationalId", "typeCode", "makeAsRead", "model", "calibreCode", "serialAsRead", "countryOfManufacture", "year",
            // Organisations, licences, transfers and markings (RecordCorrections, MarkingCorrections).
            "name", "country", "number", "kind", "issuedBy", "validFrom", "validTo", "status", "endedOn", "date",
            "reference", "marking",
            // A manufacturer merge's version on each weapon (ManufacturerMerges).
            "maker");
    private static final Set<String> DERIVED = Set.of("serialKey", "serialFolded", "serialNeighbourhood", "makeSerialFolded", "makeNeighbourhood", "makeCode",
            "numberKey", "modelId", "modelAsRead");

    private HistorySentences() {
    }

    /**
     * @param display a field's stored value as people read it (a code's display name); dates are
     *                formatted here
     */
    static UnorderedList list(Component page, String id, List<RecordVersion> versions,
                              BiFunction<String, String, String> display) {
        var list = new UnorderedList();
        list.setId(id);
        sentences(page, versions, display).forEach(s -> list.add(new ListItem(s)));
        return list;
    }

    static List<String> sentences(Component page, List<RecordVersion> versions, BiFunction<String, String, String> display) {
        Locale locale = UiLocale.current();
        var out = new ArrayList<String>();
        for (RecordVersion v : versions.reversed()) {
            Object[] when = {Dates.date(v.at(), locale), v.by().isBlank() ? "—" : v.by(), source(page, v.source())};
            String reason = v.reason().isBlank() ? "" : " (" + page.getTranslation("history.reason", v.reason()) + ")";
            Map<String, String> before = fields(v.before());
            Map<String, String> after = fields(v.after());
            if (v.version() == 1) {
                out.add(page.getTranslation("history.recorded", when) + reason);
                continue;
            }
            var keys = new LinkedHashSet<String>(before.keySet());
            keys.addAll(after.keySet());
            int written = 0;
            for (String key : keys) {
                if (DERIVED.contains(key)) {
                    continue;
                }
                String field = NAMED.contains(key) ? page.getTranslation("history.field." + key) : key;
                String was = value(key, before.get(key), display, locale);
                String now = value(key, after.get(key), display, locale);
                String sentence = was == null ? page.getTranslation("history.set", field, now, when[0], when[1], when[2])
                        : now == null ? page.getTranslation("history.cleared", field, was, when[0], when[1], when[2])
                        : page.getTranslation("history.changed", field, was, now, when[0], when[1], when[2]);
                out.add(sentence + reason);
                written++;
            }
            if (written == 0) {
                out.add(page.getTranslation("history.no-field", when) + reason);
            }
        }
        return out;
    }

    private static Map<String, String> fields(List<String> pairs) {
        var map = new LinkedHashMap<String, String>();
        for (String kv : pairs) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                map.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return map;
    }

    private static String value(String key, String stored, BiFunction<String, String, String> display, Locale locale) {
        if (stored == null) {
            return null;
        }
        if (ISO_DATE.matcher(stored).matches()) {
            try {
                return Dates.date(LocalDate.parse(stored), locale);
            } catch (DateTimeParseException notADate) {
                return stored;
            }
        }
        return display.apply(key, stored);
    }

    /** "user:ana" as it is; "import:firearms.csv#row=12" as "import firearms.csv row 12". */
    static String source(Component page, String source) {
        Matcher imported = IMPORT.matcher(source == null ? "" : source);
        return imported.matches() ? page.getTranslation("history.source-import", imported.group(1), imported.group(2))
                : source;
    }
}
