package org.armstrace.base;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * The one place that writes dates and times for people: grids, pickers, sentences, documents and
 * exports. Stored values are UTC instants (or plain dates); they are shown in the home
 * jurisdiction's zone ({@code armstrace.time-zone}), whatever the server's or the browser's zone.
 *
 * <p>Patterns are fixed per UI language rather than taken from the JDK's {@code ofLocalized…}:
 * CLDR's plain English is American ({@code 12/6/26}), its short Albanian date has a two-digit
 * year ({@code 6.12.26}) and a 12-hour clock, and a register of weapons made over a century needs
 * four-digit years. What people here write:
 * <ul>
 *   <li>English (en-GB): {@code 06/12/2026 14:05}, in sentences {@code 6 Dec 2026};</li>
 *   <li>Albanian: {@code 06.12.2026 14:05}, in sentences {@code 6 dhj 2026};</li>
 *   <li>Serbian Latin: {@code 6.12.2026. 14:05} (the ordinal dot closes the year), in sentences
 *       {@code 6. dec 2026.}.</li>
 * </ul>
 * Hours are always 24-hour.
 */
public final class Dates {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Belgrade");
    private static final Locale BRITISH = Locale.UK;

    private static volatile ZoneId zone = DEFAULT_ZONE;

    private Dates() {
    }

    /** The home jurisdiction's zone, in which every time is shown and every "day" is counted. */
    public static ZoneId zone() {
        return zone;
    }

    static void zone(ZoneId configured) {
        zone = configured == null ? DEFAULT_ZONE : configured;
    }

    /** Today in the home jurisdiction. */
    public static LocalDate today() {
        return LocalDate.now(zone);
    }

    /** A wall-clock time typed in the home jurisdiction (e.g. from a DateTimePicker), as the instant stored. */
    public static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(zone).toInstant();
    }

    /** A stored instant as the wall-clock time of the home jurisdiction (e.g. for a DateTimePicker). */
    public static LocalDateTime local(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, zone);
    }

    /** The pattern of a date in a grid or a date picker, e.g. {@code dd/MM/yyyy}. */
    public static String datePattern(Locale locale) {
        return switch (language(locale)) {
            case "sq" -> "dd.MM.yyyy";
            case "sr" -> "d.M.yyyy.";
            default -> "dd/MM/yyyy";
        };
    }

    /** The formatter behind {@link #date}, for a grid column; instants are taken in the home zone. */
    public static DateTimeFormatter dateFormatter(Locale locale) {
        return DateTimeFormatter.ofPattern(datePattern(locale), textLocale(locale)).withZone(zone);
    }

    /** The formatter behind {@link #dateTime}, for a grid column; instants are taken in the home zone. */
    public static DateTimeFormatter dateTimeFormatter(Locale locale) {
        return DateTimeFormatter.ofPattern(datePattern(locale) + " HH:mm", textLocale(locale)).withZone(zone);
    }

    /** A date in a grid or a form: {@code 06/12/2026}; empty for none. */
    public static String date(LocalDate date, Locale locale) {
        return format(date, dateFormatter(locale));
    }

    /** The day an instant falls on in the home jurisdiction, as {@link #date(LocalDate, Locale)}. */
    public static String date(Instant at, Locale locale) {
        return at == null ? "" : date(at.atZone(zone).toLocalDate(), locale);
    }

    /** An instant in a grid: {@code 06/12/2026 14:05} in the home jurisdiction's zone; empty for none. */
    public static String dateTime(Instant at, Locale locale) {
        return format(at, dateTimeFormatter(locale));
    }

    /** An instant to the second (audit trails): {@code 06/12/2026 14:05:09}; empty for none. */
    public static String timestamp(Instant at, Locale locale) {
        return format(at, DateTimeFormatter.ofPattern(datePattern(locale) + " HH:mm:ss", textLocale(locale))
                .withZone(zone));
    }

    /** A date inside a sentence or a document: {@code 6 Dec 2026}; empty for none. */
    public static String longDate(LocalDate date, Locale locale) {
        String pattern = "sr".equals(language(locale)) ? "d. MMM yyyy." : "d MMM yyyy";
        return format(date, DateTimeFormatter.ofPattern(pattern, textLocale(locale)));
    }

    /** The day of an instant inside a sentence, as {@link #longDate(LocalDate, Locale)}. */
    public static String longDate(Instant at, Locale locale) {
        return at == null ? "" : longDate(at.atZone(zone).toLocalDate(), locale);
    }

    /** An instant inside a sentence: {@code 6 Dec 2026, 14:05}; empty for none. */
    public static String longDateTime(Instant at, Locale locale) {
        if (at == null) {
            return "";
        }
        ZonedDateTime local = at.atZone(zone);
        return longDate(local.toLocalDate(), locale) + ", " + local.format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    private static String format(TemporalAccessor value, DateTimeFormatter formatter) {
        return value == null ? "" : formatter.format(value);
    }

    private static String language(Locale locale) {
        return locale == null ? "en" : locale.getLanguage();
    }

    /** Month names come from CLDR in the UI language; English month names are the same in en-GB. */
    private static Locale textLocale(Locale locale) {
        return switch (language(locale)) {
            case "sq" -> Translations.ALBANIAN;
            case "sr" -> Translations.SERBIAN_LATIN;
            default -> BRITISH;
        };
    }
}
