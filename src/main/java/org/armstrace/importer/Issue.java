package org.armstrace.importer;

import java.util.Arrays;
import java.util.List;

/**
 * A problem found in an extract: a whole file ({@code line} 0) or one row. The text is a
 * translation key ({@code import.issue.<code>}) with its arguments, so that the report reads in
 * the reader's language; arguments quote the source, cleaned of control characters and shortened.
 *
 * @param column the source column concerned, if one is
 */
public record Issue(int line, Severity severity, String code, String column, List<String> args) {

    public enum Severity {
        /** The row (or file) was not imported. */
        REJECTED,
        /** The row was imported; something in it deserves a look. */
        WARNING
    }

    static final int MAX_ARG = 120;

    public Issue {
        args = args.stream().map(Issue::clean).toList();
    }

    static Issue rejected(int line, String code, String column, Object... args) {
        return new Issue(line, Severity.REJECTED, code, column, strings(args));
    }

    static Issue warning(int line, String code, String column, Object... args) {
        return new Issue(line, Severity.WARNING, code, column, strings(args));
    }

    public String messageKey() {
        return "import.issue." + code;
    }

    private static List<String> strings(Object... args) {
        return Arrays.stream(args).map(String::valueOf).toList();
    }

    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        var sb = new StringBuilder(Math.min(s.length(), MAX_ARG + 1));
        for (int i = 0; i < s.length() && sb.length() < MAX_ARG; i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? '\u2423' : c);
        }
        if (s.length() > MAX_ARG) {
            sb.append('…');
        }
        return sb.toString();
    }
}
