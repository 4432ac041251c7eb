package org.armstrace.base;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The checks an XLSX file from outside gets before Apache POI opens it: its size, its format, and
 * whether it inflates to far more than it claims (a zip bomb). An XLSX is a zip of XML parts, and
 * the sizes in a zip's headers are whatever the sender wrote, so what counts is what actually
 * inflates. Used wherever the application reads a workbook it did not write itself: a partner's
 * trace request workbook, a legacy registry extract.
 */
public final class UntrustedWorkbook {

    /**
     * How far a workbook may go.
     *
     * @param maxBytes        largest file accepted, as it arrives
     * @param maxUncompressed most bytes all parts together may inflate to
     * @param maxEntries      most parts (zip entries)
     * @param maxRatio        most an entry may inflate relative to its compressed size...
     * @param ratioFloor      ...once it inflates to at least this many bytes: small parts of mostly
     *                        repeated markup compress far better than any sensible ratio
     */
    public record Limits(long maxBytes, long maxUncompressed, int maxEntries, int maxRatio, long ratioFloor) {
    }

    /** What {@link #check} found; only {@link #ACCEPTABLE} goes on to POI. */
    public enum Verdict {
        ACCEPTABLE,
        /** Over {@link Limits#maxBytes()}. */
        TOO_LARGE,
        /** A password-protected workbook, which Excel wraps in the old OLE2 container. */
        ENCRYPTED,
        /** An old binary .xls workbook. */
        OLD_FORMAT,
        /** Not a zip, or a damaged one. */
        NOT_XLSX,
        /** Inflates beyond the limits. */
        ZIP_BOMB
    }

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private UntrustedWorkbook() {
    }

    /**
     * Checks a whole workbook held in memory. The caller reads at most {@code maxBytes + 1} bytes,
     * so that an endless upload is cut short and still recognised as too large.
     */
    public static Verdict check(byte[] bytes, Limits limits) {
        if (bytes.length > limits.maxBytes()) {
            return Verdict.TOO_LARGE;
        }
        if (startsWith(bytes, OLE2)) {
            return encrypted(bytes) ? Verdict.ENCRYPTED : Verdict.OLD_FORMAT;
        }
        if (!startsWith(bytes, ZIP)) {
            return Verdict.NOT_XLSX;
        }
        try {
            return inflatesTooFar(new ByteArrayInputStream(bytes), limits) ? Verdict.ZIP_BOMB : Verdict.ACCEPTABLE;
        } catch (IOException _) {
            return Verdict.NOT_XLSX;
        }
    }

    /**
     * Whether the zip read from {@code in} has too many parts or inflates too far. Reads the
     * stream through, inflating every part once, and stops at the first limit passed.
     * ZipInputStream checks an entry's compressed size against what the inflater consumed once
     * the entry is read through, so the ratio uses the real compressed size.
     *
     * @throws IOException when the stream is not a readable zip
     */
    public static boolean inflatesTooFar(InputStream in, Limits limits) throws IOException {
        try (var zip = new ZipInputStream(in)) {
            var buffer = new byte[64 * 1024];
            long total = 0;
            int entries = 0;
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (++entries > limits.maxEntries()) {
                    return true;
                }
                long inflated = 0;
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    inflated += n;
                    total += n;
                    if (total > limits.maxUncompressed()) {
                        return true;
                    }
                }
                if (inflated >= limits.ratioFloor() && inflated > (long) limits.maxRatio() * entry.getCompressedSize()) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean encrypted(byte[] bytes) {
        try (var fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            return fs.getRoot().hasEntry(Decryptor.DEFAULT_POIFS_ENTRY);
        } catch (IOException | RuntimeException _) {
            return false;
        }
    }
}
