package org.armstrace.importer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Import throughput for operators ({@code /actuator/prometheus}): rows written, how long each run
 * took and how fast it went. Labelled by record kind, outcome and dry run only; a file name could
 * name a person or an office, so it never becomes a label.
 */
@Component
class ImportMetrics {

    private final MeterRegistry registry;

    ImportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One run of a batch has ended: {@code rows} were read by this run (a resumed batch counts only its rest). */
    void ran(ImportBatch batch, String outcome, long rows, Duration took) {
        String kind = batch.kind() == null ? "unknown" : batch.kind().name().toLowerCase(Locale.ROOT);
        String dryRun = String.valueOf(batch.dryRun());
        Counter.builder("armstrace.import.rows").description("Rows read and written (or checked, in a dry run) by imports")
                .baseUnit("rows").tags("kind", kind, "dry_run", dryRun).register(registry).increment(rows);
        Timer.builder("armstrace.import.runs").description("Import runs: how long each took, by how it ended")
                .tags("kind", kind, "dry_run", dryRun, "outcome", outcome).register(registry).record(took);
        double seconds = took.toNanos() / 1e9;
        if (rows > 0 && seconds > 0) {
            // Per run, so that a slow run shows up in the maximum instead of vanishing in a long-term average.
            DistributionSummary.builder("armstrace.import.throughput").description("Rows per second of each import run")
                    .baseUnit("rows.per.second").tags("kind", kind, "dry_run", dryRun).register(registry)
                    .record(rows / seconds);
        }
    }
}
