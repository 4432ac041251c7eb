package org.armstrace.importer;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Cell values: header matching, the profile's transformations, dates as clerks write them. */
final class Values {

    /**
     * Date layouts seen in the region's registers, tried in order: ISO, the dotted local form with
     * and without leading zeros (and with the trailing dot Serbian writes), slashes and dashes
     * (day first), and the compact form. Two-digit years are never guessed.
     */
    static final List<String> DEFAULT_DATE_FORMATS = List.of("uuuu-MM-dd", "d.M.uuuu", "d.M.uuuu.", "d/M/uuuu",
            "d-M-uuuu", "uuuuMMdd");

    private Values() {
    }

    /** A header as compared with the profile: case, spaces, punctuation and diacritics ignored. */
    static String headerKey(String header) {
        String s = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        var sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static void checkTransform(String t) {
        String name = t.contains(":") ? t.substring(0, t.indexOf(':')) : t;
        switch (name) {
            case "upper", "lower", "digits", "alnum" -> {
                if (t.contains(":")) {
                    throw new MappingProfile.ProfileInvalid("import.profile.bad-transform", t);
                }
            }
            case "before", "after" -> {
                if (t.length() <= name.length() + 1) {
                    throw new MappingProfile.ProfileInvalid("import.profile.bad-transform", t);
                }
            }
            case "part" -> {
                int last = t.lastIndexOf(':');
                if (last <= 5) {
                    throw new MappingProfile.ProfileInvalid("import.profile.bad-transform", t);
                }
                try {
                    Integer.parseInt(t.substring(last + 1));
                } catch (NumberFormatException e) {
                    throw new MappingProfile.ProfileInvalid("import.profile.bad-transform", t);
                }
            }
            default -> throw new MappingProfile.ProfileInvalid("import.profile.bad-transform", t);
        }
    }

    /** The cell after the column's transformations, replacements and fallback; null when empty. */
    static String transform(MappingProfile.Column column, String raw) {
        String v = raw == null ? "" : raw.strip();
        for (String t : column.transforms()) {
            v = apply(t, v).strip();
        }
        if (!v.isEmpty() && !column.values().isEmpty()) {
            for (Map.Entry<String, String> e : column.values().entrySet()) {
                if (e.getKey().strip().equalsIgnoreCase(v)) {
                    v = e.getValue();
                    break;
                }
            }
        }
        if (v.isEmpty() && column.fallback() != null && !column.fallback().isBlank()) {
            v = column.fallback().strip();
        }
        return v.isEmpty() ? null : v;
    }

    private static String apply(String t, String v) {
        if (t.equals("upper")) {
            return v.toUpperCase(Locale.ROOT);
        }
        if (t.equals("lower")) {
            return v.toLowerCase(Locale.ROOT);
        }
        if (t.equals("digits")) {
            return v.replaceAll("\\D", "");
        }
        if (t.equals("alnum")) {
            return v.replaceAll("[^\\p{L}\\p{N}]", "");
        }
        if (t.startsWith("before:")) {
            int i = v.indexOf(t.substring(7));
            return i < 0 ? v : v.substring(0, i);
        }
        if (t.startsWith("after:")) {
            String sep = t.substring(6);
            int i = v.indexOf(sep);
            return i < 0 ? "" : v.substring(i + sep.length());
        }
        // part:SEP:INDEX, negative counts from the end
        int last = t.lastIndexOf(':');
        String sep = t.substring(5, last);
        int index = Integer.parseInt(t.substring(last + 1));
        String[] parts = v.split(Pattern.quote(sep.isEmpty() ? " " : sep), -1);
        int at = index < 0 ? parts.length + index : index;
        return at >= 0 && at < parts.length ? parts[at] : "";
    }

    /** Formatters for the profile's date patterns (strict: 31.02. is refused, not moved to March). */
    static List<DateTimeFormatter> dateFormatters(List<String> patterns) {
        return (patterns.isEmpty() ? DEFAULT_DATE_FORMATS : patterns).stream()
                .map(p -> DateTimeFormatter.ofPattern(p, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT))
                .toList();
    }

    /** The date in the first layout that reads it whole, or null. */
    static LocalDate date(String v, List<DateTimeFormatter> formats) {
        String s = v.strip();
        if (s.length() > 10 && s.charAt(10) == 'T' || s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10); // a date-time from a spreadsheet: the day is what counts
        }
        for (DateTimeFormatter f : formats) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException e) {
                // next layout
            }
        }
        return null;
    }

    /** A control character other than tab or line breaks (which quoted CSV values may hold). */
    static boolean hasControl(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** Both Latin and Cyrillic letters in one word, such as a Cyrillic о typed inside a Latin name. */
    static boolean mixesScripts(String v) {
        for (String word : v.split("[\\s\\-]+")) {
            boolean latin = false;
            boolean cyrillic = false;
            for (int i = 0; i < word.length(); i++) {
                Character.UnicodeScript s = Character.UnicodeScript.of(word.charAt(i));
                latin |= s == Character.UnicodeScript.LATIN;
                cyrillic |= s == Character.UnicodeScript.CYRILLIC;
            }
            if (latin && cyrillic) {
                return true;
            }
        }
        return false;
    }
}
