package org.armstrace.statistics;

import static org.armstrace.Latencies.median;
import static org.armstrace.Latencies.print;
import static org.armstrace.Latencies.time;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.HeapProbe;
import org.armstrace.recovery.Municipalities;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.LostStolenRegister;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.SyntheticRegistry;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.Plan;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Statistics on dataset S plus ten years of activity: the dashboard for one year, the annual
 * workbook, and an XLSX export of over 100k weapons against a bare SXSSF write of the same rows.
 *
 * <p>The registry is S, loaded through the services. The activity (recoveries, identifications,
 * trace requests with their transitions and answers) is written with UNWIND in exactly the shapes
 * the recovery and tracing services write, marked {@code source = 'bench:statistics'}: through
 * the services it would take hours, and what is measured here is the reading.
 *
 * <pre>
 * S: ./mvnw test -Dtest=StatisticsBenchmark -Dbench.excluded=none -Dbench.firearms=500000 -Dbench.people=300000
 * </pre>
 */
@Tag("benchmark")
@ArmsTraceTest
class StatisticsBenchmark {

    static final int FIRST_YEAR = 2017;
    static final int YEARS = 10;

    @Autowired
    FirearmRegistry registry;
    @Autowired
    PersonRegistry people;
    @Autowired
    Holdings holdings;
    @Autowired
    LostStolenRegister lostStolen;
    @Autowired
    Statistics statistics;
    @Autowired
    StatisticsWorkbooks workbooks;
    @Autowired
    UserAccountService users;
    @Autowired
    Municipalities municipalities;
    @Autowired
    Neo4jClient neo4j;

