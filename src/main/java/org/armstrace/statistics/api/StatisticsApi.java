package org.armstrace.statistics.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.armstrace.base.Translations;
import org.armstrace.security.Role;
import org.armstrace.statistics.Figures;
import org.armstrace.statistics.Period;
import org.armstrace.statistics.RecoveredWeapon;
import org.armstrace.statistics.Statistics;
import org.armstrace.statistics.StatisticsRejected;
import org.armstrace.statistics.StatisticsTables;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API v1 statistics for the prosecution, the courts and the ministry: the same figures as
 * the dashboard and the workbooks. Aggregates for ADMIN, SUPERVISOR, ANALYST and STATISTICS
 * tokens; the weapons behind SDG 16.4.2 for SUPERVISOR and ANALYST tokens only. Partners get a
 * clear refusal.
 */
@RestController
@RequestMapping(path = "/api/v1/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Statistics", description = "Recoveries, tracing, SDG indicator 16.4.2 and Roadmap KPIs per period")
@SecurityRequirement(name = "bearer")
class StatisticsApi {

    /** A notice about the figures: a code and its meaning in English. */
    record Notice(String code, String message) {
    }

    record PeriodJson(LocalDate from, LocalDate until, String label) {
    }

    record Kpi(String key, String label, Number value) {
    }

    /** The figures of a period, as of a moment. */
    record StatisticsJson(PeriodJson period, Instant asOf, List<Notice> notices, Figures.Requests requests,
                          Figures.Recoveries recoveries, Figures.Sdg sdg, Figures.Tracing tracing,
                          List<Figures.Seizure> significantSeizures, List<Kpi> kpis) {
    }

    record WeaponsJson(PeriodJson period, Statistics.Part part, int offset, int limit, List<RecoveredWeapon> weapons) {
    }

    private final Statistics statistics;
    private final StatisticsTables tables;
    private final Translations translations;

    StatisticsApi(Statistics statistics, StatisticsTables tables, Translations translations) {
        this.statistics = statistics;
        this.tables = tables;
        this.translations = translations;
    }

    @GetMapping
    @Operation(summary = "Figures of a period", description = "Either year, or from (included) and until (excluded), "
            + "as ISO dates in the office's time zone; at most " + Period.MAX_YEARS + " years. asOf (ISO instant, "
            + "default now) reproduces the figures as they stood at that moment.")
    StatisticsJson figures(@Parameter(description = "a calendar year, e.g. 2025") @RequestParam(required = false) Integer year,
                           @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate until,
                           @RequestParam(required = false) Instant asOf) {
        readers();
        Period period = period(year, from, until);
        Figures f = statistics.figures(period, asOf == null ? Instant.now() : asOf);
        var kpis = tables.kpis(f, Translations.ENGLISH).lines().stream()
                .map(l -> new Kpi(l.key(), l.label(), l.values().getFirst())).toList();
        return new StatisticsJson(json(period), f.asOf(), f.notices().stream().map(n -> new Notice(n,
                translations.getTranslation(n, Translations.ENGLISH, period.label()))).toList(), f.requests(),
                f.recoveries(), f.sdg(), f.tracing(), f.significantSeizures(), kpis);
    }

    @GetMapping("/sdg-16-4-2/weapons")
    @Operation(summary = "The weapons counted in SDG 16.4.2", description = "One line per recovery of each weapon "
            + "in the numerator or the denominator, in order of recovery. SUPERVISOR and ANALYST tokens only.")
    WeaponsJson weapons(@RequestParam(required = false) Integer year, @RequestParam(required = false) LocalDate from,
                        @RequestParam(required = false) LocalDate until, @RequestParam(required = false) Instant asOf,
                        @RequestParam(defaultValue = "DENOMINATOR") Statistics.Part part,
                        @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        if (!Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST)) {
            throw new StatisticsRejected("statistics.forbidden-weapons");
        }
        Period period = period(year, from, until);
        int size = Math.clamp(limit, 1, 1000);
        int skip = Math.max(0, offset);
        return new WeaponsJson(json(period), part, skip, size, statistics.weapons(period,
                asOf == null ? Instant.now() : asOf, part, skip, size));
    }

    private static void readers() {
        if (!Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.STATISTICS)) {
            throw new StatisticsRejected("statistics.forbidden");
        }
    }

    private static Period period(Integer year, LocalDate from, LocalDate until) {
        if (year != null && (from != null || until != null)) {
            throw new StatisticsRejected("statistics.period-either");
        }
        return year != null ? Period.year(year) : new Period(from, until);
    }

    private static PeriodJson json(Period p) {
        return new PeriodJson(p.from(), p.until(), p.label());
    }
}
