package org.armstrace.security;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.armstrace.base.Sha256;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * Someone with the Bolt password (or the store files) and no audit key: edits the audit events
 * directly, recomputes the hashes after them and moves the head, as an attack on the trail would.
 * {@link #save} and {@link #restore} put the shared test database back afterwards.
 *
 * <p>Each change is one transaction that first takes the chain head's write lock, as {@link AuditLog}'s
 * appends do: the application keeps writing events from other threads (scheduled jobs, scans that finish
 * late), and an append that slipped between two of these statements was chained onto an edited head, or
 * given a number that the restored head then handed out again (a full run once failed so, with every
 * later audited test).
 */
final class Insider {

    /** How an insider recomputes one event's hash from its fields. */
    interface Hasher {
        String hash(long seq, Instant at, String actor, String action, List<String> entities, String details,
                    String prevHash);
    }

    /** What today's (before issue 25) code did: plain SHA-256 over U+001E/U+001F-joined fields. */
    static final Hasher PLAIN_SHA256 = (seq, at, actor, action, entities, details, prevHash) ->
            Sha256.hex(String.join("\u001e", Long.toString(seq), at.toString(), actor, action,
                    String.join("\u001f", entities), details, prevHash));

    /** Events from {@code fromSeq} on, and the head, as they are now. */
    record Saved(List<Map<String, Object>> events, Map<String, Object> head) {
    }

    private final Driver driver;

    Insider(Driver driver) {
        this.driver = driver;
    }

    Saved save(long fromSeq) {
        try (var s = driver.session()) {
            var events = s.run("MATCH (e:AuditEvent) WHERE e.seq >= $from RETURN properties(e) AS p ORDER BY e.seq",
                    Map.of("from", fromSeq)).list(r -> r.get("p").asMap());
            var head = s.run("MATCH (c:AuditChain {id: 'audit'}) RETURN properties(c) AS p").single().get("p").asMap();
            return new Saved(events, head);
        }
    }

    /** Puts the events from the first saved one on, and the head, back as saved; events appended since go. */
    void restore(Saved saved) {
        long from = (Long) saved.events().getFirst().get("seq");
        locked(tx -> {
            tx.run("MATCH (e:AuditEvent) WHERE e.seq >= $from DETACH DELETE e", Map.of("from", from)).consume();
            tx.run("UNWIND $rows AS p CREATE (e:AuditEvent) SET e = p", Map.of("rows", saved.events())).consume();
            tx.run("MATCH (c:AuditChain {id: 'audit'}) SET c = $p", Map.of("p", saved.head())).consume();
        });
    }

    /** Runs {@code work} in one transaction holding the chain head's write lock, which appends wait for. */
    private void locked(Consumer<TransactionContext> work) {
        try (var s = driver.session()) {
            s.executeWriteWithoutResult(tx -> {
                tx.run("MATCH (c:AuditChain {id: 'audit'}) SET c.lockedAt = datetime()").consume();
                work.accept(tx);
            });
        }
    }

    /**
     * Sets {@code field} of event {@code seq} to {@code value}, then recomputes that event's hash and
     * every later one with {@code hasher}, relinks them, and points the head at the new last hash.
     */
    void rewrite(long seq, String field, String value, Hasher hasher) {
        locked(s -> {
            s.run("MATCH (e:AuditEvent {seq: $seq}) SET e[$field] = $value",
                    Map.of("seq", seq, "field", field, "value", value)).consume();
            List<Record> events = s.run("MATCH (e:AuditEvent) WHERE e.seq >= $seq RETURN e ORDER BY e.seq",
                    Map.of("seq", seq)).list();
            String prev = s.run("MATCH (e:AuditEvent {seq: $seq}) RETURN e.prevHash AS h", Map.of("seq", seq))
                    .single().get("h").asString();
            var rows = new ArrayList<Map<String, Object>>();
            for (Record r : events) {
                var e = r.get("e").asNode();
                String hash = hasher.hash(e.get("seq").asLong(), e.get("at").asZonedDateTime().toInstant(),
                        e.get("actor").asString(), e.get("action").asString(), e.get("entities").asList(v -> v.asString()),
                        e.get("details").asString(), prev);
                rows.add(Map.of("seq", e.get("seq").asLong(), "prevHash", prev, "hash", hash));
                prev = hash;
            }
            s.run("UNWIND $rows AS row MATCH (e:AuditEvent {seq: row.seq}) SET e.prevHash = row.prevHash, e.hash = row.hash",
                    Map.of("rows", rows)).consume();
            s.run("MATCH (c:AuditChain {id: 'audit'}) SET c.hash = $hash", Map.of("hash", prev)).consume();
        });
    }

    /** Deletes every event after {@code lastKept} and points the head at it, as if they never happened. */
    void cutTailAfter(long lastKept) {
        locked(s -> {
            s.run("MATCH (e:AuditEvent) WHERE e.seq > $seq DETACH DELETE e", Map.of("seq", lastKept)).consume();
            s.run("""
                    MATCH (e:AuditEvent {seq: $seq}), (c:AuditChain {id: 'audit'})
                    SET c.seq = e.seq, c.hash = e.hash
                    """, Map.of("seq", lastKept)).consume();
        });
    }

    static ZonedDateTime utc(Instant at) {
        return ZonedDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
