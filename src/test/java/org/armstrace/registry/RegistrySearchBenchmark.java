package org.armstrace.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.armstrace.ArmsTraceTest;
import org.armstrace.TestSecurity;
import org.armstrace.graph.GraphProperties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The registry search benchmark (issue 3): loads a deterministic synthetic register through the
 * real bulk path, plants reading errors in serials drawn from it, and searches through the real
 * service over Bolt. Prints load rate, latency p50/p95/p99, recall@10, precision@10 and index size.
 *
 * <pre>./mvnw test -Dtest=RegistrySearchBenchmark -Dbench.excluded=none -Dbench.firearms=500000</pre>
 */
@Tag("benchmark")
@ArmsTraceTest
class RegistrySearchBenchmark {

    @Autowired
    FirearmRegistry registry;
    @Autowired
    SerialSearch search;
    @Autowired
    GraphProperties graph;

    @Test
    void search_latency_and_recall_on_a_synthetic_register() throws IOException {
        int n = Integer.getInteger("bench.firearms", 20_000);
        int queries = Integer.getInteger("bench.queries", 300);
        List<NewFirearm> weapons = RegistryDataset.generate(n, 2026);
        var ids = new ArrayList<String>(n);
        long t0 = System.nanoTime();
        for (int from = 0; from < n; from += 10_000) {
            List<NewFirearm> batch = weapons.subList(from, Math.min(n, from + 10_000));
            ids.addAll(TestSecurity.as("bench", "ADMIN", () -> registry.registerBatch(batch,
                    new Provenance("bench:synthetic-seed-2026", Provenance.Confidence.HIGH))));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("loaded %d firearms in %.1f s (%.0f firearms/s)%n", n, seconds, n / seconds);

        var random = new Random(7);
        for (int i = 0; i < 700; i++) { // warm-up: every path, so JIT does not favour the later kinds
            run(weapons.get(i), List.of("exact", "drop", "mask2", "swap").get(i % 4), i % 3 != 0, random);
            run(weapons.get(i), "exact", true, random, SerialQuery.Mode.EXACT);
        }
        report("exact mode + make", weapons, ids, "exact", true, queries, random, SerialQuery.Mode.EXACT);
        for (String kind : List.of("exact", "confusion2", "drop", "double", "swap", "drop+swap", "mask2")) {
            report(kind + " +make", weapons, ids, kind, true, queries, random);
        }
        report("exact, no make", weapons, ids, "exact", false, queries, random);
        report("drop+swap, no make", weapons, ids, "drop+swap", false, queries, random);

        Runtime rt = Runtime.getRuntime();
        System.out.printf("store %.1f MB (indexes %.1f MB); JVM heap used %d MB%n", size(graph.storeDir()),
                size(graph.storeDir().resolve("data/databases/neo4j/schema")), (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private List<SerialHit> run(NewFirearm w, String kind, boolean withMake, Random random) {
        return run(w, kind, withMake, random, SerialQuery.Mode.TOLERANT);
    }

    private List<SerialHit> run(NewFirearm w, String kind, boolean withMake, Random random, SerialQuery.Mode mode) {
        String query = SerialSearchIndexBenchmark.plant(w.serialAsRead(), kind, random);
        return TestSecurity.as("bench", "ANALYST", () -> search.search(
                new SerialQuery(query, withMake ? w.make() : null, null, null, 10, mode)));
    }

    private void report(String label, List<NewFirearm> weapons, List<String> ids, String kind, boolean withMake,
                        int queries, Random random) {
        report(label, weapons, ids, kind, withMake, queries, random, SerialQuery.Mode.TOLERANT);
    }

    private void report(String label, List<NewFirearm> weapons, List<String> ids, String kind, boolean withMake,
                        int queries, Random random, SerialQuery.Mode mode) {
        long[] nanos = new long[queries];
        int recalled = 0;
        double precision = 0;
        for (int q = 0; q < queries; q++) {
            int target = random.nextInt(weapons.size());
            long s0 = System.nanoTime();
            List<SerialHit> hits = run(weapons.get(target), kind, withMake, random, mode);
            nanos[q] = System.nanoTime() - s0;
            boolean found = hits.stream().anyMatch(h -> h.firearm().id().equals(ids.get(target)));
            if (found) {
                recalled++;
                precision += 1.0 / hits.size();
            }
        }
        Arrays.sort(nanos);
        System.out.printf("%-20s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  recall@10 %.3f  precision@10 %.3f%n", label,
                nanos[queries / 2] / 1e6, nanos[(int) (queries * 0.95)] / 1e6, nanos[(int) (queries * 0.99)] / 1e6,
                recalled / (double) queries, precision / queries);
    }

    private static double size(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / (1024.0 * 1024);
        }
    }
}
