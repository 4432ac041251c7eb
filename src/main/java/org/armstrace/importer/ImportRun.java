package org.armstrace.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.armstrace.registry.ImportedRecords;
import org.armstrace.registry.RecordStore;
import org.armstrace.registry.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run of one batch, from its checkpoint to the end of the file. Reading, parsing and
 * validating happen on a reader thread; matching and writing on the calling thread, a chunk per
 * transaction together with the checkpoint. A run killed at any point therefore leaves every
 * chunk either wholly committed with its checkpoint or not at all, and the next run starts after
 * the checkpoint: no row is lost and none is written twice.
 */
final class ImportRun {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

    /** Rows per transaction: large enough for UNWIND to pay, small enough to redo after a crash. */
    static final int CHUNK = 5_000;

    private record Chunk(List<ChunkWriter.Item> items, int lastLine, double fraction, Throwable failure,
                         CompletableFuture<ChunkWriter.Ahead> ahead) {

        Chunk(List<ChunkWriter.Item> items, int lastLine, double fraction, Throwable failure) {
            this(items, lastLine, fraction, failure, null);
        }
    }

    private record Opened(Extract extract, RowParser parser) {
    }

    private static final Chunk END = new Chunk(List.of(), 0, 1, null);

    private final ImportBatches batches;
    private final RecordStore records;
    private final ReferenceData reference;
    private final TransactionTemplate tx;
    private final int chunkSize;
    /** The sources' manifests of their last completed extracts. */
    private final ExtractManifests manifests;

    ImportRun(ImportBatches batches, RecordStore records, ReferenceData reference, TransactionTemplate tx, int chunkSize,
              ExtractManifests manifests) {
        this.manifests = manifests;
        this.batches = batches;
        this.records = records;
        this.reference = reference;
        this.tx = tx;
        this.chunkSize = chunkSize;
    }

