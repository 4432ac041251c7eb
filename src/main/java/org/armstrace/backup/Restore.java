package org.armstrace.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.armstrace.graph.EmbeddedStoreFiles;
import org.armstrace.graph.GraphProperties;
import org.armstrace.graph.OfflineStores;

/**
 * Restores an archive into the configured data directory: refuses a directory in use or holding an
 * installation (unless forced, and then moves it aside, never deletes it), checks every entry of the
 * archive against its manifest before touching anything, writes the files, has Neo4j load the dump,
 * and compares the restored store's counts with the manifest's.
 */
final class Restore {

    /** What was restored; {@code replaced} is where the directory's earlier content went, or null. */
    record Result(Manifest manifest, EmbeddedStoreFiles.Counts counts, Path replaced, String auditKey) {
        boolean countsMatch() {
            return counts.equals(manifest.counts());
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final GraphProperties graph;
    private final Path keyFile;

    Restore(GraphProperties graph, Path keyFile) {
        this.graph = graph;
        this.keyFile = keyFile;
    }

    Result run(Path archive, boolean force) {
        Path dataDir = graph.dataDir().toAbsolutePath().normalize();
        Path storeDir = graph.storeDir().toAbsolutePath().normalize();
        if (!Files.isRegularFile(archive)) {
            throw new Refused("There is no backup file " + archive.toAbsolutePath() + ".", 2);
        }
        if (EmbeddedStoreFiles.inUse(storeDir)) {
            throw new Refused("The data directory " + dataDir + " is in use: ArmsTrace (or another Neo4j) is running on "
                    + "it. Stop it before restoring.", 2);
        }
        List<Path> present = present(dataDir);
        if (!present.isEmpty() && !force) {
            throw new Refused("The data directory " + dataDir + " is not empty (" + present.size() + " entries, e.g. "
                    + present.getFirst().getFileName() + "). Restore into an empty directory, or add --force to move "
                    + "what it holds into " + dataDir.resolve(DataFiles.REPLACED_PREFIX + "<time>") + " first.", 2);
        }
        Manifest manifest = BackupArchive.verify(archive);
        Path replaced = null;
        try {
            replaced = present.isEmpty() ? null : moveAside(dataDir, present);
            Files.createDirectories(dataDir);
            Path work = Files.createTempDirectory(dataDir, ".restore-");
            try {
                BackupArchive.extract(archive, manifest, dataDir, work, name -> graph.database() + ".dump");
                EmbeddedStoreFiles.load(storeDir, graph.database(), work);
            } finally {
                OfflineStores.deleteTree(work);
            }
            var counts = EmbeddedStoreFiles.counts(storeDir, graph.database(), graph.pageCache().toBytes());
            return new Result(manifest, counts, replaced, AuditKeyNote.afterRestore(manifest.auditKey(), keyFile));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The restore into " + dataDir + " failed and left it incomplete: "
                    + e.getMessage() + (replaced == null ? "" : ". What it held before is in " + replaced + "."), e);
        }
    }

    /**
     * What the data directory holds that a restore would replace. The audit key file may already be
     * in place (copied back first, as the README allows), and earlier replaced directories stay where they are.
     */
    private List<Path> present(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return List.of();
        }
        Path key = keyFile.toAbsolutePath().normalize();
        try (Stream<Path> entries = Files.list(dataDir)) {
            return entries.filter(p -> !p.toAbsolutePath().normalize().equals(key))
                    .filter(p -> !p.getFileName().toString().startsWith(DataFiles.REPLACED_PREFIX))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The data directory " + dataDir + " cannot be read", e);
        }
    }

    /**
     * Moves the entries into a new directory inside the data directory: a rename on the same file
     * system, which works even when the data directory is a mount point (a container volume).
     */
    private static Path moveAside(Path dataDir, List<Path> present) throws IOException {
        Path aside = Files.createDirectory(dataDir.resolve(DataFiles.REPLACED_PREFIX + STAMP.format(Instant.now())));
        for (Path p : present) {
            Files.move(p, aside.resolve(p.getFileName()));
        }
        return aside;
    }
}
