package org.armstrace.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store as files, while no database runs on them: whether something has it open, what
 * it holds (counts per label and relationship type), and Neo4j's own {@code neo4j-admin database
 * dump} and {@code load}, run in this process from the embedded Neo4j jars as {@link OfflineStores}
 * runs the import.
 */
public final class EmbeddedStoreFiles {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreFiles.class);

    /** What a store holds: nodes per label and relationships per type, each sorted by name. */
    public record Counts(long nodes, long relationships, SortedMap<String, Long> labels,
                         SortedMap<String, Long> relationshipTypes) {
    }

    /** neo4j-admin ended with an error; the message carries the end of what it printed. */
    public static final class AdminFailed extends RuntimeException {
        AdminFailed(String message) {
            super(message);
        }
    }

    private EmbeddedStoreFiles() {
    }

    /** Whether the store has a database of that name (files written by a start, an import or a load). */
    public static boolean hasDatabase(Path storeDir, String database) {
        return Files.isDirectory(OfflineStores.databaseDirectory(storeDir, database));
    }

    /**
     * Whether a running Neo4j (this application, in this or another process) holds the store's lock.
     * Neo4j locks {@code data/databases/store_lock} for as long as the DBMS runs; a lock we can take
     * is free. A dump of a store in use would not be consistent, and a load into it would corrupt it.
     */
    public static boolean inUse(Path storeDir) {
        Path lockFile = storeDir.resolve("data").resolve("databases").resolve("store_lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            // This JVM runs the database itself: only in tests, since the commands run in a process of their
            // own. (Closing our channel then drops the process's POSIX lock on the file; Neo4j keeps running.)
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("The store lock " + lockFile + " cannot be checked", e);
        }
    }

    /**
     * Opens the store without any connector, counts, and shuts it down. Opening also replays what a
     * crashed process left in the transaction log, which a dump needs (it refuses a store that needs recovery).
     */
    public static Counts counts(Path storeDir, String database, long pageCache) {
        DatabaseManagementService dbms = EmbeddedGraphConfiguration.builder(storeDir, pageCache).build();
        try {
            return counts(dbms.database(database));
        } finally {
            dbms.shutdown();
        }
    }

    /**
     * Nodes per label and relationships per type, from Neo4j's count store (one lookup each). The names
     * come from the store's own token tables, quoted as identifiers.
     */
    public static Counts counts(GraphDatabaseService db) {
        try (Transaction tx = db.beginTx()) {
            var labels = new TreeMap<String, Long>();
            for (Label label : tx.getAllLabelsInUse()) {
                labels.put(label.name(), count(tx, "MATCH (n:" + quote(label.name()) + ") RETURN count(n) AS c"));
            }
            var types = new TreeMap<String, Long>();
            for (RelationshipType type : tx.getAllRelationshipTypesInUse()) {
                types.put(type.name(), count(tx, "MATCH ()-[r:" + quote(type.name()) + "]->() RETURN count(r) AS c"));
            }
            long nodes = count(tx, "MATCH (n) RETURN count(n) AS c");
            long relationships = count(tx, "MATCH ()-[r]->() RETURN count(r) AS c");
            tx.commit();
            labels.values().removeIf(c -> c == 0);
            types.values().removeIf(c -> c == 0);
            return new Counts(nodes, relationships, labels, types);
        }
    }

    private static long count(Transaction tx, String cypher) {
        return ((Number) tx.execute(cypher).next().get("c")).longValue();
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** {@code neo4j-admin database dump}: writes {@code <database>.dump} into {@code toDir}; returns that file. */
    public static Path dump(Path storeDir, String database, Path toDir) {
        admin(storeDir, toDir, List.of("database", "dump", database, "--to-path=" + toDir));
        return toDir.resolve(database + ".dump");
    }

    /**
     * {@code neo4j-admin database load} of {@code <database>.dump} from {@code fromDir} into a store
     * that has no such database yet (never over an existing one: the caller moves that aside first).
     */
    public static void load(Path storeDir, String database, Path fromDir) {
        admin(storeDir, fromDir, List.of("database", "load", database, "--from-path=" + fromDir,
                "--overwrite-destination=false"));
    }

    private static void admin(Path storeDir, Path workDir, List<String> args) {
        var output = new ByteArrayOutputStream();
        int rc;
        try (var out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            // An empty configuration directory: the defaults put the databases under <store>/data, as embedded does.
            Path conf = Files.createDirectories(workDir.resolve("conf"));
            rc = AdminTool.execute(new ExecutionContext(storeDir, conf, out, out, new DefaultFileSystemAbstraction()),
                    args.toArray(String[]::new));
            Files.deleteIfExists(conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = output.toString(StandardCharsets.UTF_8);
        log.info("neo4j-admin {}: exit {}\n{}", String.join(" ", args.subList(0, 3)), rc, text);
        if (rc != 0) {
            String tail = text.length() > 2000 ? text.substring(text.length() - 2000) : text;
            throw new AdminFailed("neo4j-admin " + String.join(" ", args.subList(0, 2)) + " ended with " + rc + ": "
                    + tail.strip());
        }
    }
}