    /** Runs the batch to its end (or failure) and returns it as recorded. */
    ImportBatch run(ImportBatch batch, Path file, MappingProfile profile, Consumer<RegistryImports.Progress> listener) {
        Opened opened;
        try {
            opened = open(file, profile);
        } catch (Extract.Unreadable e) {
            return fail(batch, e.issue());
        } catch (IOException | RuntimeException e) {
            log.warn("Import {}: {} could not be opened", batch.id(), file, e);
            return fail(batch, Issue.rejected(0, "file-unreadable", null, String.valueOf(e.getMessage())));
        }
        Extract extract = opened.extract();
        int resumeAfter = batch.committedThrough();
        prepare(batch, extract, resumeAfter);
        var queue = new ArrayBlockingQueue<Chunk>(2);
        // Read once per run (a source has a batch a month): what made the records it left no hash on.
        Set<String> ownBatches = batches.ofProfile(profile.name());
        // With a manifest of the source's last completed extract, a row it sent exactly so is known without a read.
        ManifestRows manifest = manifests.open(batch, resumeAfter);
        var writer = new ChunkWriter(records, batch.id(), batch.fileName(), profile.name(), ownBatches, batch.dryRun(), manifest);
        // Chunks are looked at ahead on a thread of their own, one after another, as the one who started
        // the import: reading and parsing the next chunk, looking at the one after, and writing this one overlap.
        SecurityContext security = SecurityContextHolder.getContext();
        ExecutorService looking = Executors.newSingleThreadExecutor(Thread.ofPlatform()
                .name("import-ahead-" + batch.id().substring(0, 8)).daemon().factory());
        Thread reader = Thread.ofPlatform().name("import-read-" + batch.id().substring(0, 8)).daemon()
                .start(() -> read(extract, opened.parser(), resumeAfter, queue,
                        items -> CompletableFuture.supplyAsync(() -> {
                            SecurityContextHolder.setContext(security);
                            try {
                                return ahead(writer, items);
                            } finally {
                                SecurityContextHolder.clearContext();
                            }
                        }, looking)));
        long started = System.nanoTime();
        long rows = batch.read();
        try {
            while (true) {
                // Timed: a writer that waits here is bound by reading, parsing and looking ahead, not by its own steps.
                Chunk chunk = writer.timed("waiting for rows", () -> {
                    try {
                        return next(queue, reader);
                    } catch (InterruptedException e) {
                        throw new Waiting(e);
                    }
                });
                if (chunk == END) {
                    break;
                }
                if (chunk.failure() != null) {
                    // What was read before the failure is committed; the report names the line reading stopped at.
                    return fail(batch, Issue.rejected(chunk.lastLine(), "file-unreadable", null,
                            String.valueOf(chunk.failure().getMessage())));
                }
                rows += write(batch, chunk, writer);
                double seconds = (System.nanoTime() - started) / 1e9;
                listener.accept(new RegistryImports.Progress(batch.id(), chunk.fraction(), rows,
                        seconds > 0 ? (rows - batch.read()) / seconds : 0));
            }
        } catch (Waiting e) {
            Thread.currentThread().interrupt();
            reader.interrupt();
            batches.status(batch.id(), ImportBatch.Status.INTERRUPTED, null);
            return batches.find(batch.id()).orElseThrow();
        } catch (RuntimeException e) {
            reader.interrupt();
            log.error("Import {} failed at a chunk; it can be resumed from its checkpoint", batch.id(), e);
            batches.status(batch.id(), ImportBatch.Status.INTERRUPTED, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            looking.shutdownNow();
            closeQuietly(extract);
        }
        if (profile.full() && !batch.dryRun()) {
            writer.timed("missing records", () -> {
                missing(batch, resumeAfter, writer, ownBatches);
                return null;
            });
        }
        ImportBatch done = completed(batch, rows, started, writer, manifest);
        manifests.write(done, manifest);
        return done;
    }

    /** An interruption while waiting for the reader's next chunk, through {@link ChunkWriter#timed}. */
    private static final class Waiting extends RuntimeException {
        Waiting(InterruptedException cause) {
            super(cause);
        }
    }

    /** At most this many missing records are named one by one in a run's report; all are counted and flagged. */
    static final int MISSING_LISTED = 10_000;

    /**
     * A full extract: the records its source sent before and this extract lacks are flagged (never
     * deleted), counted as {@code <kind>.missing} and listed in the run's report. A run resumed after a
     * crash has not seen the rows committed before it, so it cannot tell, and says so.
     */
    private void missing(ImportBatch batch, int resumeAfter, ChunkWriter writer, Set<String> ownBatches) {
        var outcome = new ChunkWriter.Outcome();
        if (resumeAfter > 0) {
            outcome.issues.add(Issue.warning(0, "missing-not-checked", null));
        } else {
            tx.executeWithoutResult(s -> {
                for (ImportedRecords.Kind kind : ExtractHistory.KEPT) {
                    if (writer.seen(kind).isEmpty()) {
                        continue; // the extract has no such records: it says nothing of them
                    }
                    List<String> missing = records.flagMissing(kind, batch.profileName(), ownBatches, writer.seen(kind),
                            batch.id());
                    outcome.add(kind.name().toLowerCase(Locale.ROOT) + ".missing", missing.size());
                    missing.stream().limit(MISSING_LISTED).forEach(id ->
                            outcome.issues.add(Issue.warning(0, "record-not-in-extract", null, kind.label(), id)));
                }
            });
        }
        tx.executeWithoutResult(s -> batches.checkpoint(batch.id(), batches.find(batch.id()).orElseThrow().committedThrough(),
                0, outcome, false));
    }


    /** The extract and a parser for its header; the extract is closed again when the header will not do. */
    private Opened open(Path file, MappingProfile profile) throws IOException, Extract.Unreadable {
        Extract extract = Extract.open(file, profile.format());
        try {
            return new Opened(extract, new RowParser(profile, extract.header(), reference));
        } catch (Extract.Unreadable e) {
            extract.close();
            throw e;
        }
    }

    /** Saves the notes on the file as a whole; gives people recorded before blocking keys existed their keys, for matching. */
    private void prepare(ImportBatch batch, Extract extract, int resumeAfter) {
        // Once per batch: a run that stopped before its first chunk has saved them already (and no row issue yet).
        if (resumeAfter == 0 && batches.issueCount(batch.id()) == 0) {
            tx.executeWithoutResult(s -> {
                batches.saveIssues(batch.id(), extract.fileNotes());
                extract.fileNotes().stream().filter(i -> i.code().equals("file-encoding")).findFirst()
                        .ifPresent(i -> batches.encoding(batch.id(), String.join(" ", i.args())));
            });
        }
        if (!batch.dryRun()) {
            tx.executeWithoutResult(s -> records.addMissingBlockKeys());
        }
    }

    /** Writes a chunk and its checkpoint in one transaction; returns the rows it held. */
    private int write(ImportBatch batch, Chunk chunk, ChunkWriter writer) {
        if (chunk.items().isEmpty()) {
            return 0;
        }
        tx.executeWithoutResult(s -> {
            ChunkWriter.Outcome outcome = writer.write(chunk.items(), chunk.ahead() == null ? null : chunk.ahead().join());
            batches.checkpoint(batch.id(), chunk.lastLine(), chunk.items().size(), outcome, batch.dryRun());
            // Timed on its own, so that the log line says what accounting for every row costs.
            writer.timed("row outcomes", () -> {
                batches.saveRows(batch.id(), outcome.rows);
                return null;
            });
        });
        return chunk.items().size();
    }

    private ImportBatch completed(ImportBatch batch, long rows, long started, ChunkWriter writer, ManifestRows manifest) {
        batches.status(batch.id(), ImportBatch.Status.COMPLETED, null);
        log.info("Import {} of {}: {} rows in {} s; {}, commit and checkpoint the rest; {}", batch.id(), batch.fileName(),
                rows - batch.read(), String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9),
                writer.timings(), manifest.summary());
        return batches.find(batch.id()).orElseThrow();
    }