    @Test
    void dashboard_annual_workbook_and_a_100k_row_export_on_s() throws Exception {
        int n = Integer.getInteger("bench.firearms", 20_000);
        int p = Integer.getInteger("bench.people", n * 3 / 5);
        int perYear = Integer.getInteger("bench.recoveries-per-year", 12_000);
        int requestsPerYear = Integer.getInteger("bench.requests-per-year", 1_500);
        System.out.printf("dataset: %,d firearms, %,d people, seed 2026; %d years from %d: %,d recoveries and %,d "
                + "incoming requests a year%n", n, p, YEARS, FIRST_YEAR, perYear, requestsPerYear);
        SyntheticRegistry.Loaded data = SyntheticRegistry.load(n, p, registry, people, holdings, lostStolen);
        long t0 = System.nanoTime();
        long[] counts = activity(data.ids(), perYear, requestsPerYear);
        System.out.printf("activity: %,d recoveries, %,d recovered weapons, %,d trace requests written in %.1f s%n",
                counts[0], counts[1], counts[2], (System.nanoTime() - t0) / 1e9);
        // As a store that has been running: index samples brought up to date, no plan left from an empty store.
        neo4j.query("CALL db.resampleOutdatedIndexes()").run();
        Thread.sleep(5_000);
        neo4j.query("CALL db.clearQueryCaches()").run();

        Period year = Period.year(FIRST_YEAR + YEARS - 2);
        long cold = System.nanoTime();
        Figures f = as(() -> statistics.figures(year));
        System.out.printf("dashboard, first call (plans made): %.1f ms%n", (System.nanoTime() - cold) / 1e6);
        System.out.printf("year %s: %,d weapons, %,d requests received, SDG 16.4.2 = %d / %d%n", year.label(),
                f.recoveries().weapons().total(), f.requests().byDirection().stream().mapToLong(Figures.RequestCount::received)
                        .sum(), f.sdg().numerator(), f.sdg().denominator());

        long[] dashboard = time(5, 30, i -> as(() -> statistics.figures(year)));
        print("dashboard, one year (figures)", dashboard);

        long[] annual = time(2, 10, i -> as(() -> {
            workbooks.annualReturn(statistics.figures(year), "XK", new ByteArrayOutputStream());
            return null;
        }));
        print("annual workbook (figures + XLSX)", annual);

        // About 100k weapons: the years from the first on, and what is needed of the last one.
        int wanted = Integer.getInteger("bench.export-rows", 100_000);
        var months = neo4j.query("""
                        MATCH (r:Recovery)-[:RECOVERED]->() WHERE r.source = 'bench:statistics'
                        WITH date(r.at) AS day RETURN day.year AS y, day.month AS m, count(*) AS n ORDER BY y, m""")
                .fetch().all();
        LocalDate until = LocalDate.of(FIRST_YEAR, 1, 1);
        long total = 0;
        for (var month : months) {
            until = LocalDate.of(((Number) month.get("y")).intValue(), ((Number) month.get("m")).intValue(), 1).plusMonths(1);
            total += ((Number) month.get("n")).longValue();
            if (total >= wanted) {
                break;
            }
        }
        Period nine = new Period(LocalDate.of(FIRST_YEAR, 1, 1), until);
        if (Boolean.getBoolean("bench.plan")) {
            neo4j.delegateTo(runner -> {
                var plan = runner.run("EXPLAIN " + Statistics.WEAPONS, Map.of("from", nine.start(statistics.zone()),
                        "until", nine.end(statistics.zone()))).consume().plan();
                printPlan(plan, 0);
                return Optional.empty();
            }).run();
        }
        Instant now = Instant.now();
        for (int i = 0; i < 2; i++) { // warm-up
            as(() -> workbooks.weapons(nine, now, Statistics.Part.DENOMINATOR, Locale.ENGLISH, OutputStream.nullOutputStream()));
        }
        long[] exportNanos = new long[7];
        long rows = 0;
        for (int i = 0; i < exportNanos.length; i++) {
            long s = System.nanoTime();
            rows = as(() -> workbooks.weapons(nine, now, Statistics.Part.DENOMINATOR, Locale.ENGLISH,
                    OutputStream.nullOutputStream()));
            exportNanos[i] = System.nanoTime() - s;
        }
        var probe = HeapProbe.start();
        as(() -> workbooks.weapons(nine, now, Statistics.Part.DENOMINATOR, Locale.ENGLISH, OutputStream.nullOutputStream()));
        long exportLive = probe.stop();
        print(String.format("XLSX export of %,d weapons", rows), exportNanos);

        // The same rows, materialised first, through a bare SXSSF workbook: the floor for this export.
        var materialised = new ArrayList<String[]>();
        as(() -> {
            statistics.eachWeapon(nine, now, Statistics.Part.DENOMINATOR, w -> materialised.add(new String[] {
                    w.recoveredAt().toString(), w.kind(), w.municipality(), w.caseReference(), w.type(), w.make(),
                    w.model(), w.serial(), w.countryOfManufacture(), w.countryOfImport(), w.tracing().name(),
                    String.valueOf(w.establishedAt()), w.establishedBy(), w.diversionCountry(), w.firearmId()}));
            return null;
        });
        long[] bare = new long[8];
        long bareLive = 0;
        for (int i = 0; i < bare.length; i++) {
            // The last run is the memory run, timed apart from the others.
            HeapProbe bareProbe = i == bare.length - 1 ? HeapProbe.start() : null;
            long s = System.nanoTime();
            try (var wb = new SXSSFWorkbook()) { // POI's defaults: a window of 100 rows
                var sheet = wb.createSheet("rows");
                int r = 0;
                for (String[] line : materialised) {
                    var row = sheet.createRow(r++);
                    for (int c = 0; c < line.length; c++) {
                        row.createCell(c).setCellValue(line[c] == null ? "" : line[c]);
                    }
                }
                wb.write(OutputStream.nullOutputStream());
            }
            bare[i] = System.nanoTime() - s;
            if (bareProbe != null) {
                bareLive = bareProbe.stop();
            }
        }
        bare = Arrays.copyOf(bare, bare.length - 1);
        print(String.format("bare SXSSF write of the same %,d rows", materialised.size()), bare);
        System.out.printf("export / bare SXSSF (medians): %.2f%n", median(exportNanos) / (double) median(bare));
        var sized = new ByteArrayOutputStream();
        as(() -> workbooks.weapons(nine, now, Statistics.Part.DENOMINATOR, Locale.ENGLISH, sized));
        System.out.printf("export file: %.1f MB%n", sized.size() / 1e6);
        System.out.printf("live heap above the idle baseline while exporting (after forced collections): peak %d MB; "
                + "bare SXSSF with its rows already in memory: %d MB%n", exportLive >> 20, bareLive >> 20);
    }

