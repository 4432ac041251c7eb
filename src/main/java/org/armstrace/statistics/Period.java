package org.armstrace.statistics;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A reporting period: whole days in the office's time zone, {@code from} included and
 * {@code until} excluded (as in an ISO 8601 interval {@code 2025-01-01/2026-01-01}), so that
 * consecutive periods neither overlap nor leave a gap.
 */
public record Period(LocalDate from, LocalDate until) {

    /** Longer periods are refused: figures over decades mix registries, laws and definitions. */
    public static final int MAX_YEARS = 10;

    public Period {
        if (from == null || until == null) {
            throw new StatisticsRejected("statistics.period-missing");
        }
        if (until.isBefore(from)) {
            throw new StatisticsRejected("statistics.period-reversed", from, until);
        }
        if (until.equals(from)) {
            throw new StatisticsRejected("statistics.period-empty", from);
        }
        if (until.isAfter(from.plusYears(MAX_YEARS))) {
            throw new StatisticsRejected("statistics.period-too-long", MAX_YEARS);
        }
    }

    /** A calendar year, as the annual returns count it. */
    public static Period year(int year) {
        if (year < 1900 || year > 9999) {
            throw new StatisticsRejected("statistics.period-missing");
        }
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    /** From the first to the last day, both included: what a date picker shows. */
    public static Period inclusive(LocalDate first, LocalDate last) {
        if (first == null || last == null) {
            throw new StatisticsRejected("statistics.period-missing");
        }
        if (last.isBefore(first)) {
            throw new StatisticsRejected("statistics.period-reversed", first, last);
        }
        return new Period(first, last.plusDays(1));
    }

    public LocalDate last() {
        return until.minusDays(1);
    }

    public ZonedDateTime start(ZoneId zone) {
        return from.atStartOfDay(zone);
    }

    public ZonedDateTime end(ZoneId zone) {
        return until.atStartOfDay(zone);
    }

    /** Whether the period is exactly one calendar year. */
    public boolean isYear() {
        return from.getDayOfYear() == 1 && until.equals(from.plusYears(1));
    }

    /** "2025", or "2025-01-01 – 2025-03-31". */
    public String label() {
        return isYear() ? Integer.toString(from.getYear()) : from + " – " + last();
    }

    /**
     * The steps a trend is drawn in: months for periods up to three years, years beyond. The
     * first and last step are cut to the period.
     */
    public List<Period> steps() {
        boolean monthly = ChronoUnit.MONTHS.between(from, until) <= 36;
        var steps = new ArrayList<Period>();
        LocalDate start = from;
        while (start.isBefore(until)) {
            LocalDate next = monthly ? YearMonth.from(start).plusMonths(1).atDay(1)
                    : Year.from(start).plusYears(1).atDay(1);
            if (next.isAfter(until)) {
                next = until;
            }
            steps.add(new Period(start, next));
            start = next;
        }
        return steps;
    }

    /** The label of a step of {@link #steps()}: "2025-03" for a month, "2025" for a year. */
    public String stepLabel() {
        if (from.getDayOfMonth() == 1 && until.equals(from.plusMonths(1))) {
            return YearMonth.from(from).toString();
        }
        if (isYear()) {
            return Integer.toString(from.getYear());
        }
        return label();
    }
}
