package org.armstrace.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.armstrace.base.ContentStore;
import org.armstrace.graph.BatchTransactions;
import org.armstrace.graph.CypherParams;
import org.armstrace.graph.GraphProperties;
import org.armstrace.registry.FlaggedRecords;
import org.armstrace.registry.ImportedRecords;
import org.armstrace.registry.LostStolenRegister;
import org.armstrace.registry.RecordStore;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Legacy registry imports (PRODUCT.md journey 7): extracts in CSV or XLSX are kept as received,
 * read by a mapping profile, validated row by row, matched against the registry and written with
 * provenance, in chunks that commit together with a checkpoint. The same file with the same
 * profile is imported once; an interrupted import resumes from its checkpoint. Imports run one
 * at a time, in the background, with their progress readable meanwhile.
 */
@Service
public class RegistryImports {

    private static final Logger log = LoggerFactory.getLogger(RegistryImports.class);

    /** A file kept for import: its hash names it in the store. */
    public record StoredFile(String sha256, String fileName, long size) {
    }

    /** A started (or found) batch; {@code repeated} when this file was already imported with this profile. */
    public record Started(ImportBatch batch, boolean repeated) {
    }

    /** How far a running import has got: a fraction of the file (-1 when unknown), rows so far, rows/s. */
    public record Progress(String batchId, double fraction, long rows, double rowsPerSecond) {
    }

