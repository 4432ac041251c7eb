package org.armstrace.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** How the field misspells: Serbian Cyrillic, no diacritics, one slip of the keyboard, one wrong digit. */
final class Spellings {

    /** Albanian letters as a Serbian clerk writes them, before Cyrillic. */
    private static final String[][] ALBANIAN_TO_SERBIAN = {
            {"xh", "dž"}, {"gj", "đ"}, {"sh", "š"}, {"zh", "ž"}, {"dh", "d"}, {"th", "t"}, {"ll", "l"}, {"rr", "r"},
            {"q", "ć"}, {"ç", "č"}, {"ë", "e"}, {"y", "i"}, {"x", "dz"}, {"w", "v"},
    };

    private static final Map<String, String> CYRILLIC = Map.ofEntries(
            Map.entry("dž", "џ"), Map.entry("lj", "љ"), Map.entry("nj", "њ"), Map.entry("a", "а"), Map.entry("b", "б"),
            Map.entry("c", "ц"), Map.entry("č", "ч"), Map.entry("ć", "ћ"), Map.entry("d", "д"), Map.entry("đ", "ђ"),
            Map.entry("e", "е"), Map.entry("f", "ф"), Map.entry("g", "г"), Map.entry("h", "х"), Map.entry("i", "и"),
            Map.entry("j", "ј"), Map.entry("k", "к"), Map.entry("l", "л"), Map.entry("m", "м"), Map.entry("n", "н"),
            Map.entry("o", "о"), Map.entry("p", "п"), Map.entry("r", "р"), Map.entry("s", "с"), Map.entry("š", "ш"),
            Map.entry("t", "т"), Map.entry("u", "у"), Map.entry("v", "в"), Map.entry("z", "з"), Map.entry("ž", "ж"));

    private Spellings() {
    }

    /** The name in Serbian Cyrillic, Albanian letters written as a Serbian clerk would. */
    static String cyrillic(String name) {
        String s = name.toLowerCase(Locale.ROOT);
        for (String[] r : ALBANIAN_TO_SERBIAN) {
            s = s.replace(r[0], r[1]);
        }
        var out = new StringBuilder();
        boolean wordStart = true;
        for (int i = 0; i < s.length(); i++) {
            String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
            String c = CYRILLIC.get(two);
            if (c != null) {
                i++;
            } else {
                c = CYRILLIC.getOrDefault(s.substring(i, i + 1), s.substring(i, i + 1));
            }
            out.append(wordStart ? c.toUpperCase(Locale.ROOT) : c);
            wordStart = c.isBlank() || c.equals("-");
        }
        return out.toString();
    }


    /** One slip: a letter changed, left out, doubled, or two neighbours swapped (never the first letter). */
    static String typo(String name, Random random) {
        if (name.length() < 4) {
            return name;
        }
        int i = 1 + random.nextInt(name.length() - 2);
        var sb = new StringBuilder(name);
        switch (random.nextInt(4)) {
            case 0 -> sb.setCharAt(i, (char) ('a' + random.nextInt(26)));
            case 1 -> sb.deleteCharAt(i);
            case 2 -> sb.insert(i, name.charAt(i));
            default -> {
                char c = sb.charAt(i);
                sb.setCharAt(i, sb.charAt(i + 1));
                sb.setCharAt(i + 1, c);
            }
        }
        return sb.toString();
    }

    /** One digit of day, month or year written wrong (the date stays a real date). */
    static LocalDate digitOff(LocalDate born, Random random) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String text = born.toString(); // yyyy-MM-dd
            int[] positions = {2, 3, 5, 6, 8, 9};
            int p = positions[random.nextInt(positions.length)];
            char d = (char) ('0' + random.nextInt(10));
            if (d == text.charAt(p)) {
                continue;
            }
            String changed = text.substring(0, p) + d + text.substring(p + 1);
            try {
                return LocalDate.parse(changed);
            } catch (DateTimeException e) {
                // not a date; try another digit
            }
        }
        return born;
    }
}
