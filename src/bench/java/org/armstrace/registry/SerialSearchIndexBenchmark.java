package org.armstrace.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Experiment for choosing the fuzzy serial index (issue 3): Neo4j's Lucene full-text index over
 * confusion-folded keys, queried with Damerau fuzzy ({@code key~2}) and wildcard ({@code ?})
 * terms, candidates re-ranked by {@link SerialComparison}. Prints latency percentiles and recall@10
 * for planted errors. Not part of the unit-test run:
 *
 * <pre>./mvnw test -Dtest=SerialSearchIndexBenchmark -Dbench.excluded=none -Dbench.serials=500000</pre>
 */
@Tag("benchmark")
class SerialSearchIndexBenchmark {

    private static final String[] PREFIXES = {"ZC", "TT", "M70", "CZ", "AK", "G", "P", "", "", "BR", "SH"};

    static String serial(Random r) {
        String prefix = PREFIXES[r.nextInt(PREFIXES.length)];
        int digits = 5 + r.nextInt(3);
        var sb = new StringBuilder(prefix);
        if (r.nextBoolean()) {
            sb.append(String.format("%02d", r.nextInt(30)));
        }
        for (int i = 0; i < digits; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        if (r.nextInt(4) == 0) {
            sb.append((char) ('A' + r.nextInt(26)));
        }
        return sb.toString();
    }

    /** Plants one kind of error the way officers misread serials. */
    static String plant(String s, String kind, Random r) {
        char[] c = s.toCharArray();
        int p = r.nextInt(c.length);
        return switch (kind) {
            case "confusion2" -> {
                String from = "0O1I2Z5S6G8B";
                var out = new StringBuilder(s);
                int done = 0;
                for (int i = 0; i < out.length() && done < 2; i++) {
                    int k = from.indexOf(out.charAt((i + p) % out.length()));
                    if (k >= 0) {
                        out.setCharAt((i + p) % out.length(), from.charAt(k ^ 1));
                        done++;
                    }
                }
                yield out.toString();
            }
            case "drop" -> s.substring(0, p) + s.substring(p + 1);
            case "double" -> s.substring(0, p) + c[p] + s.substring(p);
            case "swap" -> {
                int q = Math.min(p, c.length - 2);
                char t = c[q];
                c[q] = c[q + 1];
                c[q + 1] = t;
                yield new String(c);
            }
            case "drop+swap" -> plant(plant(s, "drop", r), "swap", r);
            case "mask2" -> {
                c[p] = '?';
                c[(p + 3) % c.length] = '*';
                yield new String(c);
            }
            default -> s;
        };
    }

    @Test
    void fuzzy_and_partial_search_over_a_full_text_index_of_folded_keys() throws Exception {
        int n = Integer.getInteger("bench.serials", 20_000);
        int queries = Integer.getInteger("bench.queries", 300);
        Path dir = Files.createTempDirectory("serial-bench");
        var dbms = new DatabaseManagementServiceBuilder(dir).setConfig(GraphDatabaseSettings.pagecache_memory, 256L << 20)
                .setConfig(GraphDatabaseSettings.udc_enabled, false).build();
        try {
            GraphDatabaseService db = dbms.database("neo4j");
            var r = new Random(42);
            List<String> serials = new ArrayList<>(n);
            long t0 = System.nanoTime();
            for (int start = 0; start < n; start += 20_000) {
                var rows = new ArrayList<Map<String, Object>>();
                for (int i = start; i < Math.min(n, start + 20_000); i++) {
                    String s = serial(r);
                    serials.add(s);
                    String key = SerialNumbers.normalise(s);
                    rows.add(Map.of("id", i, "key", key, "folded", SerialNumbers.fold(key),
                            "deletes", String.join(" ", SerialNumbers.neighbourhood(SerialNumbers.fold(key)))));
                }
                db.executeTransactionally("UNWIND $rows AS row CREATE (:F {id: row.id, key: row.key, folded: row.folded, deletes: row.deletes})",
                        Map.of("rows", rows));
            }
            db.executeTransactionally("CREATE INDEX f_key FOR (f:F) ON (f.key)");
            db.executeTransactionally("""
                    CREATE FULLTEXT INDEX f_folded FOR (f:F) ON EACH [f.folded]
                    OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}}""");
            db.executeTransactionally("""
                    CREATE FULLTEXT INDEX f_deletes FOR (f:F) ON EACH [f.deletes]
                    OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}""");
            db.executeTransactionally("CALL db.awaitIndexes(600)");
            System.out.printf("loaded %d serials and built indexes in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);

            // warm-up
            for (int i = 0; i < 200; i++) {
                search(db, SerialNumbers.normalise(plant(serials.get(i), "drop", r)));
            }
            long[] exactNanos = new long[queries];
            for (int q = 0; q < queries; q++) {
                String key = SerialNumbers.normalise(serials.get(r.nextInt(n)));
                long s0 = System.nanoTime();
                db.executeTransactionally("MATCH (f:F {key: $k}) RETURN f.key AS k LIMIT 10", Map.of("k", key),
                        res -> res.stream().map(m -> (String) m.get("k")).toList());
                exactNanos[q] = System.nanoTime() - s0;
            }
            Arrays.sort(exactNanos);
            System.out.printf("%-11s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms%n", "exact-key", exactNanos[queries / 2] / 1e6,
                    exactNanos[(int) (queries * 0.95)] / 1e6, exactNanos[(int) (queries * 0.99)] / 1e6);
            for (String kind : List.of("exact", "confusion2", "drop", "double", "swap", "drop+swap", "mask2")) {
                long[] nanos = new long[queries];
                int hits = 0;
                int found = 0;
                int crowded = 0;
                for (int q = 0; q < queries; q++) {
                    int target = r.nextInt(n);
                    String truth = SerialNumbers.normalise(serials.get(target));
                    String query = SerialNumbers.normalise(plant(serials.get(target), kind, r));
                    long s0 = System.nanoTime();
                    List<String> ranked = search(db, query);
                    nanos[q] = System.nanoTime() - s0;
                    int rank = ranked.indexOf(truth);
                    if (rank >= 0 && rank < 10) {
                        hits++;
                    }
                    if (rank >= 0) {
                        found++;
                    }
                    double truthCost = SerialComparison.of(query, truth).cost();
                    if (ranked.stream().filter(k -> !k.equals(truth))
                            .filter(k -> SerialComparison.of(query, k).cost() < truthCost).count() >= 10) {
                        crowded++; // ten other registered serials are closer: no ranking could put it in the top 10
                    }
                }
                Arrays.sort(nanos);
                System.out.printf("%-11s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  recall@10 %.3f  in candidates %.3f"
                                + "  crowded out %.3f%n", kind,
                        nanos[queries / 2] / 1e6, nanos[(int) (queries * 0.95)] / 1e6, nanos[(int) (queries * 0.99)] / 1e6,
                        hits / (double) queries, found / (double) queries, crowded / (double) queries);
            }
        } finally {
            dbms.shutdown();
        }
    }

    private static final int CANDIDATES = Integer.getInteger("bench.candidates", 200);

    /**
     * Exact key lookup when that is what was asked; otherwise full-text fuzzy or wildcard candidates on
     * the folded key, re-ranked by explained cost. An exact hit does not end a fuzzy search: a
     * misread serial can equal another weapon's serial.
     */
    private static List<String> search(GraphDatabaseService db, String key) {
        String folded = SerialNumbers.fold(key);
        if (STRATEGY.equals("deletes") && !SerialNumbers.isPartial(key)) {
            // SymSpell in Lucene: every serial is indexed with its deletion neighbourhood (up to 2);
            // a serial within 2 edits shares at least one token with the query's neighbourhood.
            String terms = String.join(" ", SerialNumbers.neighbourhood(folded));
            List<String> candidates = db.executeTransactionally(
                    "CALL db.index.fulltext.queryNodes('f_deletes', $q, {limit: $limit}) YIELD node RETURN node.key AS k",
                    Map.of("q", terms, "limit", CANDIDATES), res -> res.stream().map(m -> (String) m.get("k")).toList());
            return rank(key, candidates);
        }
        String lucene = SerialNumbers.isPartial(key) ? folded : folded + "~2";
        List<String> candidates = db.executeTransactionally(
                "CALL db.index.fulltext.queryNodes('f_folded', $q, {limit: $limit}) YIELD node RETURN node.key AS k",
                Map.of("q", lucene, "limit", CANDIDATES), res -> res.stream().map(m -> (String) m.get("k")).toList());
        return rank(key, candidates);
    }

    private static final String STRATEGY = System.getProperty("bench.strategy", "fuzzy");

    private static List<String> rank(String key, List<String> candidates) {
        var scored = new LinkedHashMap<String, Double>(); // keeps Lucene relevance as the tie-break
        for (String c : candidates) {
            scored.putIfAbsent(c, SerialComparison.of(key, c).cost());
        }
        return scored.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(Map.Entry::getKey).toList();
    }
}
