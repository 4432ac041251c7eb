package org.armstrace.registry;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Serial numbers as read and as search keys.
 *
 * <p>A serial is stored exactly as read and as a {@linkplain #normalise normalised key}. Search
 * additionally uses the {@linkplain #fold folded key}, in which characters that officers and
 * clerks confuse when reading worn or handwritten markings collapse to one representative
 * (PRODUCT.md, "What a weapon looks like in the data"), so that a misread serial and the true one
 * share a key and a confusion costs no edit.
 */
public final class SerialNumbers {

    /** Stands for a position that could not be read. */
    public static final char UNREADABLE = '?';

    /** Stands for any number (zero or more) of characters that could not be read, e.g. a worn-off end. */
    public static final char UNREADABLE_RUN = '*';

    /** Longest key we index or search; anything longer is not a serial (ISACS layouts use ~20). */
    public static final int MAX_LENGTH = 40;

    /** Cyrillic capitals that look like Latin ones, in the order of {@link #LATIN_TWINS}. */
    private static final String CYRILLIC_TWINS = "АВЕКМНОРСТХІЈЅ";
    private static final String LATIN_TWINS = "ABEKMHOPCTXIJS";

    /**
     * Confusion classes: every character maps to the first character of its class.
     * 0/O/Q/D, 1/I/L, 2/Z, 5/S, 6/G, 8/B, 7/T, 4/A, 3/E, U/V.
     */
    private static final String[] CLASSES = {"0OQD", "1IL", "2Z", "5S", "6G", "8B", "7T", "4A", "3E", "UV"};
    private static final char[] FOLD = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            FOLD[c] = c;
        }
        for (String cls : CLASSES) {
            for (char c : cls.toCharArray()) {
                FOLD[c] = cls.charAt(0);
            }
        }
    }

    private SerialNumbers() {
    }

    /**
     * The normalised key: compatibility-normalised (full-width digits become ASCII), upper case,
     * Cyrillic look-alikes replaced by their Latin twins, separators (spaces, dashes, dots, slashes,
     * underscores) dropped, {@code ?} kept for one unreadable character and {@code *} for any
     * number of them (a run of {@code *} is one). Other characters outside A–Z, 0–9 are dropped.
     * Returns "" for null.
     */
    public static String normalise(String asRead) {
        if (asRead == null) {
            return "";
        }
        String text = Normalizer.normalize(asRead, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        var key = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        for (int i = 0; i < text.length() && key.length() <= MAX_LENGTH; i++) {
            char c = text.charAt(i);
            int twin = CYRILLIC_TWINS.indexOf(c);
            if (twin >= 0) {
                c = LATIN_TWINS.charAt(twin);
            }
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                key.append(c);
            } else if (c == '?') {
                key.append(UNREADABLE);
            } else if (c == '*' && (key.isEmpty() || key.charAt(key.length() - 1) != UNREADABLE_RUN)) {
                key.append(UNREADABLE_RUN);
            }
        }
        return key.toString();
    }

    /** The folded key of a normalised key: each confusable character replaced by its class representative. */
    public static String fold(String normalised) {
        var folded = new char[normalised.length()];
        for (int i = 0; i < folded.length; i++) {
            char c = normalised.charAt(i);
            folded[i] = c < 128 ? FOLD[c] : c;
        }
        return new String(folded);
    }

    /** Keys longer than this get a one-deletion neighbourhood only (the two-deletion one grows quadratically). */
    static final int TWO_EDIT_MAX_LENGTH = 20;

    /**
     * The deletion neighbourhood of a folded key: the key and every string made by deleting up to
     * two characters (one for very long keys). Two keys within two edits (insertions, deletions,
     * substitutions or swaps of neighbours) always share at least one member (the SymSpell idea),
     * which is what the full-text index looks up; the exact distance is then computed by
     * {@link SerialComparison}.
     */
    public static Set<String> neighbourhood(String folded) {
        int n = folded.length();
        boolean two = n <= TWO_EDIT_MAX_LENGTH && n > 2;
        // Sized for every member up front, and each member built in one copy: this runs for each
        // weapon a registry import writes (the first load spent 9 % of its matching thread here).
        var out = LinkedHashSet.<String>newLinkedHashSet(1 + n + (two ? n * (n - 1) / 2 : 0));
        out.add(folded);
        if (n < 2) {
            return out;
        }
        char[] key = folded.toCharArray();
        char[] member = new char[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(key, 0, member, 0, i);
            System.arraycopy(key, i + 1, member, i, n - i - 1);
            out.add(new String(member, 0, n - 1));
        }
        if (two) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    System.arraycopy(key, 0, member, 0, i);
                    System.arraycopy(key, i + 1, member, i, j - i - 1);
                    System.arraycopy(key, j + 1, member, j - 1, n - j - 1);
                    out.add(new String(member, 0, n - 2));
                }
            }
        }
        return out;
    }

    /**
     * Search keys scoped to a maker: each key prefixed with the maker's code ({@code "ZASTAVA.12345"}),
     * space-separated, or null when there is no code or it cannot be a Lucene term. A search that knows
     * the make walks only that maker's postings: at N a four-character neighbourhood member is shared
     * by thousands of weapons of every maker (src/bench/README.md, "N, 2026-12-07").
     */
    static String scoped(String makeCode, Collection<String> keys) {
        if (!isScope(makeCode)) {
            return null;
        }
        var out = new StringBuilder(keys.size() * (makeCode.length() + 8));
        for (String k : keys) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(makeCode).append('.').append(k);
        }
        return out.toString();
    }

    /** Whether a maker's code can scope search keys: [A-Z0-9_], as reference data writes codes. */
    static boolean isScope(String makeCode) {
        if (makeCode == null || makeCode.isEmpty()) {
            return false;
        }
        for (int i = 0; i < makeCode.length(); i++) {
            char c = makeCode.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A marking's search keys, as stored on {@code :Marking} (graph-model V0020): {@code key}
     * (normalised), {@code folded} and {@code neighbourhood} (space-separated), as for serials.
     */
    static Map<String, Object> markingKeys(String text) {
        String key = normalise(text);
        String folded = fold(key);
        return Map.of("key", key, "folded", folded, "neighbourhood", String.join(" ", neighbourhood(folded)));
    }

    /** True when two characters are the same or commonly confused for each other. */
    public static boolean confusable(char a, char b) {
        return a == b || (a < 128 && b < 128 && FOLD[a] == FOLD[b]);
    }

    /** True when the key has at least one unreadable position. */
    public static boolean isPartial(String normalised) {
        return normalised.indexOf(UNREADABLE) >= 0 || normalised.indexOf(UNREADABLE_RUN) >= 0;
    }

    /** True when the key has a run of unreadable characters of unknown length ({@code *}). */
    public static boolean hasUnreadableRun(String normalised) {
        return normalised.indexOf(UNREADABLE_RUN) >= 0;
    }

    /** The key with its unreadable positions ({@code ?}) left out. */
    static String readable(String normalised) {
        return normalised.replace(String.valueOf(UNREADABLE), "");
    }

    /** Number of readable characters, for judging whether a query says enough to search. */
    public static int readableLength(String normalised) {
        int n = 0;
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (c != UNREADABLE && c != UNREADABLE_RUN) {
                n++;
            }
        }
        return n;
    }
}
