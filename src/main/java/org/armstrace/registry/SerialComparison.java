package org.armstrace.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * How far a serial as read is from a registered serial, and why.
 *
 * <p>An optimal-string-alignment edit distance (Damerau–Levenshtein without repeated edits of one
 * substring) over normalised keys, with three refinements for how serials are misread:
 * a substitution between confusable characters costs {@value #CONFUSION_COST} instead of 1; an
 * unreadable position ({@code ?}) in the query matches any one character at no cost; the
 * alignment is traced back to explain each difference in words.
 *
 * @param cost    total cost; 0 is an exact match
 * @param edits   the real edits (missing, extra, swapped or different characters)
 * @param reasons one plain-language line per difference, in reading order (1-based positions)
 */
public record SerialComparison(double cost, int edits, List<String> reasons) {

    public static final double CONFUSION_COST = 0.25;

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
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            char q = query.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char c = candidate.charAt(j - 1);
                double best = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1);
                best = Math.min(best, d[i - 1][j - 1] + substitution(q, c));
                if (i > 1 && j > 1 && q == candidate.charAt(j - 2) && query.charAt(i - 2) == c && q != c) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
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

    /** Walks the table back from the end, preferring the cheapest step, and names each difference. */
    private static SerialComparison explain(String query, String candidate, double[][] d) {
        var reasons = new ArrayList<String>();
        int edits = 0;
        int i = query.length();
        int j = candidate.length();
        final double eps = 1e-9;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0) {
                char q = query.charAt(i - 1);
                char c = candidate.charAt(j - 1);
                double sub = substitution(q, c);
                if (Math.abs(d[i][j] - (d[i - 1][j - 1] + sub)) < eps) {
                    if (q == SerialNumbers.UNREADABLE) {
                        reasons.add("position " + j + " unreadable (registered '" + c + "')");
                    } else if (q != c && sub < 1) {
                        reasons.add(c + " read as " + q + " at position " + j);
                    } else if (q != c) {
                        reasons.add("'" + q + "' instead of '" + c + "' at position " + j);
                        edits++;
                    }
                    i--;
                    j--;
                    continue;
                }
                if (i > 1 && j > 1 && q == candidate.charAt(j - 2) && query.charAt(i - 2) == c && q != c
                        && Math.abs(d[i][j] - (d[i - 2][j - 2] + 1)) < eps) {
                    reasons.add("'" + candidate.charAt(j - 2) + c + "' swapped at positions " + (j - 1) + "–" + j);
                    edits++;
                    i -= 2;
                    j -= 2;
                    continue;
                }
            }
            if (j > 0 && (i == 0 || Math.abs(d[i][j] - (d[i][j - 1] + 1)) < eps)) {
                reasons.add("'" + candidate.charAt(j - 1) + "' missing at position " + j);
                edits++;
                j--;
            } else {
                reasons.add("extra '" + query.charAt(i - 1) + "' after position " + j);
                edits++;
                i--;
            }
        }
        java.util.Collections.reverse(reasons);
        return new SerialComparison(d[query.length()][candidate.length()], edits, reasons);
    }
}
