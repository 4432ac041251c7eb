package org.armstrace.backup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.armstrace.graph.EmbeddedStoreFiles;
import org.armstrace.graph.GraphProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar armstrace.jar backup <file>} and {@code restore <file> [--force]}, for the
 * embedded database, while the application is stopped. They run in {@link BackupContext}: settings
 * only, no database started. Exit codes: 0 done, 1 the archive or the restored store failed a
 * check, 2 refused (usage, external database, store in use, data directory not empty).
 */
public class BackupCommands {

    public static final String BACKUP = GraphProperties.BACKUP_COMMAND;
    public static final String RESTORE = GraphProperties.RESTORE_COMMAND;
    static final String FORCE = "--force";
    private static final Logger log = LoggerFactory.getLogger(BackupCommands.class);

    private final GraphProperties graph;
    private final Path keyFile;

    BackupCommands(GraphProperties graph, Environment environment) {
        this.graph = graph;
        String configured = environment.getProperty(AuditKeyNote.SETTING, "");
        this.keyFile = configured.isBlank() ? graph.dataDir().resolve(AuditKeyNote.DEFAULT_NAME) : Path.of(configured);
    }

    /** @param args the command line: the command, the archive, options; Spring's {@code --name=value} settings are skipped */
    public int run(String[] args, PrintStream out) {
        List<String> files = new ArrayList<>();
        Arrays.stream(args).skip(1).filter(a -> !a.startsWith("--")).forEach(files::add);
        boolean force = Arrays.asList(args).contains(FORCE);
        String command = args.length > 0 ? args[0] : "";
        try {
            if (files.size() != 1 || (force && !RESTORE.equals(command))) {
                throw new Refused("Usage: backup <file.zip>  |  restore <file.zip> [--force]", 2);
            }
            if (graph.mode() != GraphProperties.Mode.EMBEDDED) {
                throw new Refused("backup and restore work on the embedded database's files. For an external Neo4j "
                        + "server use neo4j-admin database dump/load there and copy the data directory's files (README, "
                        + "\"Backup and restore\").", 2);
            }
            Path archive = Path.of(files.getFirst());
            return BACKUP.equals(command) ? backup(archive, out) : restore(archive, force, out);
        } catch (Refused e) {
            out.println(e.getMessage());
            return e.exitCode();
        } catch (RuntimeException e) {
            log.error("{} failed", command, e); // the stack trace, for whoever investigates
            out.println("The " + command + " failed: " + e.getMessage());
            return 1;
        }
    }

    private int backup(Path archive, PrintStream out) {
        Manifest m = new Backup(graph, keyFile).run(archive);
        long files = m.entries().stream().filter(e -> e.name().startsWith(BackupArchive.FILES)).count();
        long bytes = m.entries().stream().mapToLong(Manifest.Entry::size).sum();
        out.println("Backup written to " + archive.toAbsolutePath() + ": database '" + m.database() + "' ("
                + m.nodes() + " nodes, " + m.relationships() + " relationships) and " + files + " file(s), "
                + bytes + " bytes before compression.");
        out.println("The audit key file " + keyFile + " is NOT in the backup: keep a copy of it apart from the backups"
                + (m.auditKey().sha256() == null ? " (there is none yet)." : " (SHA-256 " + m.auditKey().sha256() + ")."));
        return 0;
    }

    private int restore(Path archive, boolean force, PrintStream out) {
        Restore.Result r = new Restore(graph, keyFile).run(archive, force);
        Manifest m = r.manifest();
        out.println("Restored the backup of " + m.createdAt() + " into " + graph.dataDir().toAbsolutePath() + ".");
        if (r.replaced() != null) {
            out.println("What the data directory held before is in " + r.replaced() + " (nothing was deleted).");
        }
        out.println(r.auditKey());
        if (!r.countsMatch()) {
            out.println("The restored database does NOT hold what the backup recorded:");
            differences(m.counts(), r.counts()).forEach(d -> out.println("  " + d));
            return 1;
        }
        out.println("Counts checked: " + r.counts().nodes() + " nodes in " + r.counts().labels().size() + " labels, "
                + r.counts().relationships() + " relationships in " + r.counts().relationshipTypes().size()
                + " types, as at backup time. Run 'audit-verify' to check the audit chain.");
        return 0;
    }

    static List<String> differences(EmbeddedStoreFiles.Counts expected, EmbeddedStoreFiles.Counts found) {
        var lines = new ArrayList<String>();
        compare("nodes", Map.of("", expected.nodes()), Map.of("", found.nodes()), lines);
        compare("relationships", Map.of("", expected.relationships()), Map.of("", found.relationships()), lines);
        compare("label", expected.labels(), found.labels(), lines);
        compare("type", expected.relationshipTypes(), found.relationshipTypes(), lines);
        return lines;
    }

    private static void compare(String what, Map<String, Long> expected, Map<String, Long> found, List<String> lines) {
        var names = new TreeSet<>(expected.keySet());
        names.addAll(found.keySet());
        for (String name : names) {
            long e = expected.getOrDefault(name, 0L);
            long f = found.getOrDefault(name, 0L);
            if (e != f) {
                lines.add(what + (name.isEmpty() ? "" : " " + name) + ": backup " + e + ", restored " + f);
            }
        }
    }
}
