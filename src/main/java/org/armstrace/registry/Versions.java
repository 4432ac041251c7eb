package org.armstrace.registry;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * History, not overwrites, for records that are corrected in place (firearms, people, organisations,
 * licences, transfers): the first
 * version and every correction are kept as {@code :<Label>Version} nodes with the changed fields
 * before and after, who, why and on what source. The node itself carries the current values for
 * search.
 */
final class Versions {

    private Versions() {
    }

    /**
     * Sets the changed values of {@code next} on the node with the given label and id, keeping the
     * replaced values in a new version; {@code derived} values are set too but left out of the diff.
     */
    static void supersede(Neo4jClient neo4j, String label, String id, Map<String, Object> next,
                          Map<String, Object> derived, String reason, Provenance provenance) {
        supersede(neo4j, label, id, next, derived, List.of(), List.of(), reason, provenance);
    }

    /**
     * As {@link #supersede(Neo4jClient, String, String, Map, Map, String, Provenance)}, with changes
     * that are not properties of the node ({@code "key=value"} lines: a relationship such as an
     * organisation's country, or a weapon's marking) added to the version as they are. Records that
     * were written without a version (organisations, licences, transfers) count as version 1.
     */
    static void supersede(Neo4jClient neo4j, String label, String id, Map<String, Object> next,
                          Map<String, Object> derived, List<String> otherBefore, List<String> otherAfter,
                          String reason, Provenance provenance) {
        // Labels come from this package's constants only, never from input.
        neo4j.query("""
                        MATCH (n:%1$s {id: $id})
                        WITH n, properties(n) AS old
                        WITH n, old, [k IN keys($next) WHERE old[k] IS NULL OR $next[k] IS NULL OR old[k] <> $next[k]] AS changed
                        CREATE (n)-[:HAS_VERSION]->(:%1$sVersion {version: coalesce(n.version, 1) + 1, at: $now, by: $by,
                               source: $source, confidence: $confidence, reason: $reason,
                               before: [k IN changed WHERE old[k] IS NOT NULL | k + '=' + toString(old[k])] + $otherBefore,
                               after: [k IN changed WHERE $next[k] IS NOT NULL | k + '=' + toString($next[k])] + $otherAfter})
                        SET n += $next, n += $derived, n.version = coalesce(n.version, 1) + 1,
                            n.source = $source, n.confidence = $confidence, n.recordedAt = $now
                        """.formatted(label))
                .bindAll(CypherParams.of("id", id, "next", next, "derived", derived, "otherBefore", otherBefore,
                        "otherAfter", otherAfter, "now", ZonedDateTime.now(ZoneOffset.UTC), "by", AuditLog.currentActor(),
                        "source", provenance.source(), "confidence", provenance.confidence().name(), "reason", reason))
                .run();
    }

    /** The versions of many records of one label, by id, oldest first; records without versions are left out. */
    static Map<String, List<RecordVersion>> ofAll(Neo4jClient neo4j, String label, List<String> ids) {
        var out = new HashMap<String, List<RecordVersion>>();
        if (ids.isEmpty()) {
            return out;
        }
        neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (:%1$s {id: id})-[:HAS_VERSION]->(v:%1$sVersion)
                        RETURN id, v ORDER BY id, v.version
                        """.formatted(label))
                .bind(ids).to("ids").fetch().all()
                .forEach(r -> out.computeIfAbsent((String) r.get("id"), k -> new ArrayList<>())
                        .add(version((Node) r.get("v"))));
        return out;
    }

    static List<RecordVersion> of(Neo4jClient neo4j, String label, String id) {
        return neo4j.query("""
                        MATCH (:%1$s {id: $id})-[:HAS_VERSION]->(v:%1$sVersion)
                        RETURN v ORDER BY v.version
                        """.formatted(label))
                .bind(id).to("id")
                .fetchAs(RecordVersion.class).mappedBy((t, r) -> version(r.get("v").asNode())).all().stream().toList();
    }

    private static RecordVersion version(Node v) {
        return new RecordVersion(v.get("version").asInt(), v.get("at").asZonedDateTime().toInstant(),
                v.get("by").asString(""), v.get("source").asString(""), v.get("confidence").asString(""),
                v.get("reason").asString(""), v.get("before").asList(Value::asString), v.get("after").asList(Value::asString));
    }
}