    private final ImportBatches batches;
    private final IssueReport report;
    private final ImportedRecords records;
    private final ReferenceData reference;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Neo4jClient neo4j;
    private final ContentStore files;
    private final Path mappingsDir;
    private final long maxBytes;
    private final int chunkSize;
    private final ImportMetrics metrics;
    private final LostStolenRegister lostStolen;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("registry-import").daemon().factory());
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();
    /** Batches a run of this process has claimed, from {@link #prepare} to the run's end: never two runs of one batch. */
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    /**
     * How long a RUNNING batch that shows no sign of life (a start, a checkpoint) is still taken to be
     * another process's: a chunk is committed every few seconds. Only a database server is shared by
     * processes; the embedded store is locked to one.
     */
    static final Duration LEASE = Duration.ofMinutes(10);
    private final GraphProperties.Mode mode;
    private final ExtractManifests manifests;

    RegistryImports(ImportBatches batches, IssueReport report, ImportedRecords records, ReferenceData reference, BatchTransactions batch,
                    AuditLog audit, Neo4jClient neo4j, GraphProperties graph, ImportMetrics metrics, LostStolenRegister lostStolen,
                    FlaggedRecords flagged,
                    @Value("${armstrace.import.mappings-dir:import/mappings}") Path mappingsDir,
                    @Value("${armstrace.import.max-file-size:2GB}") DataSize maxSize,
                    @Value("${armstrace.import.chunk-rows:" + ImportRun.CHUNK + "}") int chunkSize) {
        this.batches = batches;
        this.report = report;
        this.records = records;
        this.reference = reference;
        // Chunks of thousands of rows and the staging work around them: the batch limit, not the interactive one.
        this.tx = batch.writes();
        this.audit = audit;
        this.neo4j = neo4j;
        this.files = new ContentStore(graph.dataDir().resolve("imports"));
        this.mode = graph.mode();
        // Beside the kept extracts; a first load's (staged) runs write theirs here too, moved with the extracts.
        this.manifests = new ExtractManifests(graph.dataDir().resolve(ExtractManifests.DIR), flagged, batches);
        this.mappingsDir = mappingsDir;
        this.maxBytes = maxSize.toBytes();
        this.chunkSize = chunkSize;
        this.metrics = metrics;
        this.lostStolen = lostStolen;
    }

    public long maxFileSize() {
        return maxBytes;
    }

    /**
     * The profiles to choose from: the shipped ones in {@code import/mappings/}, each replaced by
     * its latest saved version when one was edited here. A broken shipped file is skipped and logged.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public List<MappingProfile> profiles() {
        var byName = new LinkedHashMap<String, MappingProfile>();
        if (Files.isDirectory(mappingsDir)) {
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(mappingsDir, "*.json")) {
                var paths = new ArrayList<Path>();
                dir.forEach(paths::add);
                paths.sort(null);
                for (Path p : paths) {
                    try {
                        MappingProfile m = MappingProfile.parse(Files.readString(p, StandardCharsets.UTF_8));
                        byName.put(m.name(), m);
                    } catch (MappingProfile.ProfileInvalid | IOException e) {
                        log.warn("Mapping profile {} skipped: {}", p, e.getMessage());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        neo4j.query("""
                        MATCH (m:MappingProfile)
                        WITH m.name AS name, max(m.version) AS version
                        MATCH (p:MappingProfile {name: name, version: version})
                        RETURN p.json AS json ORDER BY name
                        """)
                .fetchAs(String.class).all().forEach(json -> {
                    MappingProfile m = MappingProfile.parse(json);
                    byName.put(m.name(), m);
                });
        return List.copyOf(byName.values());
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Optional<MappingProfile> profile(String name) {
        return profiles().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Saves an edited profile as a new version; earlier versions stay, and batches keep the copy they ran with. */
    @PreAuthorize("hasRole('ADMIN')")
    public MappingProfile saveProfile(MappingProfile profile) {
        profile.check();
        String json = profile.toJson();
        tx.executeWithoutResult(s -> {
            neo4j.query("""
                            OPTIONAL MATCH (old:MappingProfile {name: $name})
                            WITH coalesce(max(old.version), 0) + 1 AS version
                            CREATE (:MappingProfile {name: $name, version: version, json: $json, savedBy: $by, savedAt: datetime()})
                            """)
                    .bindAll(CypherParams.of("name", profile.name(), "json", json, "by", AuditLog.currentActor())).run();
            audit.record("import.profile-saved", List.of("MappingProfile:" + profile.name()), profile.kind().name());
        });
        return profile;
    }

    /** Keeps an uploaded extract as received (by content hash); nothing is read from it yet. */
    @PreAuthorize("hasRole('ADMIN')")
    public StoredFile store(String fileName, InputStream content) {
        String sha = files.put(content, maxBytes);
        try {
            return new StoredFile(sha, cleanName(fileName), Files.size(files.path(sha)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file name safe to show and to put in provenance: no path, no control characters, not too long. */
    static String cleanName(String fileName) {
        String name = fileName == null ? "extract" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}#]", "_").strip();
        if (name.length() > 120) {
            name = name.substring(name.length() - 120);
        }
        return name.isEmpty() ? "extract" : name;
    }

    /**
     * Starts an import (or a dry run, which validates and matches but writes nothing to the
     * registry) in the background. The same file with the same profile, imported before, is not
     * imported again: the earlier batch is returned, resumed if it was interrupted.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Started start(StoredFile file, MappingProfile profile, boolean dryRun) {
        Prepared p = prepare(file, profile, dryRun);
        if (p.run()) {
            SecurityContext context = SecurityContextHolder.getContext();
            runner.submit(() -> execute(p.batch(), profile, context));
        }
        return new Started(p.batch(), p.repeated());
    }

    /** The earlier import of this file with this profile that did not finish, if any: the next start resumes it. */
    @PreAuthorize("hasRole('ADMIN')")
    public Optional<ImportBatch> unfinished(StoredFile file, MappingProfile profile) {
        return batches.sameImport(file.sha256(), profile.hash()).filter(b -> !b.finished());
    }

    /** The same, on the calling thread (command line, tests); returns when the batch has ended. */
    @PreAuthorize("hasRole('ADMIN')")
    public Started runNow(StoredFile file, MappingProfile profile, boolean dryRun,
                          Consumer<Progress> listener) {
        Prepared p = prepare(file, profile, dryRun);
        if (!p.run()) {
            return new Started(p.batch(), p.repeated());
        }
        try {
            return new Started(run(p.batch(), profile, records, listener), p.repeated());
        } finally {
            claimed.remove(p.batch().id());
        }
    }

    /**
     * Imports the file into records staged for the first load of an empty store ({@link InitialLoad})
     * instead of the graph, on the calling thread. The batch, its issues and decisions are recorded
     * as usual; a file named twice is imported once.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public ImportBatch runStaged(StoredFile file, MappingProfile profile, RecordStore store,
                                 Consumer<Progress> listener) {
        Prepared p = prepare(file, profile, false);
        if (!p.run()) {
            return p.batch();
        }
        try {
            return run(p.batch(), profile, store, listener);
        } finally {
            claimed.remove(p.batch().id());
        }
    }

    private record Prepared(ImportBatch batch, boolean repeated, boolean run) {
    }

    private synchronized Prepared prepare(StoredFile file, MappingProfile profile, boolean dryRun) {
        profile.check();
        if (!dryRun) {
            // A failed attempt (unreadable file, a read error mid-way) may be tried again: writes are idempotent.
            Optional<ImportBatch> earlier = batches.sameImport(file.sha256(), profile.hash())
                    .filter(b -> b.status() != ImportBatch.Status.FAILED);
            if (earlier.isPresent()) {
                ImportBatch b = earlier.get();
                boolean resume = !b.finished() && !runElsewhere(b) && claimed.add(b.id());
                tx.executeWithoutResult(s -> audit.record("import.repeated", List.of("ImportBatch:" + b.id()),
                        file.fileName() + (resume ? "; resuming" : "; already " + b.status())));
                return new Prepared(b, true, resume);
            }
        }
        String id = UUID.randomUUID().toString();
        tx.executeWithoutResult(s -> {
            batches.create(id, file.fileName(), file.sha256(), file.size(), profile, dryRun);
            audit.record(dryRun ? "import.dry-run" : "import.started", List.of("ImportBatch:" + id),
                    file.fileName() + " with profile " + profile.name());
        });
        claimed.add(id);
        return new Prepared(batches.find(id).orElseThrow(), false, true);
    }

    /** Whether another process runs the batch now: RUNNING, not here, on a shared server, and alive of late. */
    private boolean runElsewhere(ImportBatch b) {
        if (mode == GraphProperties.Mode.EMBEDDED || b.status() != ImportBatch.Status.RUNNING || claimed.contains(b.id())) {
            return false; // the embedded store is this process's alone: no need to ask when the batch was alive
        }
        return runElsewhere(mode, batches.aliveAt(b.id()), Instant.now());
    }

    static boolean runElsewhere(GraphProperties.Mode mode, Instant aliveAt, Instant now) {
        return mode == GraphProperties.Mode.EXTERNAL && aliveAt != null && aliveAt.plus(LEASE).isAfter(now);
    }

    private void execute(ImportBatch batch, MappingProfile profile, SecurityContext context) {
        SecurityContextHolder.setContext(context);
        try {
            run(batch, profile, records, p -> {
            });
        } catch (RuntimeException e) {
            log.error("Import {} stopped", batch.id(), e);
        } finally {
            claimed.remove(batch.id());
            SecurityContextHolder.clearContext();
        }
    }

    private ImportBatch run(ImportBatch batch, MappingProfile profile, RecordStore store,
                            Consumer<Progress> listener) {
        progress.put(batch.id(), new Progress(batch.id(), 0, batch.read(), 0));
        try {
            if (batch.status() != ImportBatch.Status.RUNNING) {
                batches.status(batch.id(), ImportBatch.Status.RUNNING, null);
            }
            long started = System.nanoTime();
            ImportBatch done;
            try {
                done = new ImportRun(batches, store, reference, tx, chunkSize, manifests).run(batch, files.path(batch.sha256()),
                        profile, p -> {
                            progress.put(batch.id(), p);
                            listener.accept(p);
                        });
            } catch (RuntimeException e) {
                metrics.ran(batch, "interrupted", 0, Duration.ofNanos(System.nanoTime() - started));
                throw e;
            }
            if (store == records && !done.dryRun()) {
                try {
                    checkReports();
                } catch (RuntimeException e) {
                    // The batch is written; the reports left without history are the next run's to check.
                    log.error("The lost/stolen check after import {} stopped; the next import checks the rest", batch.id(), e);
                }
            }
            metrics.ran(batch, done.status().name().toLowerCase(Locale.ROOT), Math.max(0, done.read() - batch.read()),
                    Duration.ofNanos(System.nanoTime() - started));
            tx.executeWithoutResult(s -> audit.record("import." + done.status().name().toLowerCase(Locale.ROOT),
                    List.of("ImportBatch:" + done.id()), done.read() + " read = " + done.accepted() + " accepted + "
                            + done.rejected() + " rejected"));
            return done;
        } finally {
            progress.remove(batch.id());
        }
    }

    /**
     * The lost/stolen reports imported without their history are given it and checked against the
     * records, as one filed at the desk is: what an import into the graph ends with, after its last
     * chunk, and what the first load ends with on its new store (the staged records cannot be
     * searched). Any report a stopped run left unchecked is checked by the next.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public LostStolenRegister.Checked checkReports() {
        long t0 = System.nanoTime();
        LostStolenRegister.Checked c = lostStolen.checkImported();
        if (c.reports() > 0) {
            log.info("Lost/stolen check: {} imported report(s) checked, {} may be {} record(s) on file, in {} ms", c.reports(),
                    c.matched(), c.links(), (System.nanoTime() - t0) / 1_000_000);
        }
        return c;
    }

    /** How far a running batch has got; empty when it is not running in this process. */
    @PreAuthorize("hasRole('ADMIN')")
    public Optional<Progress> progress(String batchId) {
        return Optional.ofNullable(progress.get(batchId));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<ImportBatch> history(int limit) {
        return batches.latest(Math.max(1, Math.min(limit, 500)));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Optional<ImportBatch> batch(String id) {
        return batches.find(id);
    }

    /** The profile a batch ran with, as it was then. */
    @PreAuthorize("hasRole('ADMIN')")
    public MappingProfile profileOf(String batchId) {
        return MappingProfile.parse(batches.profileJson(batchId));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<Issue> issues(String batchId, int offset, int limit) {
        List<Issue> page = batches.issues(batchId, Math.max(0, offset), Math.max(1, Math.min(limit, 1_000)));
        report.shown(batchId, Math.max(0, offset), page.size());
        return page;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public long issueCount(String batchId) {
        return batches.issueCount(batchId);
    }

    /** The batch's issue report (every rejected row and every warning, in line order) in the reader's language. */
    @PreAuthorize("hasRole('ADMIN')")
    public void writeReport(String batchId, IssueReport.Format format, Locale locale, OutputStream out)
            throws IOException {
        ImportBatch batch = batches.find(batchId).orElseThrow(() -> new IllegalArgumentException("No batch " + batchId));
        report.write(batch, format, locale, each -> batches.eachIssue(batchId, batch.committedThrough(), each), out);
    }

    /**
     * Batches left RUNNING by a process that died (a crash, {@code kill -9}, a power cut) are
     * marked INTERRUPTED; with {@code resume}, they are started again from their checkpoint.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public synchronized List<ImportBatch> recoverInterrupted(boolean resume) {
        var found = new ArrayList<ImportBatch>();
        for (ImportBatch b : batches.withStatus(ImportBatch.Status.RUNNING)) {
            if (runElsewhere(b)) {
                log.info("Import {} of {} is running in another process (alive within {}); left to it", b.id(),
                        b.fileName(), LEASE);
            } else if (!claimed.contains(b.id())) {
                batches.status(b.id(), ImportBatch.Status.INTERRUPTED, null);
                found.add(b);
            }
        }
        if (resume) {
            SecurityContext context = SecurityContextHolder.getContext();
            for (ImportBatch b : batches.withStatus(ImportBatch.Status.INTERRUPTED)) {
                if (claimed.add(b.id())) {
                    MappingProfile profile = MappingProfile.parse(batches.profileJson(b.id()));
                    ImportBatch current = batches.find(b.id()).orElseThrow();
                    runner.submit(() -> execute(current, profile, context));
                }
            }
        }
        return found;
    }
}
