package org.armstrace.security;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * One line of {@code audit-anchors.log}: the chain's head {@code (seq, hash)} at a moment, kept
 * outside the database and authenticated with the audit key, so that the events up to it can no
 * longer be rewritten or cut off unseen. Anchors are numbered 1, 2, 3 ... with no gaps.
 *
 * <p>{@code kind} is {@code head} for the regular ones, or {@code legacy-seal} for anchor 1 when
 * the chain already held events from before the key (plain SHA-256): those are not authenticated
 * one by one, but the seal fixes the last of them.
 *
 * <p>Line format: {@code n=1 seq=1234 hash=<64 hex> at=<ISO-8601 UTC> kind=head mac=<64 hex>}.
 */
record AuditAnchor(long number, long seq, String hash, Instant at, String kind, String mac) {

    static final String HEAD = "head";
    static final String LEGACY_SEAL = "legacy-seal";

    static AuditAnchor sign(AuditKey key, long number, long seq, String hash, Instant at, String kind) {
        return new AuditAnchor(number, seq, hash, at, kind, key.mac(AuditCanonical.anchor(number, seq, hash, at, kind)));
    }

    boolean authentic(AuditKey key) {
        return key.matches(AuditCanonical.anchor(number, seq, hash, at, kind), mac);
    }

    boolean legacySeal() {
        return LEGACY_SEAL.equals(kind);
    }

    String line() {
        return "n=" + number + " seq=" + seq + " hash=" + hash + " at=" + at + " kind=" + kind + " mac=" + mac;
    }

    /** @throws IllegalArgumentException when the line is not an anchor */
    static AuditAnchor parse(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String part : line.strip().split(" +")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || fields.put(part.substring(0, eq), part.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("not an anchor: " + line);
            }
        }
        try {
            var anchor = new AuditAnchor(Long.parseLong(required(fields, "n")), Long.parseLong(required(fields, "seq")),
                    required(fields, "hash"), Instant.parse(required(fields, "at")), required(fields, "kind"),
                    required(fields, "mac"));
            if (fields.size() != 6 || !HEAD.equals(anchor.kind) && !LEGACY_SEAL.equals(anchor.kind)) {
                throw new IllegalArgumentException("not an anchor: " + line);
            }
            return anchor;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("not an anchor: " + line, e);
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }
}
