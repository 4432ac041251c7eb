package org.armstrace.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        try {
            code = context.getBean(ImportCommand.class).initialLoad(args.toArray(String[]::new), System.out);
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
        System.out.printf("bare neo4j-admin import of the same rows: %,.0f rows/s%n", ceiling);
        InitialLoad.removeStaging(dir.resolve("data"));
    }
}
