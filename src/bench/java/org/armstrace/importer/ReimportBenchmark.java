package org.armstrace.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceApplication;
import org.armstrace.graph.GraphProperties;
import org.armstrace.graph.OfflineStores;
import org.armstrace.registry.SyntheticExtracts;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The monthly re-import (issue 27 item 2): dataset S loaded once ({@code initial-load}), then the same six
 * sources' next month ({@link MonthlyExtracts}: about 5 % of the rows changed, some missing, some new)
 * imported through {@link RegistryImports#runNow}, the transactional path of the UI and the {@code import}
 * command, with validation, matching and history on. Prints rows/s, the chunks' times, what the import
 * counted and the heap.
 *
 * <p>Preparing S takes minutes and is kept in {@code bench.dir}: {@code -Dbench.phase=prepare} builds it
 * (run it outside the build lock, under {@code nice}); {@code -Dbench.phase=measure} copies the prepared
 * store and times the re-import on the copy, so that it can be repeated on the same store.
 *
 * <pre>
 * ./mvnw test -Dtest=ReimportBenchmark -Dbench.excluded=none -Dbench.firearms=500000 -Dbench.people=300000 \
 *     -Dbench.dir=/tmp/reimport-s -Dbench.phase=prepare|measure -Darmstrace.jvm.args="-Xmx2g ..."
 * </pre>
 */
@Tag("benchmark")
class ReimportBenchmark {

    /** Rows per transaction of the re-import ({@code -Dbench.chunk-rows}; the application's default otherwise). */
    private static final int CHUNK_ROWS = Integer.getInteger("bench.chunk-rows", ImportRun.CHUNK);

    @Test
    void monthly_reimport_of_s_with_five_percent_of_rows_changed() throws Exception {
        int n = Integer.getInteger("bench.firearms", 20_000);
        int p = Integer.getInteger("bench.people", n * 3 / 5);
        Path dir = Path.of(System.getProperty("bench.dir", Files.createTempDirectory("bench-reimport").toString()));
        String phase = System.getProperty("bench.phase", "all");
        if (!phase.equals("measure")) {
            prepare(dir, n, p);
        }
        if (!phase.equals("prepare")) {
            measure(dir);
        }
    }

    private static List<String> common(Path dir, Path data) {
        var args = new ArrayList<>(List.of("--armstrace.neo4j.data-dir=" + data, "--armstrace.neo4j.bolt-port=0",
                "--armstrace.neo4j.page-cache=" + System.getProperty("armstrace.neo4j.page-cache", "512MB"),
                "--armstrace.import.mappings-dir=" + dir.resolve("mappings"),
                "--armstrace.admin.username=admin", "--armstrace.admin.password=Kosovo-FFP-2026-pw!",
                "--logging.level.root=warn", "--logging.level.org.armstrace.importer=info"));
        if (CHUNK_ROWS != ImportRun.CHUNK) {
            args.add("--armstrace.import.chunk-rows=" + CHUNK_ROWS);
        }
        return args;
    }

    /** S as the registry sent it last month, loaded; this month's extracts beside it. Done once per directory. */
    private static void prepare(Path dir, int n, int p) throws Exception {
        if (Files.exists(dir.resolve("READY"))) {
            System.out.println("prepared already: " + dir);
            return;
        }
        long t0 = System.nanoTime();
        SyntheticExtracts.Written first = SyntheticExtracts.write(dir.resolve("first"), n, p);
        MonthlyExtracts.addStatusColumns(first.licences());
        MonthlyExtracts.profiles(Path.of("import/mappings"), dir.resolve("mappings"));
        var args = new ArrayList<>(List.of(InitialLoad.NAME));
        ImportBenchmark.steps(first).forEach(s -> args.addAll(List.of("--profile", s.getValue(), s.getKey().toString())));
        args.addAll(common(dir, dir.resolve("prepared")));
        var context = ArmsTraceApplication.command(InitialLoad.NAME, args.toArray(String[]::new));
        int code;
        try {
            code = context.getBean(ImportCommand.class).initialLoad(args.toArray(String[]::new), System.out);
        } finally {
            context.close();
        }
        if (code != 0) {
            throw new AssertionError("the first load failed");
        }
        InitialLoad.removeStaging(dir.resolve("prepared"));
        MonthlyExtracts.Changes changes = MonthlyExtracts.write(first, dir.resolve("second"));
        Files.writeString(dir.resolve("READY"), changes.counts + "\n");
        Files.writeString(dir.resolve("SETTLED"), "full-text indexes merged by the first load itself\n");
        System.out.printf("prepared %s in %.1f s; next month: %,d changes %s%n", dir, (System.nanoTime() - t0) / 1e9,
                changes.total(), changes.counts);
    }

    private static void measure(Path dir) throws Exception {
        Path run = dir.resolve("run");
        System.out.println("next month's changes: " + Files.readString(dir.resolve("READY")).strip());
        if (!Files.exists(dir.resolve("SETTLED"))) {
            // Prepared before the first load merged its full-text indexes itself (commit 2293f1b): merge them once
            // in the prepared store, as that load now would, timed apart and before the copy.
            long m0 = System.nanoTime();
            OfflineStores.Segments segments = OfflineStores.settleFullTextIndexes(GraphProperties.storeDir(dir.resolve("prepared")),
                    "neo4j", 512L << 20);
            String settled = String.format("full-text indexes merged in %.1f s: %d segments before, %d after",
                    (System.nanoTime() - m0) / 1e9, segments.before(), segments.after());
            Files.writeString(dir.resolve("SETTLED"), settled + "\n");
        }
        System.out.println(Files.readString(dir.resolve("SETTLED")).strip());
        copy(dir.resolve("prepared"), run);
        var second = new SyntheticExtracts.Written(dir.resolve("second/organisations.csv"), dir.resolve("second/people.csv"),
                dir.resolve("second/firearms.csv"), dir.resolve("second/licences.csv"), dir.resolve("second/transfers.csv"),
                dir.resolve("second/lost-stolen.csv"), 0);
        var args = new ArrayList<>(List.of(ImportCommand.NAME));
        args.addAll(common(dir, run));
        long s0 = System.nanoTime();
        ConfigurableApplicationContext context = ArmsTraceApplication.command(ImportCommand.NAME, args.toArray(String[]::new));
        System.out.printf("application started on the copy of S in %.1f s; max heap %,d MB%n",
                (System.nanoTime() - s0) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
        try {
            reimport(context.getBean(RegistryImports.class), second, System.out);
        } finally {
            context.close();
        }
    }

    private static void reimport(RegistryImports imports, SyntheticExtracts.Written second, PrintStream out) {
        ImportBenchmark.resetPeaks();
        var chunks = new ArrayList<Long>();
        var totals = new TreeMap<String, Long>();
        long rows = 0;
        long started = System.nanoTime();
        for (Map.Entry<Path, String> step : ImportBenchmark.steps(second)) {
            long f0 = System.nanoTime();
            long[] last = {f0};
            ImportBatch b = Actors.as("bench", Role.ADMIN, () -> {
                try (InputStream in = Files.newInputStream(step.getKey())) {
                    var stored = imports.store(step.getKey().getFileName().toString(), in);
                    return imports.runNow(stored, imports.profile(step.getValue()).orElseThrow(), false, x -> {
                        long now = System.nanoTime();
                        chunks.add(now - last[0]);
                        last[0] = now;
                    }).batch();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            double s = (System.nanoTime() - f0) / 1e9;
            rows += b.read();
            b.counts().forEach((k, v) -> totals.merge(k, v, Long::sum));
            out.printf("%-18s %,9d read in %6.1f s = %,8.0f rows/s  %s%n", b.fileName(), b.read(), s, b.read() / s,
                    b.rowSummary());
            out.printf("%-18s %s%n", "", b.counts());
        }
        double total = (System.nanoTime() - started) / 1e9;
        out.printf("ALL                %,9d rows in %.1f s = %,.0f rows/s (target 30,000)%n", rows, total, rows / total);
        out.printf("rows: created %,d, changed %,d, unchanged %,d, merged %,d, review %,d, rejected %,d%n",
                totals.getOrDefault("row.created", 0L), totals.getOrDefault("row.changed", 0L),
                totals.getOrDefault("row.unchanged", 0L), totals.getOrDefault("row.merged", 0L),
                totals.getOrDefault("row.review", 0L), totals.getOrDefault("row.rejected", 0L));
        var missing = new TreeMap<String, Long>();
        totals.forEach((k, v) -> {
            if (k.endsWith(".missing") || k.contains(".field.") || k.endsWith(".conflict")) {
                missing.put(k, v);
            }
        });
        out.printf("missing from the full extracts and fields changed: %s%n", missing);
        out.println(chunkTimes(chunks));
        System.gc();
        out.printf("heap: peak of the pools %,d MB (summed; they peak at different times); used after GC %,d MB%n",
                ImportBenchmark.peakHeap() >> 20,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
    }

    /** The chunks' times (a transaction each, {@link ImportRun#CHUNK} rows): median, p95, p99 and max. */
    private static String chunkTimes(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        return n == 0 ? "no chunks" : String.format("%,d chunks of up to %,d rows: median %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms",
                n, CHUNK_ROWS, sorted[n / 2] / 1e6, sorted[Math.max(0, (int) Math.ceil(n * 0.95) - 1)] / 1e6,
                sorted[Math.max(0, (int) Math.ceil(n * 0.99) - 1)] / 1e6, sorted[n - 1] / 1e6);
    }

    /** A fresh copy of the prepared store for each measured run: the re-import changes it. */
    private static void copy(Path from, Path to) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        new ProcessBuilder("rm", "-rf", to.toString()).inheritIO().start().waitFor();
        int rc = new ProcessBuilder("cp", "-a", from.toString(), to.toString()).inheritIO().start().waitFor();
        if (rc != 0) {
            throw new IOException("copying the prepared store failed: " + rc);
        }
        System.out.printf("copied the prepared store in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        Files.writeString(to.resolve("COPY"), from.toString(), StandardCharsets.UTF_8);
    }
}
