package org.armstrace.importer;

import java.time.Instant;
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

    public boolean finished() {
        return status == Status.COMPLETED || status == Status.FAILED;
    }
}
