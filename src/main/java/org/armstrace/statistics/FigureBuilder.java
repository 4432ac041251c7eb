package org.armstrace.statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns the facts of a period into {@link Figures}. Pure arithmetic, no graph: the rules of
 * counting live here and nowhere else.
 *
 * <ul>
 *   <li>A weapon is counted once per period, with the kind of its first recovery in the period
 *       (a weapon recovered twice is one arm, as the SDG metadata counts arms, not events).</li>
 *   <li>Its illicit origin counts as established when the point of diversion was established by
 *       {@code asOf}, whenever the recovery was: a weapon traced after the period ends raises that
 *       period's figure, as soon as the answer is in.</li>
 *   <li>Pending and overdue are taken at the end of each step, or at {@code asOf} if that is earlier.</li>
 * </ul>
 */
final class FigureBuilder {

    private final Period period;
    private final ZoneId zone;
    private final Instant asOf;
    private final Map<String, Identity> weapons = new LinkedHashMap<>();
    private final Set<String> recoveries = new HashSet<>();
    private final int significant;
    private final Map<String, Figures.Seizure> seizures = new LinkedHashMap<>();

    /** One weapon of the period with every recovery of it. */
    private static final class Identity {
        RecoveredWeapon first;
        int recoveries;
        boolean traced;
        boolean identified;
        boolean domesticOpen;
        boolean amnesty;
        RecoveredWeapon.Tracing tracing = RecoveredWeapon.Tracing.NONE;
        Instant established;
    }

    FigureBuilder(Period period, ZoneId zone, Instant asOf, int significant) {
        this.significant = significant;
        this.period = period;
        this.zone = zone;
        this.asOf = asOf;
    }

    /** Adds one recovered weapon; weapons must come in order of recovery. */
    void add(RecoveredWeapon w) {
        recoveries.add(w.recoveryId());
        if (w.weaponsInRecovery() >= significant) {
            Figures.Seizure s = seizures.computeIfAbsent(w.recoveryId(), k -> new Figures.Seizure(k, w.recoveredAt(),
                    w.kind(), w.municipality(), w.caseReference(), w.weaponsInRecovery(), new TreeMap<>(),
                    new TreeSet<>(), new TreeSet<>(), new TreeSet<>()));
            s.types().merge(Objects.requireNonNullElse(w.type(), ""), 1L, Long::sum);
            addIfKnown(s.countriesOfManufacture(), w.countryOfManufacture());
            addIfKnown(s.countriesOfImport(), w.countryOfImport());
            addIfKnown(s.countriesOfDiversion(), w.established() ? w.diversionCountry() : null);
        }
        Identity id = weapons.computeIfAbsent(w.identity(), k -> new Identity());
        if (id.first == null) {
            id.first = w;
        }
        id.recoveries++;
        id.traced |= w.traced();
        id.identified |= w.identified();
        id.domesticOpen |= w.domesticCheckOpen();
        id.amnesty |= w.amnesty();
        if (w.tracing().ordinal() > id.tracing.ordinal()) {
            id.tracing = w.tracing();
        }
        if (w.established() && (id.established == null || w.establishedAt().isBefore(id.established))) {
            id.established = w.establishedAt();
        }
    }

