package org.armstrace.base;

/**
 * Text going into a spreadsheet cell. A cell whose text starts like a formula is evaluated by
 * Excel or LibreOffice when someone edits it or when a CSV is opened ("formula injection"), so
 * every writer of documents quote-prefixes such text.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static boolean looksLikeFormula(String v) {
        return v != null && !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0;
    }

    /** For CSV, which has no cell styles: an apostrophe in front, as spreadsheets themselves do. */
    public static String inert(String v) {
        return looksLikeFormula(v) ? "'" + v : v;
    }
}
