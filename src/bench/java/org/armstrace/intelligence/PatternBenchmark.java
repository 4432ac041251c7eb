package org.armstrace.intelligence;

import static org.armstrace.Latencies.print;
import static org.armstrace.Latencies.time;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Every pattern's full scan, and the link chart's 2–4 step neighbourhood, on dataset S with ten
 * years of activity shaped for the patterns: recoveries (a third identified, with their
 * time-to-crime from the registry's transfers), possessors drawn from a small pool (so some recur),
 * device positions around a few thousand spots, runs of consecutive serials, and incoming requests
 * about registered weapons. Written with UNWIND in the shapes the services write.
 *
 * <pre>
 * S: ./mvnw test -Dtest=PatternBenchmark -Dbench.excluded=none -Dbench.firearms=500000 -Dbench.people=300000
 * </pre>
 */
@Tag("benchmark")
@ArmsTraceTest
class PatternBenchmark {

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
    Municipalities municipalities;
    @Autowired
    PatternScan scan;
    @Autowired
    AlertScanner scanner;
    @Autowired
    LinkAnalysis links;
    @Autowired
    Neo4jClient neo4j;

    @Test
    void every_pattern_scan_and_the_neighbourhood_on_s() throws Exception {
        int n = Integer.getInteger("bench.firearms", 20_000);
        int p = Integer.getInteger("bench.people", n * 3 / 5);
        int perYear = Integer.getInteger("bench.recoveries-per-year", 12_000);
        System.out.printf("dataset: %,d firearms, %,d people, seed 2026; %d years from %d, %,d recoveries a year%n",
                n, p, YEARS, FIRST_YEAR, perYear);
        SyntheticRegistry.Loaded data = SyntheticRegistry.load(n, p, registry, people, holdings, lostStolen);
        long t0 = System.nanoTime();
        long[] counts = activity(data, perYear);
        System.out.printf("activity: %,d recoveries, %,d identified, %,d with a possessor, %,d incoming requests in %.1f s%n",
                counts[0], counts[1], counts[2], counts[3], (System.nanoTime() - t0) / 1e9);
        neo4j.query("CALL db.resampleOutdatedIndexes()").run();
        Thread.sleep(5_000);
        neo4j.query("CALL db.clearQueryCaches()").run();

        // Each pattern's query and grouping alone: first (plans made), then warm.
        var found = new EnumMap<Pattern, Integer>(Pattern.class);
        for (Pattern pattern : Pattern.values()) {
            long s = System.nanoTime();
            found.put(pattern, scan.find(pattern).size());
            double cold = (System.nanoTime() - s) / 1e6;
            long[] warm = time(0, 3, i -> scan.find(pattern));
            print(String.format("%s full scan (%,d instances; cold %.0f ms)", pattern, found.get(pattern), cold), warm);
        }

        // The whole scan as it runs after an arrival: every pattern, alerts written. First on an empty alert
        // store (every instance new), then again (every instance known).
        AlertScanner.Report first = Actors.as("bench-analyst", Role.ANALYST, scanner::scanNow).get(30, TimeUnit.MINUTES);
        System.out.printf("whole scan, alert store empty: %,d ms, %,d alerts created%n", first.total().toMillis(),
                first.runs().values().stream().mapToInt(AlertScanner.Run::created).sum());
        AlertScanner.Report again = Actors.as("bench-analyst", Role.ANALYST, scanner::scanNow).get(30, TimeUnit.MINUTES);
        System.out.printf("whole scan, alerts known: %,d ms%n", again.total().toMillis());
        again.runs().forEach((pattern, run) -> System.out.printf("  %-17s %,7d ms  %,5d found%n", pattern,
                run.took().toMillis(), run.found()));
        // Memory apart: the probe's forced collections every 50 ms slow the run it watches.
        var probe = HeapProbe.start();
        Actors.as("bench-analyst", Role.ANALYST, scanner::scanNow).get(30, TimeUnit.MINUTES);
        System.out.printf("whole scan, live heap above idle (after forced collections): peak %d MB%n", probe.stop() >> 20);

        // Neighbourhoods of random people and weapons.
        var random = new Random(11);
        for (int hops = 2; hops <= 4; hops++) {
            int h = hops;
            long[] person = time(20, 200, i -> Actors.as("bench-analyst", Role.ANALYST, () -> links.neighbourhood(
                    new EntityRef(EntityRef.Kind.PERSON, data.personIds().get(random.nextInt(p))), Set.of(), h)));
            print(h + "-step neighbourhood of a person (warm)", person);
            long[] weapon = time(20, 200, i -> Actors.as("bench-analyst", Role.ANALYST, () -> links.neighbourhood(
                    new EntityRef(EntityRef.Kind.FIREARM, data.ids().get(random.nextInt(data.ids().size()))), Set.of(), h)));
            print(h + "-step neighbourhood of a weapon (warm)", weapon);
        }
        int sizes = 0;
        for (int i = 0; i < 50; i++) {
            sizes += Actors.as("bench-analyst", Role.ANALYST, () -> links.neighbourhood(new EntityRef(
                    EntityRef.Kind.FIREARM, data.ids().get(random.nextInt(data.ids().size()))), Set.of(), 4)).entities().size();
        }
        System.out.printf("4-step neighbourhood of a weapon: %.0f entities on average%n", sizes / 50.0);
    }

    /** Ten years of recoveries and incoming requests, shaped so that every pattern has something to find. */
    private long[] activity(SyntheticRegistry.Loaded data, int perYear) {
        var random = new Random(2026);
        var codes = municipalities.all().stream().map(Municipalities.Municipality::code).toList();
        List<String> registered = data.ids();
        // A tenth of the people make up the pool possessors come from: some of them turn up again.
        List<String> pool = data.personIds().subList(0, Math.max(1, data.personIds().size() / 10));
        double[][] spots = new double[3_000][];
        for (int i = 0; i < spots.length; i++) {
            spots[i] = new double[] {41.9 + random.nextDouble() * 1.1, 20.1 + random.nextDouble() * 1.5};
        }
        String[] kinds = {"SEIZED", "SEIZED", "SEIZED", "FOUND", "SURRENDERED"};
        long recoveries = 0;
        long identified = 0;
        long possessed = 0;
        long requests = 0;
        int batch = 0;
        for (int y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
            var rows = new ArrayList<Map<String, Object>>();
            for (int i = 0; i < perYear; i++) {
                ZonedDateTime at = LocalDate.of(y, 1, 1).atStartOfDay(ZoneOffset.UTC).plusMinutes(random.nextInt(525_000));
                String id = "pbench-rec-" + y + "-" + i;
                var row = new HashMap<String, Object>();
                row.put("id", id);
                row.put("kind", kinds[random.nextInt(kinds.length)]);
                row.put("at", at);
                row.put("municipality", codes.get(random.nextInt(codes.size())));
                boolean device = random.nextInt(10) < 4;
                double[] spot = spots[random.nextInt(spots.length)];
                row.put("method", device ? "DEVICE" : "MUNICIPALITY");
                row.put("lat", spot[0] + (device ? random.nextGaussian() * 0.0002 : 0));
                row.put("lon", spot[1] + (device ? random.nextGaussian() * 0.0002 : 0));
                row.put("registered", registered.get(random.nextInt(registered.size())));
                boolean identify = random.nextInt(10) < 3;
                row.put("identify", identify);
                identified += identify ? 1 : 0;
                row.put("identifiedAt", at.plusDays(1 + random.nextInt(60)));
                boolean withPossessor = random.nextInt(4) == 0;
                row.put("possessor", withPossessor ? pool.get(random.nextInt(pool.size())) : null);
                possessed += withPossessor ? 1 : 0;
                row.put("caseReference", random.nextInt(5) == 0 ? "PB-" + y + "-" + random.nextInt(perYear / 3) : null);
                // One recovery in 200 is part of a run: five consecutive serials spread over five recoveries.
                if (i % 200 < 5 && i >= 5) {
                    row.put("serial", "RUN" + (batch + i / 200) + "-" + (70_000 + i % 200));
                }
                rows.add(row);
            }
            batch += perYear / 200 + 1;
            for (int from = 0; from < rows.size(); from += 2_000) {
                neo4j.query(RECOVERIES).bind(rows.subList(from, Math.min(rows.size(), from + 2_000))).to("rows").run();
            }
            recoveries += rows.size();
            var incoming = new ArrayList<Map<String, Object>>();
            for (int i = 0; i < 1_500; i++) {
                incoming.add(Map.of("id", "pbench-req-" + y + "-" + i, "firearm", registered.get(random.nextInt(registered.size())),
                        "at", LocalDate.of(y, 1, 1).atStartOfDay(ZoneOffset.UTC).plusMinutes(random.nextInt(525_000))));
            }
            neo4j.query(REQUESTS).bind(incoming).to("rows").run();
            requests += incoming.size();
        }
        // Time-to-crime as a confirmation computes it: the last legal transfer on or before the recovery.
        neo4j.query("""
                MATCH (r:Recovery)-[:RECOVERED]->(:Firearm)-[i:IDENTIFIED_AS]->(g:Firearm) WHERE r.id STARTS WITH 'pbench-'
                CALL (r, i, g) {
                    OPTIONAL MATCH (t:Transfer)-[:OF]->(g)
                    WHERE t.kind IN ['EXPORT', 'IMPORT', 'SALE', 'STATE_TRANSFER', 'INHERITANCE'] AND t.date <= date(r.at)
                    WITH i, r, max(t.date) AS last
                    SET i.lastLegalTransfer = last,
                        i.timeToCrimeDays = CASE WHEN last IS NULL THEN null ELSE duration.inDays(last, date(r.at)).days END
                } IN TRANSACTIONS OF 5000 ROWS
                """).run();
        return new long[] {recoveries, identified, possessed, requests};
    }

    private static final String RECOVERIES = """
            UNWIND $rows AS row
            MATCH (g:Firearm {id: row.registered})
            CREATE (r:Recovery {id: row.id, idempotencyKey: row.id, kind: row.kind, at: row.at, status: 'NEW',
                                caseReference: row.caseReference, recordedBy: 'bench', recordedAt: row.at,
                                source: 'bench:patterns', confidence: 'MEDIUM'})
            CREATE (r)-[:AT]->(:Location {latitude: row.lat, longitude: row.lon,
                                          point: point({latitude: row.lat, longitude: row.lon}), method: row.method,
                                          municipality: row.municipality, source: 'bench:patterns', recordedAt: row.at})
            CREATE (r)-[:RECOVERED {position: 1, obliterated: false}]->(f:Firearm {id: row.id + '-1', status: 'RECOVERED',
                    typeCode: g.typeCode, makeCode: g.makeCode, makeAsRead: g.makeAsRead, model: g.model,
                    calibreCode: g.calibreCode,
                    serialAsRead: CASE WHEN row.identify THEN g.serialAsRead ELSE coalesce(row.serial, 'BX' + row.id) END,
                    source: 'bench:patterns', confidence: 'MEDIUM', recordedAt: row.at})
            FOREACH (_ IN CASE WHEN row.identify THEN [1] ELSE [] END |
                CREATE (f)-[:IDENTIFIED_AS {by: 'bench', at: row.identifiedAt, source: 'bench:patterns', confidence: 'HIGH'}]->(g))
            FOREACH (_ IN CASE WHEN row.caseReference IS NULL THEN [] ELSE [1] END |
                MERGE (c:Case {reference: row.caseReference}) CREATE (r)-[:PART_OF]->(c))
            WITH r, row
            OPTIONAL MATCH (p:Person {id: row.possessor})
            FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END |
                CREATE (p)-[:POSSESSED {at: row.at, source: 'bench:patterns'}]->(r))
            """;

    private static final String REQUESTS = """
            UNWIND $rows AS row
            MATCH (g:Firearm {id: row.firearm})
            CREATE (t:TraceRequest {id: row.id, number: row.id, direction: 'INCOMING', status: 'IN_PROGRESS',
                                    priority: 'ROUTINE', counterpart: 'AL', receivedAt: row.at, assignee: 'bench',
                                    weaponMake: g.makeAsRead, weaponModel: g.model, weaponSerial: g.serialAsRead,
                                    channel: 'MANUAL', source: 'bench:patterns'})
            CREATE (t)-[:CONCERNS]->(g)
            """;
}
