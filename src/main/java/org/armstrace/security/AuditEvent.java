package org.armstrace.security;

import java.time.Instant;
import java.util.List;

/**
 * One link of the audit chain. {@code hash} covers every other field and the previous event's hash,
 * so editing, removing or reordering any event breaks the chain from that point on. It is an
 * HMAC-SHA-256 under the audit key; events from before the key carry a plain SHA-256 and are
 * sealed under the first anchor.
 */
public record AuditEvent(long seq, Instant at, String actor, String action, List<String> entities,
                         String details, String prevHash, String hash) {

    public AuditEvent {
        entities = List.copyOf(entities);
    }
}
