package org.armstrace.tracing;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Four eyes on the answer we send abroad: the supervisor approves one answer version by number,
 * the version they read; a redraft after that voids the approval; only the approved version is
 * sent. The request keeps {@code approvedVersion} while an approval stands and {@code sentVersion}
 * once the answer has gone out; an answer's approval stamps are never removed, a voided one gets
 * {@code voidedAt}. Callers ({@link TraceRequests}, {@link TraceAnswers}) check roles and the lifecycle.
 */
@Component
class AnswerApprovals {

    private final Neo4jClient neo4j;

    AnswerApprovals(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * Stamps the approval on {@code version}, refused when it is not the newest: a supervisor who
     * read version 1 has not read version 2. Whoever drafted the version does not approve it. The
     * request node is locked first, as a redraft locks it, so a draft and an approval at the same
     * moment are ordered: one of them sees the other.
     */
    void stamp(String requestId, int version, String by) {
        var drafted = neo4j.query("""
                        MATCH (t:TraceRequest {id: $id}) SET t._lock = true REMOVE t._lock
                        WITH t
                        MATCH (t)-[:HAS_ANSWER]->(a:TraceAnswer {version: $version})
                        RETURN a.draftedBy AS by, COUNT { (t)-[:HAS_ANSWER]->() } AS newest
                        """).bindAll(Map.of("id", requestId, "version", version))
                .fetchAs(Map.class).mappedBy((x, r) -> Map.of("by", r.get("by").asString(), "newest",
                        r.get("newest").asInt())).one();
        if (drafted.isEmpty()) {
            throw new TransitionRefused("trace.answer-needed");
        }
        if ((int) drafted.get().get("newest") != version) {
            throw new TransitionRefused("trace.approval-outdated");
        }
        if (drafted.get().get("by").equals(by)) {
            throw new TransitionRefused("trace.four-eyes");
        }
        neo4j.query("""
                        MATCH (t:TraceRequest {id: $id})-[:HAS_ANSWER]->(a:TraceAnswer {version: $version})
                        SET a.approvedBy = $by, a.approvedAt = $now, t.approvedVersion = $version
                        """)
                .bindAll(Map.of("id", requestId, "version", version, "by", by, "now", ZonedDateTime.now(ZoneOffset.UTC)))
                .run();
    }

    /** Voids the standing approval (a redraft came after it) and returns the version it was on, if any. */
    Optional<Integer> voidStanding(String requestId, String by) {
        return neo4j.query("""
                        MATCH (t:TraceRequest {id: $id})-[:HAS_ANSWER]->(a:TraceAnswer)
                        WHERE a.version = t.approvedVersion AND a.voidedAt IS NULL
                        SET a.voidedAt = $now, a.voidedBy = $by, t.approvedVersion = null
                        RETURN a.version
                        """)
                .bindAll(Map.of("id", requestId, "by", by, "now", ZonedDateTime.now(ZoneOffset.UTC)))
                .fetchAs(Integer.class).one();
    }

    /**
     * Marks the approved version as the one sent, refused when no approval stands on the newest
     * version: what goes abroad is exactly the text a supervisor approved.
     */
    int markSent(String requestId) {
        return neo4j.query("""
                        MATCH (t:TraceRequest {id: $id})-[:HAS_ANSWER]->(a:TraceAnswer)
                        WHERE a.version = t.approvedVersion AND a.approvedAt IS NOT NULL AND a.voidedAt IS NULL
                          AND a.version = COUNT { (t)-[:HAS_ANSWER]->() }
                        SET t.sentVersion = a.version
                        RETURN a.version
                        """)
                .bind(requestId).to("id").fetchAs(Integer.class).one()
                .orElseThrow(() -> new TransitionRefused("trace.answer-not-approved"));
    }
}
