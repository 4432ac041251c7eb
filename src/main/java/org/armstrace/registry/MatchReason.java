package org.armstrace.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.armstrace.base.Translations;

/**
 * One reason why a weapon was found, as a machine code and its arguments, so that it can be shown
 * in the reader's language: the text is the translation {@code search.reason.<code>}, with the
 * arguments as {@code {0}, {1}, …} (all three translation files). Reasons are stored beside what
 * they explain (an instant check's candidates, a trace request's candidates, a registration that
 * resembles a reported weapon) in their {@linkplain #encoded() encoded} form; reasons stored as
 * English text before codes existed are shown as they are.
 *
 * @param code a stable machine code, e.g. {@code serial-confused}, {@code make-unknown}
 * @param args the values the text names (characters, positions, a make, a marking)
 */
public record MatchReason(String code, List<String> args) {

    private static final String PREFIX = "reason:";
    private static final char SEPARATOR = '|';
    /** Legacy text reasons: the key's translation is just the text. */
    private static final String TEXT = "text";
    private static final Translations TRANSLATIONS = new Translations();

    public MatchReason {
        args = List.copyOf(args);
    }

    public static MatchReason of(String code, Object... args) {
        return new MatchReason(code, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The translation key of this reason's text. */
    public String key() {
        return "search.reason." + code;
    }

    /** The reason in the given translator's language. */
    public String text(Translator translator) {
        return translator.translate(key(), args.toArray());
    }

    /** The reason in the given language. */
    public String text(Locale locale) {
        return text((key, params) -> TRANSLATIONS.getTranslation(key, locale, params));
    }

    /**
     * One line to store in the graph: the code and its arguments, which never contain the
     * separator (a marking's text could: it is replaced by a look-alike).
     */
    public String encoded() {
        var sb = new StringBuilder(PREFIX).append(code);
        for (String a : args) {
            sb.append(SEPARATOR).append(a.replace(SEPARATOR, '¦'));
        }
        return sb.toString();
    }

    /** A stored reason back: an encoded one, or (written before reasons had codes) English text. */
    public static MatchReason decode(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return new MatchReason(TEXT, List.of(stored == null ? "" : stored));
        }
        var parts = new ArrayList<>(List.of(stored.substring(PREFIX.length()).split("\\|", -1)));
        String code = parts.removeFirst();
        return new MatchReason(code, parts);
    }

    /** Stored reasons as text for the reader, e.g. {@code texts(c.reasons(), this::getTranslation)} in a view. */
    public static List<String> texts(List<String> stored, Translator translator) {
        return stored.stream().map(s -> decode(s).text(translator)).toList();
    }

    /** Stored reasons in the given language. */
    public static List<String> texts(List<String> stored, Locale locale) {
        return stored.stream().map(s -> decode(s).text(locale)).toList();
    }

    /** The UI's translator ({@code Component::getTranslation}) or any other. */
    @FunctionalInterface
    public interface Translator {
        String translate(String key, Object... params);
    }
}
