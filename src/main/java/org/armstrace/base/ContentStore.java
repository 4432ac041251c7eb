package org.armstrace.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Files named by the SHA-256 of their content, under one directory: what the graph would bloat
 * with (photos, documents sent abroad). Content is written once and never changed or deleted;
 * reading checks it against its name, so a file altered on disk is detected, not served.
 */
public final class ContentStore {

    private final Path root;

    public ContentStore(Path root) {
        this.root = root;
    }

    /** Stores the content (once: the same content again is already there) and returns its hash. */
    public String put(byte[] content) {
        String sha = Sha256.hex(content);
        put(sha, "", content);
        return sha;
    }

    /**
     * Stores content under its hash with a suffix (a derived file, such as a thumbnail, kept next to
     * its original's name); an existing file is left as it is.
     */
    public void put(String sha, String suffix, byte[] content) {
        Path target = file(sha, suffix);
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("A file could not be stored in " + root, e);
        }
    }

    /**
     * Stores a stream without holding it in memory (an import extract of a gigabyte) and returns its
     * hash. More than {@code maxBytes} is refused with {@link TooLarge}, and nothing is kept.
     */
    public String put(InputStream in, long maxBytes) {
        try {
            Files.createDirectories(root);
            Path tmp = Files.createTempFile(root, "incoming", ".part");
            try {
                var digest = MessageDigest.getInstance("SHA-256");
                long total = 0;
                try (var out = Files.newOutputStream(tmp)) {
                    byte[] buffer = new byte[1 << 16];
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        total += n;
                        if (total > maxBytes) {
                            throw new TooLarge(maxBytes);
                        }
                        digest.update(buffer, 0, n);
                        out.write(buffer, 0, n);
                    }
                }
                String sha = HexFormat.of().formatHex(digest.digest());
                Path target = file(sha, "");
                Files.createDirectories(target.getParent());
                if (!Files.exists(target)) {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                }
                return sha;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("A file could not be stored in " + root, e);
        }
    }

    /** Refused by {@link #put(InputStream, long)}: more bytes than allowed. */
    public static final class TooLarge extends RuntimeException {
        public TooLarge(long max) {
            super("more than " + max + " bytes");
        }
    }

    /** Where stored content lies, to be streamed (not checked against its hash). */
    public Path path(String sha) {
        Path p = file(sha, "");
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("No stored file " + sha);
        }
        return p;
    }

    public boolean contains(String sha, String suffix) {
        return Files.exists(file(sha, suffix));
    }

    /** The content, checked against its hash. */
    public byte[] get(String sha) {
        try {
            byte[] bytes = Files.readAllBytes(file(sha, ""));
            if (!Sha256.hex(bytes).equals(sha)) {
                throw new IllegalStateException("File " + sha + " in " + root + " was changed on disk");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("File " + sha + " in " + root + " cannot be read", e);
        }
    }

    /** A derived file as stored (not checked: its name is its original's hash). */
    public byte[] derived(String sha, String suffix) {
        try {
            return Files.readAllBytes(file(sha, suffix));
        } catch (IOException e) {
            throw new UncheckedIOException("File " + sha + suffix + " in " + root + " cannot be read", e);
        }
    }

    private Path file(String sha, String suffix) {
        // A hash names a file: anything but 64 hex digits could point outside the store.
        if (sha == null || !sha.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a content hash");
        }
        return root.resolve(sha.substring(0, 2)).resolve(sha + suffix);
    }
}