    /** Ten years of recoveries and requests, in the shapes the services write. */
    private long[] activity(List<String> registered, int perYear, int requestsPerYear) {
        var random = new Random(2026);
        var codes = municipalities.all().stream().map(Municipalities.Municipality::code).toList();
        var analysts = new ArrayList<String>();
        Actors.admin(() -> {
            for (int i = 0; i < 6; i++) {
                String name = "bench-analyst-" + i;
                users.create(name, "Bench analyst " + i, EnumSet.of(Role.ANALYST));
                users.setOffice(name, List.of("Prishtinë HQ", "Regional desk Prizren", "Regional desk Mitrovicë").get(i % 3));
                analysts.add(name);
            }
            return null;
        });
        String[] countries = {"RS", "AL", "MK", "ME", "BA", "HR", "DE", "AT", "TR", "CZ"};
        String[] kinds = {"SEIZED", "SEIZED", "SEIZED", "FOUND", "SURRENDERED"};
        long recoveries = 0;
        long weapons = 0;
        long requests = 0;
        int number = 0;
        for (int y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
            var rows = new ArrayList<Map<String, Object>>();
            var traces = new ArrayList<Map<String, Object>>();
            for (int i = 0; i < perYear; i++) {
                ZonedDateTime at = LocalDate.of(y, 1, 1).atStartOfDay(ZoneOffset.UTC).plusMinutes(random.nextInt(525_000));
                String id = "bench-rec-" + y + "-" + i;
                boolean identify = random.nextInt(10) < 3;
                int count = random.nextInt(100) < 2 ? 5 + random.nextInt(8) : 1;
                var row = new HashMap<String, Object>();
                row.put("id", id);
                row.put("kind", kinds[random.nextInt(kinds.length)]);
                row.put("at", at);
                row.put("municipality", codes.get(random.nextInt(codes.size())));
                row.put("registered", registered.get(random.nextInt(registered.size())));
                row.put("identify", identify);
                row.put("identifiedAt", at.plusDays(1 + random.nextInt(60)));
                row.put("weapons", count);
                rows.add(row);
                weapons += count;
                if (random.nextInt(10) == 0) {
                    traces.add(outgoing(random, y, ++number, at, id + "-1", countries, analysts));
                }
            }
            for (int i = 0; i < requestsPerYear; i++) {
                ZonedDateTime at = LocalDate.of(y, 1, 1).atStartOfDay(ZoneOffset.UTC).plusMinutes(random.nextInt(525_000));
                traces.add(incoming(random, y, ++number, at, registered.get(random.nextInt(registered.size())),
                        countries, analysts));
            }
            for (int from = 0; from < rows.size(); from += 2_000) {
                write(RECOVERIES, rows.subList(from, Math.min(rows.size(), from + 2_000)));
            }
            for (int from = 0; from < traces.size(); from += 2_000) {
                write(REQUESTS, traces.subList(from, Math.min(traces.size(), from + 2_000)));
            }
            recoveries += rows.size();
            requests += traces.size();
        }
        return new long[] {recoveries, weapons, requests};
    }

