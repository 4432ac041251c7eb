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

    /**
     * Rows per outcome of the four every row ends as: created, merged (automatically, by the same key,
     * or a later word of the record's own source, changed or unchanged), review, rejected.
     */
    public long outcome(String outcome) {
        return switch (outcome) {
            case "merged" -> rows("merged") + rows("changed") + rows("unchanged");
            default -> rows(outcome);
        };
    }

    /** "read 6 = created 3 + merged 1 + review 1 + rejected 1 (merged: changed 0, unchanged 0)": every row accounted for. */
    public String rowSummary() {
        return String.format(java.util.Locale.ROOT, "read %,d = created %,d + merged %,d + review %,d + rejected %,d"
                        + " (merged: changed %,d, unchanged %,d)", read, outcome("created"), outcome("merged"),
                outcome("review"), outcome("rejected"), rows("changed"), rows("unchanged"));
    }

    public boolean finished() {
        return status == Status.COMPLETED || status == Status.FAILED;
    }
}
