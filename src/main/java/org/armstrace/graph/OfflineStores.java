package org.armstrace.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.api.impl.index.lucene.LuceneSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Filling an embedded store that does not exist yet with {@code neo4j-admin database import full}:
 * copying a running store's content into the files of an {@link OfflineLoad}, running the import,
 * then giving the new store its schema. Only for the embedded store, whose files this process owns.
 */
public final class OfflineStores {

    private static final Logger log = LoggerFactory.getLogger(OfflineStores.class);
    /** Segments of one size merged at once while the new store's full-text indexes are populated (Neo4j's default: 2). */
    private static final int POPULATION_MERGE_FACTOR = 50;
    /** Segments of one size merged at once in the first pass of {@link #settleFullTextIndexes}. */
    private static final int SETTLING_MERGE_FACTOR = 10;

    /** What the import cannot carry: the schema, replayed on the new store. */
    public record Schema(List<String> statements) {
    }

    public static final class ImportFailed extends RuntimeException {
        ImportFailed(String message) {
            super(message);
        }

        ImportFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private OfflineStores() {
    }

    /** The id a node of a copied store gets in the load, so that new relationships can point at it before the copy. */
    public static long copiedId(OfflineLoad load, String elementId) {
        return load.id("copied:" + elementId);
    }

    /** Deletes a directory and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Where an embedded database's files are under the store directory. */
    public static Path databaseDirectory(Path storeDir, String database) {
        return storeDir.resolve("data").resolve("databases").resolve(database);
    }

    /** Writes every node and relationship of the database into the load; returns its schema. */
    public static Schema copy(GraphDatabaseService db, OfflineLoad load) {
        return copy(db, load, Duration.ZERO);
    }