    private static final String RECOVERIES = """
            UNWIND $rows AS row
            MATCH (g:Firearm {id: row.registered})
            CREATE (r:Recovery {id: row.id, idempotencyKey: row.id, kind: row.kind, at: row.at, status: 'NEW',
                                recordedBy: 'bench', recordedAt: row.at, source: 'bench:statistics', confidence: 'MEDIUM'})
            CREATE (r)-[:AT]->(:Location {latitude: 42.66, longitude: 21.16, point: point({latitude: 42.66, longitude: 21.16}),
                                          method: 'MUNICIPALITY', municipality: row.municipality,
                                          source: 'bench:statistics', recordedAt: row.at})
            WITH r, row, g
            UNWIND range(1, row.weapons) AS i
            CREATE (r)-[:RECOVERED {position: i, obliterated: false}]->(f:Firearm {id: row.id + '-' + i,
                    status: 'RECOVERED', typeCode: g.typeCode, makeCode: g.makeCode, makeAsRead: g.makeAsRead,
                    model: g.model, calibreCode: g.calibreCode,
                    serialAsRead: CASE WHEN row.identify AND i = 1 THEN g.serialAsRead ELSE 'BX' + row.id + i END,
                    source: 'bench:statistics', confidence: 'MEDIUM', recordedAt: row.at})
            FOREACH (_ IN CASE WHEN row.identify AND i = 1 THEN [1] ELSE [] END |
                CREATE (f)-[:IDENTIFIED_AS {by: 'bench', at: row.identifiedAt, source: 'bench:statistics',
                                            confidence: 'HIGH'}]->(g))
            """;

    private static final String REQUESTS = """
            UNWIND $rows AS row
            CREATE (t:TraceRequest {id: row.id, number: row.number, direction: row.direction, status: row.status,
                                    priority: row.priority, counterpart: row.counterpart, receivedAt: row.receivedAt,
                                    dueAt: row.dueAt, assignee: row.assignee, createdBy: row.createdBy,
                                    channel: 'MANUAL', source: 'bench:statistics'})
            WITH t, row
            CALL (t, row) {
                UNWIND range(0, size(row.moves) - 1) AS i
                CREATE (t)-[:HAS_TRANSITION]->(:TraceTransition {from: row.moves[i].from, to: row.moves[i].to,
                        at: row.moves[i].at, by: 'bench', seq: i})
            }
            CALL (t, row) {
                UNWIND row.answers AS a
                CREATE (t)-[:HAS_ANSWER]->(:TraceAnswer {version: 1, outcome: a.outcome, findings: 'bench',
                        draftedBy: 'bench', draftedAt: a.at, approvedBy: a.approvedBy, approvedAt: a.approvedAt,
                        diversionCountry: a.country, diversionMethod: a.method})
            }
            CALL (t, row) {
                MATCH (f:Firearm {id: row.firearm})
                CREATE (t)-[:CONCERNS]->(f)
            }
            """;

    private static Map<String, Object> outgoing(Random random, int year, int n, ZonedDateTime recovered, String firearm,
                                                String[] countries, List<String> analysts) {
        ZonedDateTime drafted = recovered.plusDays(2 + random.nextInt(20));
        ZonedDateTime sent = drafted.plusDays(1 + random.nextInt(5));
        var moves = new ArrayList<Map<String, Object>>();
        moves.add(move(null, "DRAFT", drafted));
        moves.add(move("DRAFT", "READY", sent.minusHours(2)));
        moves.add(move("READY", "SENT", sent));
        String status = "SENT";
        var answers = new ArrayList<Map<String, Object>>();
        if (random.nextInt(10) < 8) {
            ZonedDateTime ack = sent.plusHours(4 + random.nextInt(200));
            moves.add(move("SENT", "ACKNOWLEDGED", ack));
            status = "ACKNOWLEDGED";
            if (random.nextInt(10) < 7) {
                ZonedDateTime answered = ack.plusDays(3 + random.nextInt(90));
                moves.add(move("ACKNOWLEDGED", "ANSWERED", answered));
                status = "ANSWERED";
                boolean diverted = random.nextInt(10) < 6;
                answers.add(answer(diverted ? "TRACED" : "NOT_FOUND", answered, null,
                        diverted ? countries[random.nextInt(countries.length)] : null));
            }
        }
        return request("bench-out-" + n, "XK-OUT-" + year + "-B" + n, "OUTGOING", status, drafted,
                drafted.plusDays(30), null, analysts.get(random.nextInt(analysts.size())), countries, random, moves,
                answers, firearm);
    }

