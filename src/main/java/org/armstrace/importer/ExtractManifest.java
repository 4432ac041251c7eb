package org.armstrace.importer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;

/**
 * The rows of one source's (mapping profile's) last completed extract: per row, keyed by the row's own
 * identity in the extract ({@link ManifestRows#key}), the fingerprint of what the row said
 * ({@link ManifestRows#hash}) and the records it named then (as {@code KIND:id}, its main record first),
 * both as 64-bit fingerprints where they can be. A monthly re-import looks a row up here instead of in the
 * graph: the same identity with the same fingerprint is a row its source sent exactly so last time, and it
 * names the records named then. See {@link ExtractManifests} for when one may be used at all.
 *
 * <p>Fingerprints: a false "unchanged" needs a row whose identity's fingerprint equals a row of last month's
 * and whose content's fingerprint equals that row's although it differs (about one chance in 2^64 per
 * changed row). A false "changed" costs nothing: the row takes the graph path.
 *
 * <p>The file ({@code <data dir>/import-manifests/<profile>-<fnv64>.manifest}) is written whole to a
 * temporary file beside it, forced to disk and moved over the old one, so that a reader sees the old
 * manifest or the new, never half of one; it ends with the magic number again, so a truncated copy is refused.
 */
final class ExtractManifest {

    private static final int MAGIC = 0x41544D52; // "ATMR"
    private static final int VERSION = 2;

    /** What a row said (its content's fingerprint) and the records it named, its main record first. */
    record Entry(long hash, String[] named) {
    }

    private final String profile;
    private final String batch;
    private final LongObjectHashMap<Entry> rows;

    ExtractManifest(String profile, String batch, LongObjectHashMap<Entry> rows) {
        this.profile = profile;
        this.batch = batch;
        this.rows = rows;
    }

    String profile() {
        return profile;
    }

    /** The batch whose completion this manifest describes. */
    String batch() {
        return batch;
    }

    int size() {
        return rows.size();
    }

    /** The row with this identity as last month's extract had it; null when it had none. Read-only: safe from any thread. */
    Entry get(long key) {
        return rows.get(key);
    }

    /** Every entry's named records, for the kinds a run must check for flags. */
    Iterable<Entry> entries() {
        return rows.values();
    }

    /** A file name for the profile that no other profile's name gives, whatever characters it holds. */
    static Path file(Path dir, String profile) {
        String safe = profile.replaceAll("[^A-Za-z0-9._-]", "_");
        return dir.resolve(safe + "-" + Long.toHexString(RowParser.fnv64(profile)) + ".manifest");
    }

    /**
     * Reads the profile's manifest: null when there is none.
     *
     * @throws IOException when it cannot be read, is of another format or profile, or is cut short
     */
    static ExtractManifest read(Path file, String profile) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException("not a manifest of this version");
            }
            String owner = in.readUTF();
            if (!owner.equals(profile)) {
                throw new IOException("the manifest of " + owner + ", not of " + profile);
            }
            String batch = in.readUTF();
            int n = in.readInt();
            // Each row takes at least 17 bytes: a count the file cannot hold is a damaged file, not a map to allocate.
            if (n < 0 || n > Files.size(file) / 17) {
                throw new IOException("a row count the file cannot hold: " + n);
            }
            var rows = new LongObjectHashMap<Entry>(n);
            for (int i = 0; i < n; i++) {
                long key = in.readLong();
                long hash = in.readLong();
                String[] named = new String[in.readUnsignedByte()];
                for (int j = 0; j < named.length; j++) {
                    named[j] = in.readUTF();
                }
                rows.put(key, new Entry(hash, named));
            }
            if (in.readInt() != MAGIC) {
                throw new IOException("not written to its end");
            }
            return new ExtractManifest(profile, batch, rows);
        }
    }

    /** Writes the manifest atomically: a temporary file, forced to disk, then moved over the old one. */
    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(profile);
            out.writeUTF(batch);
            out.writeInt(rows.size());
            for (var it = rows.keyValuesView().iterator(); it.hasNext(); ) {
                var kv = it.next();
                out.writeLong(kv.getOne());
                out.writeLong(kv.getTwo().hash());
                out.writeByte(kv.getTwo().named().length);
                for (String s : kv.getTwo().named()) {
                    out.writeUTF(s);
                }
            }
            out.writeInt(MAGIC);
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
