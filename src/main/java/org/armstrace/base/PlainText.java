package org.armstrace.base;

/**
 * What a person may type into a field that is stored and shown again (a name, a reason, notes):
 * at most so many characters, and no control characters, except line breaks and tabs where the
 * field holds lines of text.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Whether the (already stripped) value fits: {@code multiline} allows line feeds, returns and tabs. */
    public static boolean acceptable(String value, int max, boolean multiline) {
        return value.length() <= max && value.codePoints().noneMatch(c -> Character.isISOControl(c)
                && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
    }
}