    private static void addIfKnown(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    Figures build(List<TraceFacts> traces) {
        var notices = new ArrayList<String>();
        Figures.Requests requests = requests(traces);
        Figures.Recoveries recovered = recoveries();
        Figures.Sdg sdg = sdg();
        Figures.Tracing tracing = tracing(traces);
        var figures = new Figures(period, asOf, notices, requests, recovered, sdg, tracing,
                List.copyOf(seizures.values()));
        if (figures.empty()) {
            notices.add("statistics.no-data");
        }
        if (period.start(zone).toInstant().isAfter(asOf)) {
            notices.add("statistics.period-in-future");
        } else if (period.end(zone).toInstant().isAfter(asOf)) {
            notices.add("statistics.period-not-over");
        }
        return figures;
    }

    /** Start and end instants per period, worked out once: {@link #in} runs for every request and step. */
    private final Map<Period, Instant[]> bounds = new HashMap<>();

    private Instant[] bounds(Period p) {
        return bounds.computeIfAbsent(p, x -> new Instant[] {x.start(zone).toInstant(), x.end(zone).toInstant()});
    }

    private Instant cut(Period p) {
        Instant end = bounds(p)[1];
        return end.isAfter(asOf) ? asOf : end;
    }

    private boolean in(Instant t, Period p) {
        Instant[] b = bounds(p);
        return t != null && !t.isBefore(b[0]) && t.isBefore(b[1]) && !t.isAfter(asOf);
    }

    private Figures.Requests requests(List<TraceFacts> traces) {
        var steps = new ArrayList<Figures.Step>();
        for (Period step : period.steps()) {
            Instant end = cut(step);
            steps.add(new Figures.Step(step.stepLabel(),
                    traces.stream().filter(t -> t.incoming() && in(t.start(), step)).count(),
                    traces.stream().filter(t -> !t.incoming() && in(t.start(), step)).count(),
                    traces.stream().filter(t -> t.incoming() && in(t.answeredAt(), step)).count(),
                    traces.stream().filter(t -> !t.incoming() && in(t.answeredAt(), step)).count(),
                    traces.stream().filter(t -> t.openAt(end)).count(),
                    traces.stream().filter(t -> t.overdueAt(end)).count()));
        }
        var times = new ArrayList<Figures.Times>();
        for (String direction : List.of("INCOMING", "OUTGOING")) {
            List<Duration> ack = traces.stream().filter(t -> t.direction().equals(direction)
                    && in(t.acknowledgedAt(), period)).map(TraceFacts::timeToAcknowledge).filter(Objects::nonNull).toList();
            List<Duration> answer = traces.stream().filter(t -> t.direction().equals(direction)
                    && in(t.answeredAt(), period)).map(TraceFacts::timeToAnswer).filter(Objects::nonNull).toList();
            times.add(new Figures.Times(direction, ack.size(), percentileHours(ack, 0.5), percentileHours(ack, 0.9),
                    answer.size(), percentileHours(answer, 0.5), percentileHours(answer, 0.9)));
        }
        return new Figures.Requests(steps, counts(traces, TraceFacts::direction, true),
                counts(traces, TraceFacts::office, false), counts(traces, TraceFacts::counterpart, false), times);
    }

    /** Requests per key and direction over the whole period; keys in order of the most requests. */
    private List<Figures.RequestCount> counts(List<TraceFacts> traces, Function<TraceFacts, String> key,
                                              boolean byDirection) {
        Instant end = cut(period);
        var grouped = new TreeMap<String, long[]>();
        for (TraceFacts t : traces) {
            String k = Objects.requireNonNullElse(key.apply(t), "") + "\u0000" + t.direction();
            long[] c = grouped.computeIfAbsent(k, x -> new long[4]);
            c[0] += in(t.start(), period) ? 1 : 0;
            c[1] += in(t.answeredAt(), period) ? 1 : 0;
            c[2] += t.openAt(end) ? 1 : 0;
            c[3] += t.overdueAt(end) ? 1 : 0;
        }
        if (byDirection) {
            // Both directions always appear, even with nothing in them.
            grouped.putIfAbsent("INCOMING\u0000INCOMING", new long[4]);
            grouped.putIfAbsent("OUTGOING\u0000OUTGOING", new long[4]);
        }
        return grouped.entrySet().stream()
                .filter(e -> byDirection || e.getValue()[0] + e.getValue()[1] + e.getValue()[2] > 0)
                .map(e -> {
                    String[] parts = e.getKey().split("\u0000", 2);
                    long[] c = e.getValue();
                    return new Figures.RequestCount(parts[0].isEmpty() ? null : parts[0], parts[1], c[0], c[1], c[2], c[3]);
                })
                .sorted(Comparator.comparingLong((Figures.RequestCount c) -> -(c.received() + c.pending()))
                        .thenComparing(c -> Objects.requireNonNullElse(c.key(), "~")))
                .toList();
    }

    /** Nearest-rank percentile in hours, to one decimal; the median is the mean of the middle two. */
    static Double percentileHours(List<Duration> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        double[] hours = values.stream().mapToDouble(d -> d.toSeconds() / 3600.0).sorted().toArray();
        double v;
        if (p == 0.5) {
            int n = hours.length;
            v = n % 2 == 1 ? hours[n / 2] : (hours[n / 2 - 1] + hours[n / 2]) / 2;
        } else {
            v = hours[Math.max(0, (int) Math.ceil(p * hours.length) - 1)];
        }
        return Math.round(v * 10) / 10.0;
    }

    private Figures.Recoveries recoveries() {
        var all = new long[3];
        var byType = new HashMap<String, long[]>();
        var byMunicipality = new HashMap<String, long[]>();
        var byMade = new HashMap<String, long[]>();
        var byImport = new HashMap<String, long[]>();
        long traced = 0;
        long established = 0;
        for (Identity id : weapons.values()) {
            int k = kind(id.first.kind());
            all[k]++;
            byType.computeIfAbsent(id.first.type(), x -> new long[3])[k]++;
            byMunicipality.computeIfAbsent(id.first.municipality(), x -> new long[3])[k]++;
            byMade.computeIfAbsent(id.first.countryOfManufacture(), x -> new long[3])[k]++;
            byImport.computeIfAbsent(id.first.countryOfImport(), x -> new long[3])[k]++;
            traced += id.traced ? 1 : 0;
            established += id.established != null ? 1 : 0;
        }
        long n = weapons.size();
        return new Figures.Recoveries(recoveries.size(), new Figures.Breakdown(null, all[0], all[1], all[2]),
                breakdown(byType), breakdown(byMunicipality), breakdown(byMade), breakdown(byImport), traced, established,
                share(traced, n), share(established, n));
    }

    private static int kind(String kind) {
        return switch (kind) {
            case "SEIZED" -> 0;
            case "FOUND" -> 1;
            default -> 2;
        };
    }

    /** Lines by total, largest first; the unknown (null key) last. */
    private static List<Figures.Breakdown> breakdown(Map<String, long[]> counts) {
        return counts.entrySet().stream().map(e -> new Figures.Breakdown(e.getKey(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2]))
                .sorted(Comparator.comparing((Figures.Breakdown b) -> b.key() == null)
                        .thenComparingLong(b -> -b.total()).thenComparing(b -> Objects.requireNonNullElse(b.key(), "")))
                .toList();
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    private Figures.Sdg sdg() {
        var numerator = new long[3];
        var denominator = new long[3];
        long pending = 0;
        long amnesty = 0;
        long twice = 0;
        for (Identity id : weapons.values()) {
            int k = kind(id.first.kind());
            denominator[k]++;
            if (id.established != null) {
                numerator[k]++;
            } else if (id.tracing == RecoveredWeapon.Tracing.PENDING) {
                pending++;
            }
            amnesty += id.amnesty && id.established == null ? 1 : 0;
            twice += id.recoveries > 1 ? 1 : 0;
        }
        long num = numerator[0] + numerator[1] + numerator[2];
        long den = denominator[0] + denominator[1] + denominator[2];
        return new Figures.Sdg(num, den, share(num, den), new Figures.Breakdown(null, numerator[0], numerator[1],
                numerator[2]), new Figures.Breakdown(null, denominator[0], denominator[1], denominator[2]), pending,
                amnesty, twice);
    }

    private Figures.Tracing tracing(List<TraceFacts> traces) {
        long initiated = 0;
        long answered = 0;
        long successful = 0;
        for (Identity id : weapons.values()) {
            if (id.amnesty) {
                continue;
            }
            initiated++;
            answered += id.domesticOpen ? 0 : 1;
            successful += id.identified ? 1 : 0;
        }
        return new Figures.Tracing(initiated, answered, successful,
                traces.stream().filter(t -> !t.incoming() && in(t.start(), period)).count(),
                traces.stream().filter(t -> !t.incoming() && in(t.answeredAt(), period)).count(),
                traces.stream().filter(t -> !t.incoming() && in(t.answeredAt(), period) && t.successful()).count(),
                traces.stream().filter(t -> t.incoming() && in(t.start(), period)).count(),
                traces.stream().filter(t -> t.incoming() && in(t.answeredAt(), period)).count(),
                traces.stream().filter(t -> t.incoming() && in(t.answeredAt(), period) && t.successful()).count());
    }
}
