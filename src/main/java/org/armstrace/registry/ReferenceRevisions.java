package org.armstrace.registry;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.armstrace.security.AuditLog;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The history of reference entries: every edit leaves a {@code :ReferenceRevision} with the values
 * before and after, who made it and why, stamps the entry with {@code user:<name>} provenance and
 * writes an audit event, in the caller's transaction.
 */
@Component
class ReferenceRevisions {

    private final Neo4jClient neo4j;
    private final AuditLog audit;

    ReferenceRevisions(Neo4jClient neo4j, AuditLog audit) {
        this.neo4j = neo4j;
        this.audit = audit;
    }

    void revise(ReferenceKind kind, String code, Map<String, Object> after, String reason) {
        revise(kind, code, after, reason, "reference.changed");
    }

    void revise(ReferenceKind kind, String code, Map<String, Object> after, String reason, String event) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A reason is required for changing reference data");
        }
        // The MERGE comes from ReferenceKind (never from input), so the text block stays parameterised.
        neo4j.query(kind.merge() + """

                        WITH e, properties(e) AS before
                        CREATE (r:ReferenceRevision {at: datetime(), by: $by, reason: $reason,
                                                     before: [k IN keys(before) | k + '=' + %s],
                                                     after: [k IN keys($after) | k + '=' + %s]})
                        CREATE (r)-[:REVISES]->(e)
                        SET e += $after, e.source = 'user:' + $by, e.recordedAt = datetime(), e.confidence = 'HIGH'
                        """.formatted(text("before[k]"), text("$after[k]")))
                .bindAll(Map.of("code", code, "after", after, "by", AuditLog.currentActor(), "reason", reason.strip()))
                .run();
        audit.record(event, List.of(kind.label() + ":" + code), reason.strip());
    }

    /** The entry's revisions, oldest first. */
    List<ReferenceRevision> history(ReferenceKind kind, String code) {
        return neo4j.query(kind.match() + """

                        MATCH (r:ReferenceRevision)-[:REVISES]->(e)
                        RETURN r ORDER BY r.at, elementId(r)
                        """)
                .bind(code).to("code")
                .fetchAs(ReferenceRevision.class).mappedBy((t, rec) -> {
                    var r = rec.get("r").asNode();
                    return new ReferenceRevision(r.get("at").asZonedDateTime(), r.get("by").asString(""),
                            r.get("reason").asString(""), r.get("before").asList(v -> v.asString()),
                            r.get("after").asList(v -> v.asString()));
                }).all().stream().toList();
    }

    /** Cypher for a property value as text; lists become [a|b|c] (toString() refuses lists). */
    private static String text(String value) {
        return "CASE WHEN " + value + " IS :: LIST<ANY> THEN '[' + reduce(s = '', x IN " + value
                + " | s + CASE WHEN s = '' THEN '' ELSE '|' END + toString(x)) + ']' ELSE toString(" + value + ") END";
    }
}
