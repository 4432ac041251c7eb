package org.armstrace.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.armstrace.registry.FlaggedRecords;
import org.armstrace.registry.ImportedRecords.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a run may trust its source's {@link ExtractManifest}, and writing the next one when a run completes.
 * The rules that keep a manifest true:
 *
 * <ul>
 *   <li>Only an import of the profile itself writes the profile's hashes on records. So a manifest is used
 *       only when it names the profile's newest real batch, and that batch completed: a run that failed, was
 *       interrupted or still runs after it, a restored backup whose newest batch is another, a missing,
 *       unreadable or foreign file, all mean the whole run takes the graph path, with the same results. A
 *       resumed run does too (it writes none either: it has not seen the rows before its checkpoint).</li>
 *   <li>A full extract of any source flags the records it lacks; a row naming a flagged record must return
 *       it. The flagged records of the kinds the manifest names are read once when the run begins.</li>
 * </ul>
 *
 * Anything that goes wrong here is logged and means the graph path; it never fails a run.
 */
final class ExtractManifests {

    private static final Logger log = LoggerFactory.getLogger(ExtractManifests.class);

    /** The manifests' directory under the data directory, beside the kept extracts ({@code imports/}). */
    static final String DIR = "import-manifests";

    private final Path dir;
    private final FlaggedRecords flags;
    private final ImportBatches batches;

    ExtractManifests(Path dir, FlaggedRecords flags, ImportBatches batches) {
        this.dir = dir;
        this.flags = flags;
        this.batches = batches;
    }

    /** What this run knows of its source's last extract, and whether it gathers the next manifest. */
    ManifestRows open(ImportBatch batch, int resumeAfter) {
        boolean collect = !batch.dryRun() && resumeAfter == 0;
        if (resumeAfter > 0) {
            return new ManifestRows(null, Set.of(), false);
        }
        long t0 = System.nanoTime();
        String profile = batch.profileName();
        ExtractManifest m;
        try {
            m = ExtractManifest.read(ExtractManifest.file(dir, profile), profile);
        } catch (IOException | RuntimeException e) {
            log.warn("Import {}: the manifest of {} could not be read ({}); the graph is read instead", batch.id(), profile,
                    e.toString());
            return new ManifestRows(null, Set.of(), collect);
        }
        if (m == null) {
            return new ManifestRows(null, Set.of(), collect);
        }
        var flagged = new HashSet<String>();
        try {
            Optional<ImportBatch> newest = batches.newestOf(profile, batch.id());
            if (newest.isEmpty() || !newest.get().id().equals(m.batch())
                    || newest.get().status() != ImportBatch.Status.COMPLETED) {
                log.info("Import {}: the manifest of {} is of batch {}, not of the profile's newest completed batch; not used",
                        batch.id(), profile, m.batch());
                return new ManifestRows(null, Set.of(), collect);
            }
            for (Kind kind : kinds(m)) {
                flags.flagged(kind).forEach(id -> flagged.add(kind.name() + ":" + id));
            }
        } catch (RuntimeException e) {
            log.warn("Import {}: whether the manifest of {} holds could not be checked ({}); the graph is read instead",
                    batch.id(), profile, e.toString());
            return new ManifestRows(null, Set.of(), collect);
        }
        log.info("Import {}: manifest of {} (batch {}): {} rows, {} records flagged, read in {} s", batch.id(), profile,
                m.batch(), m.size(), flagged.size(), String.format(Locale.ROOT, "%.2f", (System.nanoTime() - t0) / 1e9));
        return new ManifestRows(m, flagged, collect);
    }

    /** The kept kinds (those a full extract flags) the manifest's rows name. */
    private static Set<Kind> kinds(ExtractManifest m) {
        var kinds = EnumSet.noneOf(Kind.class);
        for (ExtractManifest.Entry e : m.entries()) {
            for (String record : e.named()) {
                Kind k = Kind.valueOf(record.substring(0, record.indexOf(':')));
                if (ExtractHistory.KEPT.contains(k)) {
                    kinds.add(k);
                }
            }
            if (kinds.size() == ExtractHistory.KEPT.size()) {
                break;
            }
        }
        return kinds;
    }

    /**
     * After a real batch completed from its first row: the manifest of its rows. Should this fail, the old
     * file names an older batch and the next run reads the graph instead.
     */
    void write(ImportBatch batch, ManifestRows rows) {
        if (batch.dryRun() || batch.status() != ImportBatch.Status.COMPLETED || !rows.collecting()) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            ExtractManifest next = rows.next(batch.profileName(), batch.id());
            next.write(ExtractManifest.file(dir, batch.profileName()));
            log.info("Import {}: manifest of {} written, {} rows, in {} s", batch.id(), batch.profileName(), next.size(),
                    String.format(Locale.ROOT, "%.2f", (System.nanoTime() - t0) / 1e9));
        } catch (IOException | RuntimeException e) {
            log.warn("Import {}: the manifest of {} could not be written ({}); its next run reads the graph", batch.id(),
                    batch.profileName(), e.toString());
        }
    }
}
