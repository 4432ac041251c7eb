package org.armstrace.security;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit trail: every change, and every read of a person's record, becomes an
 * {@link AuditEvent} in a chain: each event's {@code hash} is an HMAC-SHA-256, under a key kept
 * outside the database ({@link AuditKey}), over its fields and the previous event's hash. Someone
 * with only database access can therefore not rewrite an event unseen, and {@link AuditAnchors}
 * copies the head out of the database so that the end of the chain cannot be cut off unseen either.
 *
 * <p>An append joins the caller's transaction, so a change and its audit event commit or roll
 * back together. Appends are serialised by the write lock on the single {@code :AuditChain} head
 * node, which also works across a Neo4j cluster.
 */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    /** Marks an event as authenticated with the key; events from before the key have no scheme. */
    static final String SCHEME = "hmac-sha256/v2";

    private final Neo4jClient neo4j;
    private final AuditKey key;
    private final AuditAnchors anchors;

    AuditLog(Neo4jClient neo4j, AuditKey key, AuditAnchors anchors) {
        this.neo4j = neo4j;
        this.key = key;
        this.anchors = anchors;
    }

    /** Appends an event on behalf of the current user (or "system" outside a request). */
    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEvent record(String action, List<String> entities, String details) {
        return append(currentActor(), action, entities, details);
    }

    /** Appends an event for an explicitly named actor, e.g. a failed login attempt by a name. */
    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEvent recordAs(String actor, String action, List<String> entities, String details) {
        return append(actor, action, entities, details);
    }

    private AuditEvent append(String actor, String action, List<String> entities, String details) {
        // SET on the head takes its write lock before the head is read: appends queue up here.
        var head = neo4j.query("""
                        MERGE (c:AuditChain {id: 'audit'})
                          ON CREATE SET c.seq = 0, c.hash = $genesis
                        SET c.lockedAt = datetime()
                        RETURN c.seq AS seq, c.hash AS hash
                        """)
                .bind(GENESIS).to("genesis")
                .fetchAs(Map.Entry.class)
                .mappedBy((t, r) -> Map.entry(r.get("seq").asLong(), r.get("hash").asString()))
                .one().orElseThrow();
        long seq = (Long) head.getKey() + 1;
        String prevHash = (String) head.getValue();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String safeDetails = details == null ? "" : details;
        var event = new AuditEvent(seq, at, actor, action, entities, safeDetails, prevHash,
                key.mac(AuditCanonical.event(seq, at, actor, action, entities, safeDetails, prevHash)));
        neo4j.query("""
                        MATCH (c:AuditChain {id: 'audit'})
                        CREATE (:AuditEvent {seq: $seq, at: $at, actor: $actor, action: $action, entities: $entities,
                                             details: $details, prevHash: $prevHash, hash: $hash, scheme: $scheme})
                        SET c.seq = $seq, c.hash = $hash
                        """)
                .bindAll(Map.of("seq", seq, "at", ZonedDateTime.ofInstant(at, ZoneOffset.UTC), "actor", actor,
                        "action", action, "entities", event.entities(), "details", safeDetails,
                        "prevHash", prevHash, "hash", event.hash(), "scheme", SCHEME))
                .run();
        anchors.appended(seq);
        return event;
    }

    /**
     * Newest first, for the admin view, optionally only events whose actor and action contain the
     * given texts (ignoring case).
     *
     * <p>Unfiltered, a page is a range of sequence numbers on the {@code seq} index: the chain is
     * numbered 1, 2, 3 … without gaps (appends are serialised on the head, and an event is never
     * deleted), so the page at row k of a chain of n events is seq n − k down to n − k − limit + 1,
     * and row 5,000,000 costs what row 0 does. That holds only while the count of events equals the
     * head's number: a chain that has lost an event (which {@link #verify()} reports) or an append
     * committed between the two reads is paged with {@code SKIP}, as before.
     *
     * <p>Filtered, the events are walked on the same index from the newest and the walk stops once
     * the page is full; a filter matches any part of a name in any case, which no index answers, so a
     * deep page of a filter still reads every event before it (see {@code src/bench/README.md}).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditEvent> page(int offset, int limit, String actorFilter, String actionFilter) {
        String actor = nullToEmpty(actorFilter);
        String action = nullToEmpty(actionFilter);
        long head = actor.isEmpty() && action.isEmpty() ? denseHead() : -1;
        if (head >= 0) {
            return neo4j.query("""
                            MATCH (e:AuditEvent) WHERE $low <= e.seq <= $high
                            RETURN e ORDER BY e.seq DESC
                            """)
                    .bindAll(Map.of("high", head - offset, "low", Math.max(1, head - offset - limit + 1)))
                    .fetchAs(AuditEvent.class).mappedBy((t, r) -> toEvent(r.get("e").asNode()))
                    .all().stream().toList();
        }
        // "seq IS NOT NULL" lets the planner walk the seq index in order and stop at the page's end,
        // rather than read and sort every event for each page.
        return neo4j.query("""
                        MATCH (e:AuditEvent) WHERE e.seq IS NOT NULL
                          AND ($actor = '' OR toLower(e.actor) CONTAINS toLower($actor))
                          AND ($action = '' OR toLower(e.action) CONTAINS toLower($action))
                        RETURN e ORDER BY e.seq DESC SKIP $offset LIMIT $limit
                        """)
                .bindAll(Map.of("actor", actor, "action", action, "offset", offset, "limit", limit))
                .fetchAs(AuditEvent.class).mappedBy((t, r) -> toEvent(r.get("e").asNode()))
                .all().stream().toList();
    }

    /**
     * The head's sequence number when the chain holds exactly the events 1 … head; -1 otherwise. The
     * count comes from the store's counts, not from reading the events.
     */
    private long denseHead() {
        long events = neo4j.query("MATCH (e:AuditEvent) RETURN count(e)").fetchAs(Long.class).one().orElse(0L);
        long head = neo4j.query("MATCH (c:AuditChain {id: 'audit'}) RETURN c.seq").fetchAs(Long.class).one().orElse(0L);
        return events == head ? head : -1;
    }

    /**
     * The events about one entity ("TraceRequest:<id>"), oldest first, for the page that shows it.
     * Found through the full-text index on {@code entities} (V0010), not by scanning the chain.
     */
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','ANALYST','INTAKE')")
    @Transactional(readOnly = true)
    public List<AuditEvent> about(String entity, int limit) {
        // A phrase under the keyword analyzer is the whole entry; quotes and backslashes are escaped.
        String phrase = "\"" + entity.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return neo4j.query("""
                        CALL db.index.fulltext.queryNodes('audit_event_entities', $phrase) YIELD node AS e
                        WHERE $entity IN e.entities
                        RETURN e ORDER BY e.seq LIMIT $limit
                        """)
                .bindAll(Map.of("phrase", phrase, "entity", entity, "limit", Math.clamp(limit, 1, 1000)))
                .fetchAs(AuditEvent.class).mappedBy((t, r) -> toEvent(r.get("e").asNode()))
                .all().stream().toList();
    }

    /** How many events the filters let through; unfiltered, from the store's counts rather than by reading the events. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public long count(String actorFilter, String actionFilter) {
        String actor = nullToEmpty(actorFilter);
        String action = nullToEmpty(actionFilter);
        if (actor.isEmpty() && action.isEmpty()) {
            return neo4j.query("MATCH (e:AuditEvent) RETURN count(e)").fetchAs(Long.class).one().orElse(0L);
        }
        return neo4j.query("""
                        MATCH (e:AuditEvent)
                        WHERE ($actor = '' OR toLower(e.actor) CONTAINS toLower($actor))
                          AND ($action = '' OR toLower(e.action) CONTAINS toLower($action))
                        RETURN count(e) AS n
                        """)
                .bindAll(Map.of("actor", actor, "action", action))
                .fetchAs(Long.class).one().orElse(0L);
    }

    /** Checks the whole chain; {@link AuditChainReport#problem()} is a translation key. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public AuditChainReport verify() {
        return verifyChain();
    }

    /** For the command line, which runs with database access but no signed-in user. */
    @Transactional(readOnly = true)
    AuditChainReport verifyChain() {
        return verifyChain(anchors.file());
    }

    /** Against the anchors in {@code anchorsFile}, e.g. a copy kept on another machine. */
    @Transactional(readOnly = true)
    AuditChainReport verifyChain(Path anchorsFile) {
        return new AuditChainVerifier(neo4j, key).verify(AnchorFile.read(anchorsFile, key));
    }

    /** The bytes an event's MAC covers. */
    static byte[] canonical(AuditEvent e) {
        return AuditCanonical.event(e.seq(), e.at(), e.actor(), e.action(), e.entities(), e.details(), e.prevHash());
    }

    static AuditEvent toEvent(Node n) {
        return new AuditEvent(n.get("seq").asLong(), n.get("at").asZonedDateTime().toInstant(),
                n.get("actor").asString(""), n.get("action").asString(""),
                n.get("entities").asList(v -> v.asString(), List.of()), n.get("details").asString(""),
                n.get("prevHash").asString(""), n.get("hash").asString(""));
    }

    /** The signed-in user's name, or "system" outside a request (start-up, imports, commands). */
    public static String currentActor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return "system";
        }
        return auth.getName();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
