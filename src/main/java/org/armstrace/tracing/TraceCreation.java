package org.armstrace.tracing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.armstrace.base.Sha256;
import org.armstrace.graph.CypherParams;
import org.armstrace.registry.SerialHit;
import org.armstrace.registry.SerialSearch;
import org.armstrace.security.AuditLog;
import org.neo4j.driver.types.Node;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Numbers and stores a new request, incoming or outgoing: idempotent on the sender's key, given a
 * due date by priority and, when incoming, acknowledged, checked against the registry and assigned
 * by workload, all in the caller's transaction. Callers check who may create what.
 *
 * <p>Matches registry's {@code :Firearm} by id in its own Cypher only to hang this module's
 * {@code CONCERNS} link on it in the same write (owners: graph-model/README.md).
 */
@Component
class TraceCreation {

    private final Neo4jClient neo4j;
    private final TraceRequests traces;
    private final TraceQueues queues;
    private final SerialSearch search;
    private final ServiceLevels levels;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    TraceCreation(Neo4jClient neo4j, TraceRequests traces, TraceQueues queues, SerialSearch search,
                  ServiceLevels levels, AuditLog audit, ApplicationEventPublisher events) {
        this.neo4j = neo4j;
        this.traces = traces;
        this.queues = queues;
        this.search = search;
        this.levels = levels;
        this.audit = audit;
        this.events = events;
    }

    TraceRequest create(NewTraceRequest r) {
        traces.checkCounterpart(r);
        String fingerprint = fingerprint(r);
        if (r.idempotencyKey() != null) {
            var earlier = earlier(r, fingerprint);
            if (earlier != null) {
                return earlier;
            }
        }
        Instant now = Instant.now();
        String by = AuditLog.currentActor();
        String id = UUID.randomUUID().toString();
        boolean incoming = r.direction() == Direction.INCOMING;
        // Reads first, outside the counter's lock: who has the lightest load.
        String analyst = incoming ? queues.lightestAnalyst().orElse(null) : null;
        // The registry is checked on intake; the hits are kept with the request for the analyst.
        List<Map<String, Object>> candidates = incoming ? candidates(r) : List.of();
        TraceStatus status = !incoming ? TraceStatus.DRAFT : analyst == null ? TraceStatus.ACKNOWLEDGED : TraceStatus.ASSIGNED;
        List<Map<String, Object>> transitions = transitions(r, by, analyst);
        Instant due = levels.due(now, r.priority());
        String prefix = traces.home() + "-" + r.direction().code() + "-" + now.atZone(levels.zone()).getYear();
        String number = insert(r, CypherParams.of("prefix", prefix, "id", id, "direction", r.direction().name(),
                "status", status.name(), "priority", r.priority().name(), "counterpart", r.counterpart(),
                "now", now.atZone(ZoneOffset.UTC), "due", due.atZone(ZoneOffset.UTC),
                "channel", r.channel().name(), "by", by, "analyst", analyst,
                "key", r.idempotencyKey() == null ? null : scopedKey(r), "fingerprint", fingerprint,
                "props", TraceRequestRows.content(r), "transitions", transitions, "firearm", r.firearmId(),
                "candidates", candidates));
        audit.record("trace.created", List.of("TraceRequest:" + id), number + " " + r.direction() + " "
                + r.counterpart() + " via " + r.channel() + "; " + transitions.stream()
                .map(x -> String.valueOf(x.get("to"))).collect(Collectors.joining(" → "))
                + (analyst == null ? "" : "; assigned to " + analyst));
        if (incoming) {
            events.publishEvent(new IncomingRequestLinked(id));
        }
        return TraceRequestRows.created(id, number, r, status, now, due, analyst, by);
    }

    /** The request first sent under the same key, or null; the same key with another content is refused. */
    private TraceRequest earlier(NewTraceRequest r, String fingerprint) {
        // Two retries sent at once: the second waits here for the first to commit.
        neo4j.query("MERGE (k:IdempotencyKey {key: $key}) ON CREATE SET k.at = datetime()")
                .bind("trace:" + scopedKey(r)).to("key").run();
        // Read here, not through TraceRequests.find: a partner retrying its own request may not use the desk's reads.
        var earlier = neo4j.query("MATCH (t:TraceRequest {idempotencyKey: $key}) RETURN t")
                .bind(scopedKey(r)).to("key").fetchAs(Node.class).mappedBy((x, row) -> row.get("t").asNode()).one();
        if (earlier.isEmpty()) {
            return null;
        }
        if (!fingerprint.equals(earlier.get().get("fingerprint").asString(null))) {
            throw new TransitionRefused("trace.idempotency-conflict");
        }
        return TraceRequestRows.of(earlier.get());
    }

