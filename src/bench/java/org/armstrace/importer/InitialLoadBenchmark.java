package org.armstrace.importer;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.armstrace.ArmsTraceApplication;
import org.armstrace.registry.SyntheticExtracts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The first load ({@link InitialLoad}) of dataset S's six extracts into a new data directory, with
 * validation and matching on, as {@code java -jar armstrace.jar initial-load …} runs it; then the
 * same rows through a bare {@code neo4j-admin database import full} as the ceiling.
 *
 * <pre>
 * S: ./mvnw test -Dtest=InitialLoadBenchmark -Dbench.excluded=none -Dbench.firearms=500000 -Dbench.people=300000 \
 *        -Darmstrace.neo4j.page-cache=512MB -Darmstrace.jvm.args="-Xmx2g ..."
 * </pre>
 */
@Tag("benchmark")
class InitialLoadBenchmark {

    private static final Pattern PHASES = Pattern.compile(
            "relationships in ([\\d.,]+) s .*matching ([\\d.,]+) s; offline import ([\\d.,]+) s; indexes ([\\d.,]+) s");

    @Test
    void first_load_rate_on_synthetic_registry_extracts_and_the_offline_ceiling() throws Exception {
        int n = Integer.getInteger("bench.firearms", 20_000);
        int p = Integer.getInteger("bench.people", n * 3 / 5);
        Path dir = Files.createTempDirectory("bench-initial-load");
        SyntheticExtracts.Written files = SyntheticExtracts.write(dir.resolve("extracts"), n, p);
        System.out.printf("dataset: %,d firearms, %,d people; %,d rows in six files; max heap %,d MB%n",
                n, p, files.rows(), Runtime.getRuntime().maxMemory() >> 20);
        var args = new ArrayList<>(List.of(InitialLoad.NAME));
        ImportBenchmark.steps(files).forEach(step -> args.addAll(List.of("--profile", step.getValue(), step.getKey().toString())));
        args.addAll(List.of("--armstrace.neo4j.data-dir=" + dir.resolve("data"), "--armstrace.neo4j.bolt-port=0",
                "--armstrace.neo4j.page-cache=" + System.getProperty("armstrace.neo4j.page-cache", "512MB"),
                "--armstrace.admin.username=admin", "--armstrace.admin.password=Kosovo-FFP-2026-pw!",
                "--logging.level.root=warn"));
        ImportBenchmark.resetPeaks();
        long t0 = System.nanoTime();
        var context = ArmsTraceApplication.command(InitialLoad.NAME, args.toArray(String[]::new));
        double startup = (System.nanoTime() - t0) / 1e9;
        int code;
        var printed = new ByteArrayOutputStream();
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) {
                System.out.write(b);
                printed.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                System.out.write(b, off, len);
                printed.write(b, off, len);
            }
        };
        try (var out = new PrintStream(both, true, StandardCharsets.UTF_8)) {
            code = context.getBean(ImportCommand.class).initialLoad(args.toArray(String[]::new), out);
        } finally {
            context.close();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        long peak = ImportBenchmark.peakHeap();
        System.out.printf("exit %d; %,d rows; wall clock with the application's start (%.1f s) and stop: %.1f s = %,.0f rows/s;"
                + " peak heap %,d MB%n", code, files.rows(), startup, wall, files.rows() / wall, peak >> 20);
        if (code != 0) {
            throw new AssertionError("the first load failed");
        }
        double ceiling = ImportBenchmark.offline(files, dir.resolve("ceiling"));
        // The phases as the command printed them: what staging alone and the store build alone allow.
        Matcher phases = PHASES.matcher(printed.toString(StandardCharsets.UTF_8));
        if (!phases.find()) {
            throw new AssertionError("the first load printed no phase times");
        }
        double total = seconds(phases.group(1));
        double staging = seconds(phases.group(2));
        double build = seconds(phases.group(3)) + seconds(phases.group(4));
        System.out.printf("bare neo4j-admin import of the same rows: %,.0f rows/s (ours: %.1f %%)%n", ceiling,
                100 * files.rows() / total / ceiling);
        System.out.printf("staging alone (reading, validating, matching): %,.0f rows/s; the store build alone (offline"
                + " import and indexes, %.1f s): %,.0f rows/s%n", files.rows() / staging, build, files.rows() / build);
        InitialLoad.removeStaging(dir.resolve("data"));
    }

    /** "12.3", or "12,3" when the command printed in a locale with a decimal comma. */
    private static double seconds(String printed) {
        return Double.parseDouble(printed.replace(',', '.'));
    }
}