    /**
     * As {@link #copy(GraphDatabaseService, OfflineLoad)}, in one read transaction of at most
     * {@code timeout} (zero: the database's default): a staging store runs with the interactive
     * default, which a copy of a whole registry would outlast.
     */
    public static Schema copy(GraphDatabaseService db, OfflineLoad load, Duration timeout) {
        var statements = new ArrayList<String>();
        try (Transaction tx = timeout.isZero() ? db.beginTx() : db.beginTx(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            try (ResourceIterator<Node> nodes = tx.getAllNodes().iterator()) {
                while (nodes.hasNext()) {
                    Node n = nodes.next();
                    var labels = new ArrayList<String>();
                    n.getLabels().forEach(l -> labels.add(l.name()));
                    load.node(copiedId(load, n.getElementId()), labels, n.getAllProperties());
                }
            }
            try (ResourceIterator<Relationship> relationships = tx.getAllRelationships().iterator()) {
                while (relationships.hasNext()) {
                    Relationship r = relationships.next();
                    load.relationship(copiedId(load, r.getStartNode().getElementId()), r.getType().name(),
                            copiedId(load, r.getEndNode().getElementId()), r.getAllProperties());
                }
            }
            // Full-text indexes first: their population is the longest (Lucene), and an index is populated in
            // the background while the statements after it run, so the others are built beside it. Constraints
            // before the other indexes, since a constraint brings its own index and would clash with a copy.
            tx.execute("""
                            SHOW INDEXES YIELD createStatement, type, owningConstraint
                            WHERE owningConstraint IS NULL AND type = 'FULLTEXT'
                            RETURN createStatement""")
                    .forEachRemaining(r -> statements.add((String) r.get("createStatement")));
            tx.execute("SHOW CONSTRAINTS YIELD createStatement RETURN createStatement")
                    .forEachRemaining(r -> statements.add((String) r.get("createStatement")));
            tx.execute("""
                            SHOW INDEXES YIELD createStatement, type, owningConstraint
                            WHERE owningConstraint IS NULL AND NOT type IN ['LOOKUP', 'FULLTEXT']
                            RETURN createStatement""")
                    .forEachRemaining(r -> statements.add((String) r.get("createStatement")));
            tx.commit();
        }
        return new Schema(List.copyOf(statements));
    }

    /**
     * Runs {@code neo4j-admin database import full} into the embedded store directory. The
     * database must not exist unless {@code overwrite} (a load that died during this step).
     */
    public static void importFull(Path storeDir, String database, OfflineLoad load, boolean overwrite, int threads,
                                  String offHeap) {
        var args = new ArrayList<>(List.of("database", "import", "full", database,
                "--overwrite-destination=" + overwrite, "--threads=" + threads, "--max-off-heap-memory=" + offHeap,
                "--report-file=" + load.directory().resolve("import.report")));
        args.addAll(load.arguments());
        var output = new ByteArrayOutputStream();
        int rc;
        try (var out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            Path conf = Files.createDirectories(load.directory().resolve("conf"));
            rc = AdminTool.execute(new ExecutionContext(storeDir, conf, out, out, new DefaultFileSystemAbstraction()),
                    args.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = output.toString(StandardCharsets.UTF_8);
        log.info("neo4j-admin database import full: exit {}\n{}", rc, text);
        if (rc != 0) {
            String tail = text.length() > 4000 ? text.substring(text.length() - 4000) : text;
            throw new ImportFailed("neo4j-admin database import full ended with " + rc + ": " + tail.strip());
        }
    }

    /**
     * Opens the new store once: restores the empty lists the files of {@code load} could not carry
     * (a scan of every node, so only when there are any), creates the schema and waits until every
     * index is online.
     */
    public static void finish(Path storeDir, String database, long pageCache, Schema schema, OfflineLoad load) {
        // Neo4j's Lucene writers merge segments two at a time, so a full-text index populated from a large
        // store is rewritten over and over: on S, 40 % of the serial neighbourhood index's time went to merges.
        // For this one population a higher factor leaves a few more segments (14 on S), which
        // settleFullTextIndexes then merges as the running database would. Measured in src/bench/README.md.
        DatabaseManagementService dbms = EmbeddedGraphConfiguration.builder(storeDir, pageCache)
                .setConfig(LuceneSettings.lucene_merge_factor, POPULATION_MERGE_FACTOR).build();
        try {
            GraphDatabaseService db = dbms.database(database);
            if (load.hasListsToRestore()) {
                restoreLists(db);
            }
            for (String statement : schema.statements()) {
                db.executeTransactionally(statement);
            }
            db.executeTransactionally("CALL db.awaitIndexes(86400)");
        } finally {
            dbms.shutdown();
        }
        settleFullTextIndexes(storeDir, database, pageCache);
    }

    /**
     * Has the full-text indexes merged now as the running database's writers would merge them, and returns
     * how many segments they had before and after. The population's higher merge factor leaves segments of one
     * size that Neo4j's standard factor (2) merges pairwise, level by level, at the first write to the index:
     * on S that cascade ran during the first monthly re-import and took half of its firearms file. It
     * belongs to the load, so the load pays it, before anyone works on the store. First ten segments of a size
     * are merged at once, which writes each byte once where pairs would write it four times over; then the
     * standard factor leaves what the running database will not merge again. A write is what starts a Lucene
     * writer's merges, hence one throwaway entity per index, created and deleted before the store is first
     * opened for use; closing the writers at shutdown waits for their merges.
     */
    public static Segments settleFullTextIndexes(Path storeDir, String database, long pageCache) {
        int before = FullTextSegments.count(storeDir, database);
        FullTextSegments.merge(EmbeddedGraphConfiguration.builder(storeDir, pageCache)
                .setConfig(LuceneSettings.lucene_merge_factor, SETTLING_MERGE_FACTOR).build(), database);
        FullTextSegments.merge(EmbeddedGraphConfiguration.builder(storeDir, pageCache).build(), database);
        var segments = new Segments(before, FullTextSegments.count(storeDir, database));
        log.info("Full-text indexes merged as the running database would: {} segments before, {} after",
                segments.before(), segments.after());
        return segments;
    }

    /** The full-text indexes' Lucene segments before and after {@link #settleFullTextIndexes}. */
    public record Segments(int before, int after) {
    }

    /** The value each marker property's keys are restored to ({@link OfflineLoad#EMPTY_LISTS}, …). */
    private static final Map<String, String[]> RESTORED = Map.of(OfflineLoad.EMPTY_LISTS, new String[0],
            OfflineLoad.BLANK_LISTS, new String[]{""});

    /** Sets each key a marker property names to the list it stands for, and removes the markers: one scan of the store. */
    private static void restoreLists(GraphDatabaseService db) {
        var marked = new ArrayList<String>();
        db.executeTransactionally("MATCH (n) WHERE n." + OfflineLoad.EMPTY_LISTS + " IS NOT NULL OR n." + OfflineLoad.BLANK_LISTS
                        + " IS NOT NULL RETURN elementId(n) AS id", Map.of(), r -> {
                    r.forEachRemaining(row -> marked.add((String) row.get("id")));
                    return null;
                });
        for (int from = 0; from < marked.size(); from += 10_000) {
            try (Transaction tx = db.beginTx()) {
                for (String id : marked.subList(from, Math.min(marked.size(), from + 10_000))) {
                    Node n = tx.getNodeByElementId(id);
                    RESTORED.forEach((marker, value) -> {
                        if (n.hasProperty(marker)) {
                            for (String key : (String[]) n.getProperty(marker)) {
                                n.setProperty(key, value.clone());
                            }
                            n.removeProperty(marker);
                        }
                    });
                }
                tx.commit();
            }
        }
    }
}
