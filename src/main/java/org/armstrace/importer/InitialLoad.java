package org.armstrace.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.armstrace.graph.BatchTransactions;
import org.armstrace.graph.GraphProperties;
import org.armstrace.graph.OfflineLoad;
import org.armstrace.graph.OfflineStores;
import org.armstrace.registry.ImportedRecords;
import org.armstrace.security.AuditLog;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first load of a new installation: registry extracts far too large for transactions, written
 * with Neo4j's offline importer. The application runs on a staging store (see
 * {@code GraphPreflight}), where migrations and reference data are set up as on any start. Each
 * extract is validated and matched exactly as an ordinary import does, batch, checkpoints, issues
 * and decisions included; only the registry records go to {@link StagedRecords} instead of the
 * graph. The staging store is then copied, with the staged records, into the files of one
 * {@code neo4j-admin database import full} into the real data directory, which must not hold a
 * database yet, and the new store gets the schema.
 *
 * <p>The staged records cannot be searched, so the lost/stolen reports' history and check, which an
 * import into the graph ends with, come after the load: {@code ArmsTraceApplication.runCommand}
 * then starts the application on the new store to run {@link ImportCommand#checkReports}.
 *
 * <p>Nothing reaches the real data directory before every extract has been read. A load killed
 * while the offline importer runs leaves a marker, and the same command then replaces what that
 * import left.
 *
 * <p>Reads registry's {@code :Country} and {@code :Organisation} once in its own Cypher, to know
 * their node ids before the offline import writes the extracts' rows (owners:
 * graph-model/README.md).
 */
@Component
public class InitialLoad {

    public static final String NAME = GraphProperties.INITIAL_LOAD_COMMAND;

    /** An extract and the profile that reads it. */
    public record Input(Path file, MappingProfile profile) {
    }

    /** The load did not start, or stopped before writing anything; {@code exitCode} for the command line. */
    public static final class Refused extends RuntimeException {
        private final int exitCode;

