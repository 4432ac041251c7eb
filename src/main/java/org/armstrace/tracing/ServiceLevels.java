package org.armstrace.tracing;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.armstrace.base.Dates;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a request may take per priority, counted in working time on the office's calendar.
 * The ITI sets no deadline in days, so these are configuration ({@code armstrace.tracing.*}).
 *
 * <p>A level counts hours that fall on working days: URGENT 24 h received on a Friday at 15:00 is
 * due on Monday at 15:00; ROUTINE 30 d is thirty working days.
 *
 * @param levels   per priority, e.g. {@code URGENT=24h, PRIORITY=5d, ROUTINE=30d}
 * @param weekend  days off every week
 * @param holidays public holidays (ISO dates)
 * @param soonDue  how long before the due date a request counts as "soon due"
 * @param zone     the office's time zone, for what "a day" is
 */
@ConfigurationProperties("armstrace.tracing")
public record ServiceLevels(Map<Priority, Duration> levels, Set<DayOfWeek> weekend, List<LocalDate> holidays,
                            Duration soonDue, ZoneId zone) {

    public ServiceLevels {
        var all = new EnumMap<Priority, Duration>(Priority.class);
        all.put(Priority.URGENT, Duration.ofHours(24));
        all.put(Priority.PRIORITY, Duration.ofDays(5));
        all.put(Priority.ROUTINE, Duration.ofDays(30));
        if (levels != null) {
            levels.forEach((p, d) -> {
                if (d == null || d.isNegative() || d.isZero() || d.toHours() < 1) {
                    throw new IllegalArgumentException("armstrace.tracing.levels." + p + " must be at least one hour");
                }
                all.put(p, d);
            });
        }
        levels = Map.copyOf(all);
        weekend = weekend == null ? Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY) : Set.copyOf(weekend);
        if (weekend.size() >= 7) {
            throw new IllegalArgumentException("armstrace.tracing.weekend leaves no working day");
        }
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        soonDue = soonDue == null ? Duration.ofDays(2) : soonDue;
        zone = zone == null ? Dates.DEFAULT_ZONE : zone;
    }

    public boolean workingDay(LocalDate day) {
        return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** When a request of this priority received at {@code start} is due. */
    public Instant due(Instant start, Priority priority) {
        long hours = levels.get(priority).toHours();
        ZonedDateTime t = start.atZone(zone);
        // Hour by hour, counting only hours that begin on a working day: at most a few thousand steps.
        while (hours > 0) {
            if (workingDay(t.toLocalDate())) {
                hours--;
            }
            t = t.plus(1, ChronoUnit.HOURS);
        }
        return t.toInstant();
    }
}