    private static Map<String, Object> incoming(Random random, int year, int n, ZonedDateTime received, String firearm,
                                                String[] countries, List<String> analysts) {
        String analyst = analysts.get(random.nextInt(analysts.size()));
        var moves = new ArrayList<Map<String, Object>>();
        moves.add(move(null, "RECEIVED", received));
        moves.add(move("RECEIVED", "ACKNOWLEDGED", received));
        moves.add(move("ACKNOWLEDGED", "ASSIGNED", received));
        String status = "ASSIGNED";
        var answers = new ArrayList<Map<String, Object>>();
        if (random.nextInt(100) < 85) {
            ZonedDateTime started = received.plusHours(2 + random.nextInt(72));
            ZonedDateTime answered = started.plusHours(24 + random.nextInt(24 * 40));
            moves.add(move("ASSIGNED", "IN_PROGRESS", started));
            moves.add(move("IN_PROGRESS", "ANSWER_DRAFTED", answered.minusHours(6)));
            moves.add(move("ANSWER_DRAFTED", "APPROVED", answered.minusHours(1)));
            moves.add(move("APPROVED", "ANSWERED", answered));
            status = "ANSWERED";
            boolean diverted = random.nextInt(10) < 4;
            answers.add(answer(diverted ? "TRACED" : "NOT_FOUND", answered.minusHours(6), answered.minusHours(1),
                    diverted ? "XK" : null));
        }
        return request("bench-in-" + n, "XK-IN-" + year + "-B" + n, "INCOMING", status, received, received.plusDays(42),
                analyst, "partner", countries, random, moves, answers, firearm);
    }

    private static Map<String, Object> request(String id, String number, String direction, String status,
                                               ZonedDateTime received, ZonedDateTime due, String assignee, String by,
                                               String[] countries, Random random, List<Map<String, Object>> moves,
                                               List<Map<String, Object>> answers, String firearm) {
        var row = new HashMap<String, Object>();
        row.put("id", id);
        row.put("number", number);
        row.put("direction", direction);
        row.put("status", status);
        row.put("priority", List.of("URGENT", "PRIORITY", "ROUTINE", "ROUTINE").get(random.nextInt(4)));
        row.put("counterpart", countries[random.nextInt(countries.length)]);
        row.put("receivedAt", received);
        row.put("dueAt", due);
        row.put("assignee", assignee);
        row.put("createdBy", by);
        row.put("moves", moves);
        row.put("answers", answers);
        row.put("firearm", firearm);
        return row;
    }

    private static Map<String, Object> move(String from, String to, ZonedDateTime at) {
        var m = new HashMap<String, Object>();
        m.put("from", from);
        m.put("to", to);
        m.put("at", at);
        return m;
    }

    private static Map<String, Object> answer(String outcome, ZonedDateTime at, ZonedDateTime approvedAt, String country) {
        var a = new HashMap<String, Object>();
        a.put("outcome", outcome);
        a.put("at", at);
        a.put("approvedAt", approvedAt);
        a.put("approvedBy", approvedAt == null ? null : "bench-supervisor");
        a.put("country", country);
        a.put("method", country == null ? null : "THEFT");
        return a;
    }

    private void write(String cypher, List<Map<String, Object>> rows) {
        neo4j.query(cypher).bind(rows).to("rows").run();
    }

    private static void printPlan(Plan plan, int depth) {
        System.out.println("plan " + "  ".repeat(depth) + plan.operatorType() + " " + plan.identifiers());
        for (var child : plan.children()) {
            printPlan(child, depth + 1);
        }
    }

    private static <T> T as(Supplier<T> action) {
        return Actors.as("bench-supervisor", Role.SUPERVISOR, action);
    }
}