    /** The moves a new request has made by the time it is stored: received, and on intake acknowledged and assigned. */
    private static List<Map<String, Object>> transitions(NewTraceRequest r, String by, String analyst) {
        var transitions = new ArrayList<Map<String, Object>>();
        transitions.add(CypherParams.of("from", null, "to", TraceLifecycle.initial(r.direction()).name(), "by", by,
                "reason", "received through " + r.channel()));
        if (r.direction() == Direction.INCOMING) {
            transitions.add(CypherParams.of("from", TraceStatus.RECEIVED.name(), "to", TraceStatus.ACKNOWLEDGED.name(),
                    "by", "system", "reason", "receipt acknowledged on intake"));
            if (analyst != null) {
                transitions.add(CypherParams.of("from", TraceStatus.ACKNOWLEDGED.name(), "to", TraceStatus.ASSIGNED.name(),
                        "by", "system", "reason", "assigned by workload to " + analyst));
            }
        }
        return transitions;
    }

    /**
     * One statement, last in the transaction: the counter node's write lock serialises concurrent
     * requests for as short a time as possible, and a rolled-back request rolls its number back
     * too, so numbers stay gapless.
     */
    private String insert(NewTraceRequest r, Map<String, Object> params) {
        return neo4j.query("""
                        MERGE (c:TraceCounter {key: $prefix})
                        ON CREATE SET c.value = 0
                        SET c.value = c.value + 1
                        WITH c.value AS seq
                        CREATE (t:TraceRequest {id: $id, number: $prefix + '-' + right('00000' + toString(seq), 6),
                                direction: $direction, status: $status, priority: $priority, counterpart: $counterpart,
                                receivedAt: $now, dueAt: $due, channel: $channel, createdBy: $by, assignee: $analyst,
                                idempotencyKey: $key, fingerprint: $fingerprint})
                        SET t += $props
                        WITH t
                        UNWIND range(0, size($transitions) - 1) AS i
                        CREATE (t)-[:HAS_TRANSITION]->(x:TraceTransition {at: $now, seq: i})
                        SET x += $transitions[i]
                        WITH DISTINCT t
                        CALL (t) {
                            UNWIND $candidates AS c
                            MATCH (f:Firearm {id: c.firearm})
                            CREATE (t)-[:CANDIDATE {score: c.score, reasons: c.reasons, rank: c.rank, flags: c.flags}]->(f)
                        }
                        OPTIONAL MATCH (f:Firearm {id: $firearm})
                        FOREACH (_ IN CASE WHEN f IS NULL THEN [] ELSE [1] END | CREATE (t)-[:CONCERNS]->(f))
                        RETURN t.number AS number
                        """)
                .bindAll(params).fetchAs(String.class).one().orElseThrow();
    }

    /** The registry's closest weapons to the one described: up to five, make-scoped when the make is known. */
    private List<Map<String, Object>> candidates(NewTraceRequest r) {
        List<SerialHit> hits = search.searchAsRead(r.weaponSerial(), r.weaponMake(), r.weaponModel(), 5);
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < hits.size(); i++) {
            SerialHit h = hits.get(i);
            rows.add(Map.of("firearm", h.firearm().id(), "score", h.score(), "reasons", h.storedReasons(), "rank", i + 1,
                    "flags", h.flags()));
        }
        return rows;
    }

    private static String scopedKey(NewTraceRequest r) {
        return r.counterpart() + ":" + r.idempotencyKey();
    }

    /** What the sender said, for telling a true retry from a different request under the same key. */
    private static String fingerprint(NewTraceRequest r) {
        return Sha256.hex(String.join("\u001f", String.valueOf(r.direction()), r.counterpart(),
                String.valueOf(r.partnerReference()), r.priority().name(), String.valueOf(r.weaponType()),
                String.valueOf(r.weaponMake()), String.valueOf(r.weaponModel()), String.valueOf(r.weaponCalibre()),
                String.valueOf(r.weaponSerial()), String.valueOf(r.weaponCountry()), String.valueOf(r.whyIllicit()),
                String.valueOf(r.legalBasis()), String.valueOf(r.intendedUse()), String.valueOf(r.circumstances()),
                String.valueOf(r.firearmId())).getBytes(StandardCharsets.UTF_8));
    }
}
