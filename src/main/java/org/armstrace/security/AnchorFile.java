package org.armstrace.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading and appending {@code audit-anchors.log}. Appends are forced to disk before they count:
 * an anchor that a crash could take back would anchor nothing.
 */
final class AnchorFile {

    private AnchorFile() {
    }

    /**
     * The anchors of a file, checked: each line authentic under {@code key}, numbered 1, 2, 3 ...,
     * seqs rising, a legacy seal only as anchor 1. A missing file has no anchors.
     *
     * @param anchors the anchors up to the first bad line
     * @param bad     the first bad line's anchor (or null when unreadable), when {@code problem} is set
     * @param problem a translation key, or null when every line is good
     */
    record Contents(List<AuditAnchor> anchors, AuditAnchor bad, String problem) {

        AuditAnchor seal() {
            return !anchors.isEmpty() && anchors.getFirst().legacySeal() ? anchors.getFirst() : null;
        }

        AuditAnchor latest() {
            return anchors.isEmpty() ? null : anchors.getLast();
        }
    }

    static Contents read(Path file, AuditKey key) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            return new Contents(List.of(), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("The anchors file " + file + " cannot be read", e);
        }
        var anchors = new ArrayList<AuditAnchor>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            AuditAnchor anchor;
            try {
                anchor = AuditAnchor.parse(line);
            } catch (IllegalArgumentException unreadable) {
                return new Contents(List.copyOf(anchors), null, "audit.problem.anchor");
            }
            AuditAnchor previous = anchors.isEmpty() ? null : anchors.getLast();
            boolean inOrder = anchor.number() == anchors.size() + 1
                    && (previous == null || anchor.seq() > previous.seq())
                    && (!anchor.legacySeal() || anchor.number() == 1);
            if (!inOrder || !anchor.authentic(key)) {
                return new Contents(List.copyOf(anchors), anchor, "audit.problem.anchor");
            }
            anchors.add(anchor);
        }
        return new Contents(List.copyOf(anchors), null, null);
    }

    /** Whether the file holds anything at all (checked before a key exists to authenticate it). */
    static boolean holdsAnchors(Path file) {
        try {
            return Files.exists(file) && Files.size(file) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("The anchors file " + file + " cannot be read", e);
        }
    }

    static void append(Path file, AuditAnchor anchor) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap((anchor.line() + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }
}