        Refused(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /**
     * What the load did: rows read, the new store's size, where the time went, and whether it
     * replaced what an interrupted offline import had left.
     */
    public record Result(long rows, long nodes, long relationships, double stageSeconds,
                         double offlineSeconds, double schemaSeconds, boolean replacedInterrupted) {
    }

    private final RegistryImports imports;
    private final ImportedRecords graph;
    private final Neo4jClient neo4j;
    private final ObjectProvider<DatabaseManagementService> dbms;
    private final GraphProperties properties;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final String target;

    InitialLoad(RegistryImports imports, ImportedRecords graph, Neo4jClient neo4j, ObjectProvider<DatabaseManagementService> dbms,
                GraphProperties properties, AuditLog audit, BatchTransactions batch,
                @Value("${" + GraphProperties.INITIAL_LOAD_TARGET + ":}") String target) {
        this.imports = imports;
        this.graph = graph;
        this.neo4j = neo4j;
        this.dbms = dbms;
        this.properties = properties;
        this.audit = audit;
        this.tx = batch.writes();
        this.target = target;
    }

    /** The data directory being loaded into. */
    public Path target() {
        if (target.isBlank() || properties.mode() != GraphProperties.Mode.EMBEDDED) {
            throw new Refused("The first load writes the embedded database's files, so it runs only on the embedded "
                    + "database (armstrace.neo4j.mode=embedded), started as 'initial-load'.", 2);
        }
        return Path.of(target);
    }

    /** Loads the extracts, in order, into the new store; every batch must complete or nothing is written. */
    public Result load(List<Input> inputs, Consumer<RegistryImports.Progress> progress, Consumer<ImportBatch> finished) {
        Path dataDir = target();
        Path store = GraphProperties.storeDir(dataDir);
        Path work = GraphProperties.initialLoadDir(dataDir);
        Path marker = work.resolve("IMPORTING");
        boolean crashedDuringImport = Files.exists(marker);
        if (Files.exists(OfflineStores.databaseDirectory(store, properties.database())) && !crashedDuringImport) {
            throw new Refused("The data directory " + dataDir + " already holds a database. The first load is for a new "
                    + "installation; import further extracts with 'import'.", 2);
        }
        long t0 = System.nanoTime();
        try {
            OfflineStores.deleteTree(work.resolve("files")); // what an earlier, failed load wrote
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var load = new OfflineLoad(work.resolve("files"));
        var batches = new ArrayList<ImportBatch>();
        OfflineStores.Schema schema;
        try {
            schema = stageExtracts(inputs, progress, finished, dataDir, load, batches);
        } finally {
            load.close();
        }
        double stage = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        try {
            Files.writeString(marker, "neo4j-admin database import full started; if this file remains, run the same "
                    + "command again: it replaces what the interrupted import left.\n");
            OfflineStores.importFull(store, properties.database(), load, crashedDuringImport,
                    Runtime.getRuntime().availableProcessors(), "1G");
            double offline = (System.nanoTime() - t1) / 1e9;
            long t2 = System.nanoTime();
            OfflineStores.finish(store, properties.database(), properties.pageCache().toBytes(), schema, load);
            double schemaSeconds = (System.nanoTime() - t2) / 1e9;
            keepExtracts(dataDir, "imports");
            // Each source's manifest of the extract loaded here: its first re-import knows its unchanged rows from it.
            keepExtracts(dataDir, ExtractManifests.DIR);
            Files.delete(marker);
            OfflineStores.deleteTree(load.directory());
            return new Result(batches.stream().mapToLong(ImportBatch::read).sum(), load.nodes(), load.relationships(), stage,
                    offline, schemaSeconds, crashedDuringImport);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Imports every extract, in order, into the staged records, then copies the staging store into the
     * load; returns the schema the new store is to get. An extract whose batch does not complete stops the load.
     */
    private OfflineStores.Schema stageExtracts(List<Input> inputs, Consumer<RegistryImports.Progress> progress,
                                               Consumer<ImportBatch> finished, Path dataDir, OfflineLoad load,
                                               List<ImportBatch> batches) {
        var staged = new StagedRecords(graph, load, copiedNodes(load), graph.organisationsByCode());
        for (Input in : inputs) {
            ImportBatch b = stageExtract(in, staged, progress);
            finished.accept(b);
            batches.add(b);
            if (b.status() != ImportBatch.Status.COMPLETED) {
                throw new Refused("The extract " + in.file() + " could not be imported (" + b.status()
                        + "); nothing was written to " + dataDir + ".", 1);
            }
        }
        staged.finish();
        long rows = batches.stream().mapToLong(ImportBatch::read).sum();
        tx.executeWithoutResult(s -> audit.record("import.initial-load", batches.stream().map(b -> "ImportBatch:" + b.id()).toList(),
                rows + " rows from " + batches.size() + " extracts, into a new store with the offline importer"));
        return OfflineStores.copy(dbms.getObject().database(properties.database()), load, properties.batchTransactionTimeout());
    }

    /** Stores one extract as received and imports it, as an ordinary import would, into the staged records. */
    private ImportBatch stageExtract(Input in, StagedRecords staged, Consumer<RegistryImports.Progress> progress) {
        RegistryImports.StoredFile stored;
        try (InputStream content = Files.newInputStream(in.file())) {
            stored = imports.store(in.file().getFileName().toString(), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return imports.runStaged(stored, in.profile(), staged, progress);
    }

    /** After the application has stopped: the staging store is of no further use. */
    public static void removeStaging(Path dataDir) {
        try {
            OfflineStores.deleteTree(GraphProperties.stagingDir(dataDir));
        } catch (IOException e) {
            System.err.println("The staging directory could not be removed: " + e.getMessage());
        }
    }

    /** Countries and organisations already in the staging store, as the load will know them. */
    private Map<String, Long> copiedNodes(OfflineLoad load) {
        var copied = new HashMap<String, Long>();
        neo4j.query("""
                        MATCH (c:Country) RETURN 'Country:' + c.code AS key, elementId(c) AS element
                        UNION ALL
                        MATCH (o:Organisation) RETURN 'Organisation:' + o.id AS key, elementId(o) AS element
                        """)
                .fetch().all().forEach(r -> copied.put((String) r.get("key"),
                        OfflineStores.copiedId(load, (String) r.get("element"))));
        return copied;
    }

    /** The extracts as received (or their manifests), next to the batches that name them, in the real data directory. */
    private void keepExtracts(Path dataDir, String dir) throws IOException {
        Path from = properties.dataDir().resolve(dir);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = dataDir.resolve(dir).resolve(from.relativize(f).toString());
                Files.createDirectories(to.getParent());
                if (!Files.exists(to)) {
                    Files.move(f, to, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
    }
}
