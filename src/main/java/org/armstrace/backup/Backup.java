package org.armstrace.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.armstrace.graph.EmbeddedStoreFiles;
import org.armstrace.graph.GraphProperties;
import org.armstrace.graph.OfflineStores;
import org.neo4j.dbms.api.DatabaseManagementService;

/**
 * Takes a backup of a stopped installation: counts what the store holds, has Neo4j dump the
 * database, and streams the dump, the data directory's files and the manifest into one archive. The
 * archive appears under its name only when complete, so a file of that name is always a whole backup.
 */
final class Backup {

    private final GraphProperties graph;
    private final Path keyFile;

    Backup(GraphProperties graph, Path keyFile) {
        this.graph = graph;
        this.keyFile = keyFile;
    }

    Manifest run(Path archive) {
        Path dataDir = graph.dataDir().toAbsolutePath().normalize();
        Path storeDir = graph.storeDir().toAbsolutePath().normalize();
        Path target = archive.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new Refused(target + " exists already; a backup never replaces a file. Choose a new name "
                    + "(e.g. with the date in it).", 2);
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new Refused("The directory of " + target + " does not exist.", 2);
        }
        if (!EmbeddedStoreFiles.hasDatabase(storeDir, graph.database())) {
            throw new Refused("There is no database '" + graph.database() + "' in " + storeDir
                    + " (is ARMSTRACE_DATA_DIR the installation's data directory?).", 2);
        }
        refuseIfRunning(storeDir);
        EmbeddedStoreFiles.Counts counts = EmbeddedStoreFiles.counts(storeDir, graph.database(), graph.pageCache().toBytes());
        Path work = null;
        try {
            // Beside the archive, so that the finished archive is a rename, not a second copy.
            work = Files.createTempDirectory(target.getParent(), ".armstrace-backup-");
            Path dump = EmbeddedStoreFiles.dump(storeDir, graph.database(), work);
            Path part = work.resolve("archive.zip.part");
            Manifest manifest;
            try (var writer = new BackupArchive.Writer(part)) {
                writer.add(BackupArchive.DATABASE + graph.database() + ".dump", dump);
                for (Path file : DataFiles.list(dataDir)) {
                    writer.add(DataFiles.entryName(file), dataDir.resolve(file));
                }
                manifest = new Manifest(Manifest.FORMAT, version(Backup.class), version(DatabaseManagementService.class),
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), graph.database(), writer.entries(),
                        counts.nodes(), counts.relationships(), counts.labels(), counts.relationshipTypes(),
                        AuditKeyNote.of(keyFile));
                writer.finish(manifest);
            }
            // A plain move beside it is still a rename, and unlike ATOMIC_MOVE it refuses a file that
            // appeared at the target while the dump ran, instead of replacing it.
            Files.move(part, target);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("The backup could not be written to " + target + ": " + e.getMessage(), e);
        } catch (EmbeddedStoreFiles.AdminFailed e) {
            refuseIfRunning(storeDir); // started between the count and the dump
            throw e;
        } finally {
            deleteQuietly(work);
        }
    }

    private static void refuseIfRunning(Path storeDir) {
        if (EmbeddedStoreFiles.inUse(storeDir)) {
            throw new Refused("The database in " + storeDir + " is in use: ArmsTrace (or another Neo4j) is running on "
                    + "this data directory. Stop it, take the backup, start it again; a backup of a running store "
                    + "would not be consistent, so none was written.", 2);
        }
    }

    static String version(Class<?> type) {
        String v = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            OfflineStores.deleteTree(dir);
        } catch (IOException e) {
            System.err.println("The working directory " + dir + " could not be removed: " + e.getMessage());
        }
    }
}
