package org.armstrace.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which files of the data directory a backup carries besides the database: the content stores and the
 * audit anchors. Not the Bolt password file (a secret the next start makes again), not the audit key
 * (kept apart, see {@link Manifest.AuditKey}), not the first load's staging files.
 */
final class DataFiles {

    /**
     * Content stores (base.ContentStore): photos with their derived sizes, imported extracts, documents
     * sent, partners' submissions as received (tracing.SubmissionStore), partners' i2 charts
     * (intelligence.ChartInterchange), case attachments (cases.CaseAttachments) and the case files
     * produced for prosecutors (casefile.CaseFiles). DataFilesTest finds any store missing here.
     */
    static final List<String> CONTENT = List.of("photos", "imports", "documents", "submissions", "partner-charts",
            "case-files", "case-file-productions");
    /** The audit chain's anchors, written by security.AuditLog; an installation may not have them yet. */
    static final String ANCHORS = "audit-anchors.log";
    /** Where a restore with --force moves what the data directory held. */
    static final String REPLACED_PREFIX = "replaced-";

    private DataFiles() {
    }

    /** The files to back up, as paths relative to the data directory, sorted; unfinished writes ({@code .part}) left out. */
    static List<Path> list(Path dataDir) throws IOException {
        var files = new ArrayList<Path>();
        for (String dir : CONTENT) {
            Path root = dataDir.resolve(dir);
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".part"))
                            .map(dataDir::relativize).forEach(files::add);
                }
            }
        }
        if (Files.isRegularFile(dataDir.resolve(ANCHORS))) {
            files.add(Path.of(ANCHORS));
        }
        files.sort(null);
        return files;
    }

    /**
     * Whether an archive's {@code files/} entry is one a backup writes: inside a content store, or the
     * anchors. Anything else (the audit key, the TLS keystore, the store, an earlier replaced copy) a
     * restore must never write, whatever the archive's manifest says.
     */
    static boolean carried(String relative) {
        int slash = relative.indexOf('/');
        return relative.equals(ANCHORS) || slash > 0 && CONTENT.contains(relative.substring(0, slash));
    }

    /** The archive entry name of a data directory file: always with '/' whatever the platform. */
    static String entryName(Path relative) {
        var name = new StringBuilder(BackupArchive.FILES);
        for (int i = 0; i < relative.getNameCount(); i++) {
            name.append(i == 0 ? "" : "/").append(relative.getName(i));
        }
        return name.toString();
    }
}
