package org.armstrace.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How far a serial as read is from a registered serial, and why.
 *
 * <p>An optimal-string-alignment edit distance (Damerau–Levenshtein without repeated edits of one
 * substring) over normalised keys, weighted by how serials are misread. The misreadings named in
 * PRODUCT.md cost less than an arbitrary change, so that among candidates at the same number of
 * edits the one explained by likely misreadings ranks first (a noisy-channel error model, as in
 * spelling correction):
 * <ul>
 * <li>a substitution between confusable characters (S/5, 0/O, …) costs {@value #CONFUSION_COST};
 * <li>a doubled character in the reading costs {@value #DOUBLED_COST};
 * <li>a dropped character or two swapped neighbours cost {@value #DROP_COST} and
 *     {@value #SWAP_COST};
 * <li>any other substitution or extra character costs 1.
 * </ul>
 * An unreadable position ({@code ?}) in the query matches any one character at no cost, and an
 * unreadable run ({@code *}) any number of characters, none included, at no cost. The alignment is
 * traced back to explain each difference ({@link MatchReason}, translated where it is shown). Dense numeric serial ranges make
 * this matter: a five-digit reading with a drop and a swap is two edits from dozens of registered
 * serials, but a drop and a swap from only a few of them.
 *
 * @param cost    total cost; 0 is an exact match
 * @param edits   the real edits (missing, extra, swapped or different characters)
 * @param reasons one reason per difference, in reading order (1-based positions)
 */
record SerialComparison(double cost, int edits, List<MatchReason> reasons) {

    public static final double CONFUSION_COST = 0.25;
    public static final double DOUBLED_COST = 0.6;
    public static final double DROP_COST = 0.8;
    public static final double SWAP_COST = 0.8;

    public SerialComparison {
        reasons = List.copyOf(reasons);
    }

    /** Similarity in [0, 1] relative to the longer key; 1 is identical. */
    public double similarity(int queryLength, int candidateLength) {
        int len = Math.max(1, Math.max(queryLength, candidateLength));
        return Math.max(0, 1 - cost / len);
    }

    /**
     * Compares a normalised query (which may contain {@code ?}) with a normalised registered key.
     * Both are at most {@link SerialNumbers#MAX_LENGTH} characters, so the table stays tiny.
     */
    public static SerialComparison of(String query, String candidate) {
        int n = query.length();
        int m = candidate.length();
        double[][] d = new double[n + 1][m + 1];
        for (int i = 1; i <= n; i++) {
            d[i][0] = d[i - 1][0] + extra(query, i);
        }
        for (int j = 1; j <= m; j++) {
            d[0][j] = j * DROP_COST;
        }
        for (int i = 1; i <= n; i++) {
            char q = query.charAt(i - 1);
            if (q == SerialNumbers.UNREADABLE_RUN) {
                // Stands for nothing (the row above) or takes in one more character (the cell to the left).
                for (int j = 1; j <= m; j++) {
                    d[i][j] = Math.min(d[i - 1][j], d[i][j - 1]);
                }
                continue;
            }
            double extra = extra(query, i);
            for (int j = 1; j <= m; j++) {
                char c = candidate.charAt(j - 1);
                double best = Math.min(d[i - 1][j] + extra, d[i][j - 1] + DROP_COST);
                best = Math.min(best, d[i - 1][j - 1] + substitution(q, c));
                if (i > 1 && j > 1 && q == candidate.charAt(j - 2) && query.charAt(i - 2) == c && q != c) {
                    best = Math.min(best, d[i - 2][j - 2] + SWAP_COST);
                }
                d[i][j] = best;
            }
        }
        return explain(query, candidate, d);
    }

    private static double substitution(char q, char c) {
        if (q == c || q == SerialNumbers.UNREADABLE) {
            return 0;
        }
        return SerialNumbers.confusable(q, c) ? CONFUSION_COST : 1;
    }

    /** The cost of the query's i-th character (1-based) being extra: cheaper when it repeats a neighbour. */
    private static double extra(String query, int i) {
        char q = query.charAt(i - 1);
        if (q == SerialNumbers.UNREADABLE_RUN) {
            return 0;
        }
        boolean doubled = q != SerialNumbers.UNREADABLE && (i > 1 && query.charAt(i - 2) == q
                || i < query.length() && query.charAt(i) == q);
        return doubled ? DOUBLED_COST : 1;
    }

    /** Walks the table back from the end, preferring the cheapest step, and names each difference. */
    private static SerialComparison explain(String query, String candidate, double[][] d) {
        var reasons = new ArrayList<MatchReason>();
        int edits = 0;
        int i = query.length();
        int j = candidate.length();
        final double eps = 1e-9;
        while (i > 0 || j > 0) {
            if (i > 0 && query.charAt(i - 1) == SerialNumbers.UNREADABLE_RUN) {
                int end = j;
                while (j > 0 && Math.abs(d[i][j] - d[i][j - 1]) < eps) {
                    j--;
                }
                if (end > j) {
                    reasons.add(MatchReason.of("serial-unreadable-run", j + 1, end, candidate.substring(j, end)));
                }
                i--;
                continue;
            }
            if (i > 0 && j > 0) {
                char q = query.charAt(i - 1);
                char c = candidate.charAt(j - 1);
                double sub = substitution(q, c);
                if (Math.abs(d[i][j] - (d[i - 1][j - 1] + sub)) < eps) {
                    if (q == SerialNumbers.UNREADABLE) {
                        reasons.add(MatchReason.of("serial-unreadable", j, c));
                    } else if (q != c && sub < 1) {
                        reasons.add(MatchReason.of("serial-confused", c, q, j));
                    } else if (q != c) {
                        reasons.add(MatchReason.of("serial-different", q, c, j));
                        edits++;
                    }
                    i--;
                    j--;
                    continue;
                }
                if (i > 1 && j > 1 && q == candidate.charAt(j - 2) && query.charAt(i - 2) == c && q != c
                        && Math.abs(d[i][j] - (d[i - 2][j - 2] + SWAP_COST)) < eps) {
                    reasons.add(MatchReason.of("serial-swapped", "" + candidate.charAt(j - 2) + c, j - 1, j));
                    edits++;
                    i -= 2;
                    j -= 2;
                    continue;
                }
            }
            if (j > 0 && (i == 0 || Math.abs(d[i][j] - (d[i][j - 1] + DROP_COST)) < eps)) {
                reasons.add(MatchReason.of("serial-missing", candidate.charAt(j - 1), j));
                edits++;
                j--;
            } else {
                reasons.add(MatchReason.of(extra(query, i) < 1 ? "serial-doubled" : "serial-extra", query.charAt(i - 1), j));
                edits++;
                i--;
            }
        }
        Collections.reverse(reasons);
        return new SerialComparison(d[query.length()][candidate.length()], edits, reasons);
    }

    /** The differences in English, as a clerk would read them (tests, logs). */
    List<String> english() {
        return reasons.stream().map(r -> r.text(Locale.ENGLISH)).toList();
    }
}
