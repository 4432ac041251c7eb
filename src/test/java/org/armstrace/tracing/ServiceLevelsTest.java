package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceLevelsTest {

    static final ZoneId PRISHTINA = ZoneId.of("Europe/Belgrade");
    final ServiceLevels levels = new ServiceLevels(null, null, List.of(LocalDate.of(2026, 12, 25)), null, PRISHTINA);

    private LocalDateTime due(LocalDateTime received, Priority p) {
        return LocalDateTime.ofInstant(levels.due(received.atZone(PRISHTINA).toInstant(), p), PRISHTINA);
    }

    @Test
    void an_urgent_request_received_on_friday_afternoon_is_due_on_monday_afternoon() {
        assertThat(due(LocalDateTime.of(2026, 11, 27, 15, 0), Priority.URGENT)).isEqualTo(LocalDateTime.of(2026, 11, 30, 15, 0));
    }

    @Test
    void a_routine_request_takes_thirty_working_days_and_skips_holidays() {
        // 2026-12-01 (Tue) + 30 working days, with Christmas Day off: 2027-01-13.
        assertThat(due(LocalDateTime.of(2026, 12, 1, 9, 30), Priority.ROUTINE))
                .isEqualTo(LocalDateTime.of(2027, 1, 13, 9, 30));
        var noHoliday = new ServiceLevels(null, null, List.of(), null, PRISHTINA);
        assertThat(LocalDateTime.ofInstant(noHoliday.due(LocalDateTime.of(2026, 12, 1, 9, 30).atZone(PRISHTINA).toInstant(),
                Priority.ROUTINE), PRISHTINA)).isEqualTo(LocalDateTime.of(2027, 1, 12, 9, 30));
    }

    @Test
    void levels_and_the_week_are_configuration_and_nonsense_is_refused_at_start() {
        var sixDays = new ServiceLevels(Map.of(Priority.URGENT, Duration.ofHours(8)), Set.of(DayOfWeek.SUNDAY), null,
                null, PRISHTINA);
        assertThat(LocalDateTime.ofInstant(sixDays.due(LocalDateTime.of(2026, 11, 28, 20, 0).atZone(PRISHTINA)
                .toInstant(), Priority.URGENT), PRISHTINA)).as("Saturday works, Sunday does not")
                .isEqualTo(LocalDateTime.of(2026, 11, 30, 4, 0));
        assertThatThrownBy(() -> new ServiceLevels(Map.of(Priority.ROUTINE, Duration.ZERO), null, null, null, PRISHTINA))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceLevels(null, Set.of(DayOfWeek.values()), null, null, PRISHTINA))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
