package org.armstrace.security;

import java.time.Instant;
import java.util.List;

/**
 * One link of the audit chain. {@code hash} covers every other field and the previous event's hash,
 * so editing, removing or reordering any event breaks the chain from that point on.
 */
public record AuditEvent(long seq, Instant at, String actor, String action, List<String> entities,
                         String details, String prevHash, String hash) {

    public AuditEvent {
        entities = List.copyOf(entities);
    }
}
