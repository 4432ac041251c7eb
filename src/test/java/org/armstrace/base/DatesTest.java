package org.armstrace.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatesTest {

    private static final LocalDate ST_NICHOLAS = LocalDate.of(2026, 12, 6);
    /** 23:30 UTC on the 6th is already 00:30 on the 7th in Belgrade and Pristina (UTC+1 in winter). */
    private static final Instant LATE_EVENING_UTC = Instant.parse("2026-12-06T23:30:00Z");

    @Test
    void english_dates_put_the_day_first_with_a_four_digit_year() {
        assertThat(Dates.date(ST_NICHOLAS, Translations.ENGLISH)).isEqualTo("06/12/2026");
        assertThat(Dates.longDate(ST_NICHOLAS, Translations.ENGLISH)).isEqualTo("6 Dec 2026");
        assertThat(Dates.datePattern(Translations.ENGLISH)).isEqualTo("dd/MM/yyyy");
    }

    @Test
    void albanian_dates_use_dots_and_albanian_month_names() {
        assertThat(Dates.date(ST_NICHOLAS, Translations.ALBANIAN)).isEqualTo("06.12.2026");
        assertThat(Dates.longDate(ST_NICHOLAS, Translations.ALBANIAN)).isEqualTo("6 dhj 2026");
    }

    @Test
    void serbian_dates_close_the_year_with_a_dot() {
        assertThat(Dates.date(ST_NICHOLAS, Translations.SERBIAN_LATIN)).isEqualTo("6.12.2026.");
        assertThat(Dates.longDate(ST_NICHOLAS, Translations.SERBIAN_LATIN)).isEqualTo("6. dec 2026.");
    }

    @Test
    void times_are_shown_in_the_home_jurisdictions_zone_on_a_24_hour_clock() {
        assertThat(Dates.zone()).isEqualTo(Dates.DEFAULT_ZONE);
        assertThat(Dates.dateTime(LATE_EVENING_UTC, Translations.ENGLISH)).isEqualTo("07/12/2026 00:30");
        assertThat(Dates.dateTime(LATE_EVENING_UTC, Translations.ALBANIAN)).isEqualTo("07.12.2026 00:30");
        assertThat(Dates.timestamp(LATE_EVENING_UTC, Translations.SERBIAN_LATIN)).isEqualTo("7.12.2026. 00:30:00");
        assertThat(Dates.date(LATE_EVENING_UTC, Translations.ENGLISH)).isEqualTo("07/12/2026");
    }

    @Test
    void a_wall_clock_time_typed_in_the_office_is_stored_as_the_utc_instant() {
        var typed = java.time.LocalDateTime.of(2026, 7, 1, 10, 0);
        assertThat(Dates.instant(typed)).isEqualTo(Instant.parse("2026-07-01T08:00:00Z"));
        assertThat(Dates.local(Dates.instant(typed))).isEqualTo(typed);
    }

    @Test
    void no_date_is_shown_as_nothing() {
        assertThat(Dates.date((LocalDate) null, Translations.ENGLISH)).isEmpty();
        assertThat(Dates.dateTime(null, Translations.ENGLISH)).isEmpty();
        assertThat(Dates.longDate((Instant) null, Translations.ENGLISH)).isEmpty();
    }
}
