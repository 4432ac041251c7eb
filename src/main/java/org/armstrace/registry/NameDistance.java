package org.armstrace.registry;

/**
 * How far a name as read is from a reference-data name, both as {@link ReferenceKeys}: for
 * recognising a make typed with a slip or written longer than reference data has it.
 */
final class NameDistance {

    /** Returned when the two are not close enough to be taken for each other. */
    static final int FAR = Integer.MAX_VALUE;
    private static final int MIN_PREFIX = 4;

    private NameDistance() {
    }

    /**
     * The edit distance between the two keys when it is within what the known name's length
     * tolerates (none under five letters: "SIG" and "SKS" are two makers; one up to seven; two from
     * eight), 1 when one is the start of the other (at least four letters), else {@link #FAR}.
     */
    static int within(String typed, String known) {
        if (typed.isEmpty() || known.isEmpty()) {
            return FAR;
        }
        if (typed.equals(known)) {
            return 0;
        }
        int tolerated = known.length() < 5 ? 0 : known.length() < 8 ? 1 : 2;
        if (Math.abs(typed.length() - known.length()) <= tolerated) {
            int d = distance(typed, known);
            if (d <= tolerated) {
                return d;
            }
        }
        boolean prefix = typed.length() >= MIN_PREFIX && known.length() >= MIN_PREFIX
                && (typed.startsWith(known) || known.startsWith(typed));
        return prefix ? 1 + Math.abs(typed.length() - known.length()) : FAR;
    }

    /** Optimal string alignment distance (insert, delete, substitute, swap neighbours). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
