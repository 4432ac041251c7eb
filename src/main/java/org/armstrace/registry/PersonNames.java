package org.armstrace.registry;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * People's names as search keys. Names reach the registry in Albanian and Serbian, in Latin and
 * Cyrillic script, with and without diacritics ({@code Gashi}/{@code Gaši},
 * {@code Xhemajl}/{@code Džemajl}, {@code Đorđević}/{@code Djordjevic}/{@code Ђорђевић}). The
 * name is always stored as written; the key folds these spellings together so that each of them
 * finds the others.
 */
public final class PersonNames {

    /** ICU's Serbian transliteration (Ђ→Đ, Џ→Dž, Љ→Lj ...), which the generic Cyrillic-Latin gets wrong. */
    private static final Transliterator SERBIAN_LATIN = Transliterator.getInstance("Serbian-Latin/BGN");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z]+");
    private static final Pattern WORD_BREAK = Pattern.compile("[\\s\\-‐'’.,]+");

    /**
     * Letter groups that the two languages and diacritic-less typing spell differently for one
     * sound, in the order they are applied: Serbian dž = Albanian xh, đ = dj = Albanian gj,
     * š = sh, ž = zh, č/ć = ç = ch = Albanian q; Albanian doubled ll/rr and y, ë.
     */
    private static final String[][] FOLDS = {
            {"dž", "dz"}, {"xh", "dz"}, {"đ", "dj"}, {"gj", "dj"},
            {"sh", "s"}, {"š", "s"}, {"zh", "z"}, {"ž", "z"},
            {"ch", "c"}, {"č", "c"}, {"ć", "c"}, {"ç", "c"}, {"q", "c"},
            {"ë", "e"}, {"y", "i"},
    };

    /*
     * Names already transliterated and words already folded. A registry's names are a small
     * vocabulary repeated over every record (an import of 300,000 people folds each of a few
     * thousand names many times over), and the work costs far more than a lookup.
     */
    private static final Map<String, String> LATIN = new ConcurrentHashMap<>();
    private static final Map<String, String> FOLDED = new ConcurrentHashMap<>();
    private static final int REMEMBERED_MAX = 100_000;
    private static final int REMEMBERED_MAX_LENGTH = 64;

    private PersonNames() {
    }

    /** The name in Latin script (Serbian Cyrillic transliterated); Latin text is returned as is. */
    public static String latin(String name) {
        if (name == null) {
            return "";
        }
        return remembered(LATIN, name, PersonNames::latinOnce);
    }

    /**
     * A Serbian Latin name in Cyrillic, digraphs first (the inverse of the official one-to-one
     * alphabets): how a Serbian extract writes what another writes in Latin. For synthetic data
     * (the demo, test and benchmark extracts); {@link #latin} reads it back.
     */
    public static String cyrillic(String latin) {
        String[][] digraphs = {{"Lj", "Љ"}, {"lj", "љ"}, {"Nj", "Њ"}, {"nj", "њ"}, {"Dž", "Џ"}, {"dž", "џ"}};
        String s = latin;
        for (String[] d : digraphs) {
            s = s.replace(d[0], d[1]);
        }
        String from = "ABVGDĐEŽZIJKLMNOPRSTĆUFHCČŠabvgdđežzijklmnoprstćufhcčš";
        String to = "АБВГДЂЕЖЗИЈКЛМНОПРСТЋУФХЦЧШабвгдђежзијклмнопрстћуфхцчш";
        var sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            int k = from.indexOf(c);
            sb.append(k < 0 ? c : to.charAt(k));
        }
        return sb.toString();
    }

    /**
     * What a keyboard without the local letters makes of a name: Gaši → Gasi, Đorđe → Djordje,
     * Gëzim → Gezim. For synthetic data, like {@link #cyrillic}.
     */
    public static String typedWithoutDiacritics(String name) {
        String s = name.replace("Đ", "Dj").replace("đ", "dj");
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static String latinOnce(String name) {
        String text = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
        if (text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)) {
            return text;
        }
        synchronized (SERBIAN_LATIN) { // ICU transliterators are not documented as thread-safe
            return Normalizer.normalize(SERBIAN_LATIN.transliterate(text), Normalizer.Form.NFC);
        }
    }

    /** The folded key of one word: lower-case ASCII letters, spellings of one sound made equal. */
    public static String fold(String word) {
        return word == null ? "" : remembered(FOLDED, word, PersonNames::foldOnce);
    }

    private static String remembered(Map<String, String> known, String text, UnaryOperator<String> work) {
        String done = known.get(text);
        if (done != null) {
            return done;
        }
        done = work.apply(text);
        if (text.length() <= REMEMBERED_MAX_LENGTH) {
            if (known.size() >= REMEMBERED_MAX) {
                known.clear(); // crude, but a registry's names are far fewer than this
            }
            known.put(text, done);
        }
        return done;
    }

    private static String foldOnce(String word) {
        String s = latin(word).toLowerCase(Locale.ROOT);
        for (String[] f : FOLDS) {
            s = s.replace(f[0], f[1]);
        }
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = NOT_LETTER.matcher(s).replaceAll("");
        // Albanian doubles letters (ll, rr) that Serbian spelling of the same name does not.
        var single = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
                single.append(s.charAt(i));
            }
        }
        return single.toString();
    }

    /**
     * The blocking keys that put a person among the candidates for identity matching, so that a
     * row is compared with a handful of people instead of the whole registry. Every spelling of a
     * name gets the same key ({@code Đorđević}, {@code Djordjevic}, {@code Ђорђевић}).
     *
     * @param names      folded family and given name and the year of birth ({@code ?} when unknown):
     *                   finds a record whose day or month of birth was mistyped
     * @param familyDate folded family name and date of birth: finds a typo in the given name; null without a date
     * @param givenDate  folded given name and date of birth: finds a typo in the family name; null without a date
     * @param pair       the first word of the given and of the family name, each folded and taken
     *                   to its group of {@link NameEquivalents}, in alphabetical order, without the date:
     *                   finds the family name written first, a parent's name in the middle, a short form
     *                   of the given name, and a record without a date of birth
     */
    public record Blocks(String names, String familyDate, String givenDate, String pair) {
    }

    public static Blocks blocks(String givenName, String familyName, LocalDate birthDate) {
        String given = String.join("", keys(givenName));
        String family = String.join("", keys(familyName));
        return new Blocks(family + ":" + given + ":" + (birthDate == null ? "?" : birthDate.getYear()),
                birthDate == null ? null : family + ":" + birthDate, birthDate == null ? null : given + ":" + birthDate,
                pair(givenName, familyName));
    }

    /** The order-free name key of {@link Blocks#pair}; null when a name has no letters. */
    static String pair(String givenName, String familyName) {
        List<String> given = keys(givenName);
        List<String> family = keys(familyName);
        if (given.isEmpty() || family.isEmpty()) {
            return null;
        }
        String a = NameEquivalents.canonical(given.getFirst());
        // First words, not the last of the family name: a parent's name in the middle lands last in the
        // family column when the family name is written first ("Gashi" | "Shpend Agim").
        String b = NameEquivalents.canonical(family.getFirst());
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    /** The folded keys of every word in the given name parts, in order, without repeats or empties. */
    public static List<String> keys(String... parts) {
        Set<String> keys = new LinkedHashSet<>();
        for (String part : parts) {
            if (part == null) {
                continue;
            }
            for (String word : WORD_BREAK.split(latin(part))) {
                String k = fold(word);
                if (!k.isEmpty()) {
                    keys.add(k);
                }
            }
        }
        return new ArrayList<>(keys);
    }
}
