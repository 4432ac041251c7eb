package org.armstrace.security;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.armstrace.base.Sha256;

/**
 * The bytes an audit event's or an anchor's MAC is computed over. Every text is written as its
 * UTF-8 length (4 bytes, big-endian) followed by its bytes, and a list as its size followed by its
 * items, so no value, whatever characters it holds, can move a field boundary. A leading tag keeps
 * an event's MAC from ever passing for an anchor's, and the other way round.
 */
final class AuditCanonical {

    static final String EVENT_TAG = "armstrace.audit.event.v2";
    static final String ANCHOR_TAG = "armstrace.audit.anchor.v1";

    private AuditCanonical() {
    }

    static byte[] event(long seq, Instant at, String actor, String action, List<String> entities, String details,
                        String prevHash) {
        return write(out -> {
            text(out, EVENT_TAG);
            out.writeLong(seq);
            instant(out, at);
            text(out, actor);
            text(out, action);
            out.writeInt(entities.size());
            for (String entity : entities) {
                text(out, entity);
            }
            text(out, details);
            text(out, prevHash);
        });
    }

    static byte[] anchor(long number, long seq, String hash, Instant at, String kind) {
        return write(out -> {
            text(out, ANCHOR_TAG);
            out.writeLong(number);
            out.writeLong(seq);
            text(out, hash);
            instant(out, at);
            text(out, kind);
        });
    }

    /**
     * The hash of events written before the audit key existed (plain SHA-256 over U+001E-joined
     * fields). Only read for the events a legacy seal anchor covers; nothing is written this way.
     */
    static String legacyHash(long seq, Instant at, String actor, String action, List<String> entities,
                             String details, String prevHash) {
        return Sha256.hex(String.join("\u001e", Long.toString(seq), at.toString(), actor, action,
                String.join("\u001f", entities), details, prevHash));
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Writer writer) {
        var bytes = new ByteArrayOutputStream(256);
        try (var out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** Seconds and nanoseconds: a changed sub-millisecond part changes the MAC too. */
    private static void instant(DataOutputStream out, Instant at) throws IOException {
        out.writeLong(at.getEpochSecond());
        out.writeInt(at.getNano());
    }
}
