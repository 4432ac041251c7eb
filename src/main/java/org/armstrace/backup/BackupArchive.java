package org.armstrace.backup;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The backup file: a zip whose entries are streamed in and out (a dump of gigabytes never sits in
 * memory), each hashed on the way, and a {@link Manifest} last that lists them all. Database entries
 * are under {@value #DATABASE}, the data directory's files under {@value #FILES} with their path in
 * the data directory.
 */
final class BackupArchive {

    static final String DATABASE = "database/";
    static final String FILES = "files/";
    /**
     * What an entry may be called: relative, below one of the two folders, no "." or ".." segment, so that
     * an archive cannot make a restore write outside the data directory.
     */
    private static final Pattern SAFE_NAME = Pattern.compile("(database|files)(/(?!\\.{1,2}/)(?!\\.{1,2}$)[A-Za-z0-9._-]+)+");

    private BackupArchive() {
    }

    /** Writes an archive: {@link #add} every file, then {@link #finish} with the manifest. */
    static final class Writer implements Closeable {
        private final ZipOutputStream zip;
        private final List<Manifest.Entry> entries = new ArrayList<>();

        Writer(Path file) throws IOException {
            // The archive holds the whole registry's personal data: readable by its owner only.
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            zip = new ZipOutputStream(Files.newOutputStream(file));
            // The dump is compressed already, photos too: the fastest level saves most of the CPU for little size.
            zip.setLevel(Deflater.BEST_SPEED);
        }

        void add(String name, Path file) throws IOException {
            if (!SAFE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Not an archive entry name: " + name);
            }
            zip.putNextEntry(new ZipEntry(name));
            try (InputStream in = Files.newInputStream(file)) {
                entries.add(copy(name, in, zip));
            }
            zip.closeEntry();
        }

        List<Manifest.Entry> entries() {
            return List.copyOf(entries);
        }

        void finish(Manifest manifest) throws IOException {
            zip.putNextEntry(new ZipEntry(Manifest.NAME));
            zip.write(manifest.bytes());
            zip.closeEntry();
            zip.finish();
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /**
     * Reads the manifest and checks every entry against it: the same names, no other, each of the
     * listed size and SHA-256. Nothing is written.
     *
     * @throws Refused (exit 1) naming the first entry that fails
     */
    static Manifest verify(Path archive) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Manifest manifest = manifest(zip);
            var listed = new HashSet<String>();
            for (Manifest.Entry e : manifest.entries()) {
                if (!SAFE_NAME.matcher(e.name()).matches() || !listed.add(e.name())
                        || e.name().startsWith(FILES) && !DataFiles.carried(e.name().substring(FILES.length()))) {
                    throw damaged(archive, "the manifest lists an unacceptable entry name " + e.name());
                }
                ZipEntry entry = zip.getEntry(e.name());
                if (entry == null) {
                    throw damaged(archive, e.name() + " is listed in the manifest but missing");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    check(archive, e, copy(e.name(), in, OutputStream.nullOutputStream()));
                }
            }
            var unlisted = zip.stream().map(ZipEntry::getName)
                    .filter(n -> !n.equals(Manifest.NAME) && !listed.contains(n)).findFirst();
            if (unlisted.isPresent()) {
                throw damaged(archive, unlisted.get() + " is in the archive but not in its manifest");
            }
            return manifest;
        } catch (ZipException e) {
            throw damaged(archive, "it is not a readable zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw damaged(archive, "it cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Manifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(Manifest.NAME);
        if (entry == null) {
            throw new Refused(zip.getName() + " is not an ArmsTrace backup: it has no " + Manifest.NAME + ".", 1);
        }
        Manifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = Manifest.read(in);
        } catch (Manifest.Unreadable e) {
            throw new Refused(e.getMessage() + "; nothing was restored.", 1);
        }
        if (manifest.format() != Manifest.FORMAT) {
            throw new Refused(zip.getName() + " is a backup of format " + manifest.format() + "; this version of "
                    + "ArmsTrace restores format " + Manifest.FORMAT + ".", 1);
        }
        return manifest;
    }

    /**
     * Writes the verified archive's entries: each file under {@value #FILES} to its place in
     * {@code dataDir}, each database entry into {@code databaseDir} under the name {@code rename} gives
     * it. Hashed again on the way, since the archive could have changed since {@link #verify}.
     */
    static void extract(Path archive, Manifest manifest, Path dataDir, Path databaseDir,
                        UnaryOperator<String> rename) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (Manifest.Entry e : manifest.entries()) {
                Path target = e.name().startsWith(FILES)
                        ? dataDir.resolve(e.name().substring(FILES.length()))
                        : databaseDir.resolve(rename.apply(e.name().substring(DATABASE.length())));
                Files.createDirectories(target.getParent());
                Path part = target.resolveSibling(target.getFileName() + ".part");
                try (InputStream in = zip.getInputStream(zip.getEntry(e.name()));
                     OutputStream out = Files.newOutputStream(part)) {
                    check(archive, e, copy(e.name(), in, out));
                }
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static void check(Path archive, Manifest.Entry expected, Manifest.Entry found) {
        if (found.size() != expected.size() || !found.sha256().equals(expected.sha256())) {
            throw damaged(archive, expected.name() + " does not match its SHA-256 in the manifest");
        }
    }

    private static Refused damaged(Path archive, String why) {
        return new Refused("The backup " + archive + " failed its check: " + why + ". Nothing was restored; "
                + "use another copy of the backup.", 1);
    }

    /** Copies and hashes: the entry as it went through. */
    private static Manifest.Entry copy(String name, InputStream in, OutputStream out) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        long size = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
            size += n;
        }
        return new Manifest.Entry(name, size, HexFormat.of().formatHex(digest.digest()));
    }
}