    /** The reader's next chunk; a failure if the reader has ended without a last word (it died of an Error, say). */
    private static Chunk next(BlockingQueue<Chunk> queue, Thread reader) throws InterruptedException {
        while (true) {
            Chunk chunk = queue.poll(1, TimeUnit.SECONDS);
            if (chunk != null) {
                return chunk;
            }
            if (!reader.isAlive()) {
                chunk = queue.poll();
                return chunk != null ? chunk : new Chunk(List.of(), 0, 0, new IllegalStateException("reading stopped"));
            }
        }
    }

    /**
     * Reads, parses and validates the extract, a chunk at a time. Should anything fail (a bug, or memory
     * on a hostile file), the rows before it are handed over, then a failure chunk whose line is where
     * reading stopped; the run never waits for a reader that is gone.
     */
    private void read(Extract extract, RowParser parser, int resumeAfter, BlockingQueue<Chunk> queue,
                      Function<List<ChunkWriter.Item>, CompletableFuture<ChunkWriter.Ahead>> ahead) {
        var items = new ArrayList<ChunkWriter.Item>(chunkSize);
        int last = extract.headerLine();
        int failing = 0;
        try {
            Extract.SourceRow row;
            while (true) {
                failing = last + 1;
                if ((row = extract.next()) == null) {
                    break;
                }
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                int line = row.line() > 0 ? row.line() : last + 1;
                failing = line;
                if (row.line() <= 0) {
                    row = new Extract.SourceRow(line, row.cells(), row.problems().stream()
                            .map(i -> new Issue(line, i.severity(), i.code(), i.column(), i.args())).toList(), row.notes());
                }
                last = line;
                RowParser.Result result = parser.parse(row);
                if (line <= resumeAfter) {
                    continue; // committed by an earlier run; parsed only so that duplicates are still recognised
                }
                items.add(switch (result) {
                    case RowParser.Accepted a -> new ChunkWriter.Item(line, a.row(), a.row().warnings());
                    case RowParser.Rejected r -> new ChunkWriter.Item(line, null, r.issues());
                });
                if (items.size() == chunkSize) {
                    queue.put(new Chunk(items, line, extract.progress(), null, ahead.apply(items)));
                    items = new ArrayList<>(chunkSize);
                }
            }
            queue.put(new Chunk(items, last, 1, null, ahead.apply(items)));
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) { // an Error too (out of memory on a hostile file): the run must hear of it, not wait
            log.warn("Import reading stopped at line {}", failing, e);
            try {
                if (!items.isEmpty()) {
                    queue.put(new Chunk(items, items.getLast().line(), extract.progress(), null));
                }
                queue.put(new Chunk(List.of(), failing, 0, e));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What can be found of a chunk before it is matched (its hashes, and which of its records are as their
     * source left them), found here on the reading thread while the writing thread is busy with the chunk
     * before: on two cores the two overlap. Null, so that the writer finds it itself, should it fail.
     */
    private ChunkWriter.Ahead ahead(ChunkWriter writer, List<ChunkWriter.Item> items) {
        if (items.isEmpty() || !records.readableWhileWriting()) {
            return null;
        }
        try {
            return writer.ahead(items);
        } catch (RuntimeException e) {
            log.debug("Import: a chunk could not be looked at ahead; its writer will", e);
            return null;
        }
    }

    private ImportBatch fail(ImportBatch batch, Issue issue) {
        tx.executeWithoutResult(s -> {
            batches.saveIssues(batch.id(), List.of(issue));
            batches.status(batch.id(), ImportBatch.Status.FAILED, issue.code());
        });
        return batches.find(batch.id()).orElseThrow();
    }

    private static void closeQuietly(Extract extract) {
        try {
            extract.close();
        } catch (IOException e) {
            log.debug("closing an extract", e);
        }
    }
}
