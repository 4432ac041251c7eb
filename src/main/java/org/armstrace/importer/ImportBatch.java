package org.armstrace.importer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One import of one file with one profile, as recorded: what was read, accepted and rejected, and
 * what it did to the registry per kind of record ({@code person.created}, {@code firearm.merged},
 * {@code person.review} …). {@code read == accepted + rejected} once it has finished.
 *
 * @param committedThrough the last source line whose outcome is committed: a resumed run starts after it
 */
public record ImportBatch(String id, String fileName, String sha256, long size, String profileName, RecordKind kind,
                          boolean dryRun, Status status, String startedBy, Instant startedAt, Instant finishedAt,
                          String encoding, long read, long accepted, long rejected, long warnings,
                          int committedThrough, Map<String, Long> counts, String failure) {

    public enum Status {
        RUNNING, COMPLETED, FAILED,
        /** The process stopped mid-way (crash, kill, shutdown); it resumes from its checkpoint. */
        INTERRUPTED
    }

    /** What each row became, in the order printed; together they are every row read. */
    public static final List<String> ROW_OUTCOMES = List.of("created", "merged", "review", "changed", "unchanged", "rejected");

    /** How many rows ended as this outcome ({@link #ROW_OUTCOMES}). */
    public long rows(String outcome) {
        return counts.getOrDefault("row." + outcome, 0L);
    }

    /** "created 3 + merged 1 + … = read 6": every row accounted for. */
    public String rowSummary() {
        return String.join(" + ", ROW_OUTCOMES.stream().map(o -> o + " " + String.format(java.util.Locale.ROOT, "%,d", rows(o)))
                .toList()) + String.format(java.util.Locale.ROOT, " = read %,d", read);
    }

    public boolean finished() {
        return status == Status.COMPLETED || status == Status.FAILED;
    }
}
