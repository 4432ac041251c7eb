package org.armstrace.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.armstrace.base.Dates;

/**
 * Date pickers that read and accept dates as {@link Dates} writes them in the UI language
 * ({@code 06/12/2026}, {@code 06.12.2026}, {@code 6.12.2026.}), weeks starting on Monday, month
 * and day names in that language. Left alone, the web component shows the browser's format
 * ({@code 12/6/2026} in an American-configured browser) and English month names.
 */
public final class DatePickers {

    private DatePickers() {
    }

    /** Localises each picker to the current UI's language. */
    public static void localise(DatePicker... pickers) {
        Locale locale = UiLocale.current();
        for (DatePicker picker : pickers) {
            picker.setLocale(locale);
            picker.setI18n(i18n(picker, locale));
        }
    }

    public static void localise(DateTimePicker picker) {
        Locale locale = UiLocale.current();
        picker.setLocale(locale);
        picker.setDatePickerI18n(i18n(picker, locale));
    }

    static DatePicker.DatePickerI18n i18n(com.vaadin.flow.component.Component picker, Locale locale) {
        String pattern = Dates.datePattern(locale);
        // Also accept ISO dates and the short forms people type (6.12.2026 for 06.12.2026).
        String typed = pattern.replace("dd", "d").replace("MM", "M");
        return new DatePicker.DatePickerI18n()
                .setDateFormats(pattern, typed, "yyyy-MM-dd")
                .setFirstDayOfWeek(1)
                .setMonthNames(Arrays.stream(Month.values())
                        .map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList())
                .setWeekdays(week(TextStyle.FULL_STANDALONE, locale))
                .setWeekdaysShort(week(TextStyle.SHORT_STANDALONE, locale))
                .setToday(picker.getTranslation("date-picker.today"))
                .setCancel(picker.getTranslation("date-picker.cancel"));
    }

    /** Sunday first, as the web component expects, whatever the first day shown. */
    private static List<String> week(TextStyle style, Locale locale) {
        return List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY, DayOfWeek.SATURDAY).stream().map(d -> d.getDisplayName(style, locale)).toList();
    }
}
