package org.armstrace.tracing;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.armstrace.base.ContentStore;
import org.armstrace.graph.CypherParams;
import org.armstrace.graph.GraphProperties;
import org.armstrace.security.AuditLog;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where submissions are kept: the bytes by SHA-256 under {@code <data dir>/submissions}, and a
 * {@code :Submission} node with the outcome, the problems and a {@code BECAME} link to each request
 * it became. There is no delete and no update of what was received; only links are added.
 */
@Component
class SubmissionStore {

    /** The one read of a submission with its requests, for every query that returns it. */
    private static final String RETURN = """
            RETURN s, COLLECT { MATCH (s)-[b:BECAME]->(t:TraceRequest)
                                RETURN {id: t.id, number: t.number, converted: coalesce(b.converted, false)} } AS became
            """;

    private final Neo4jClient neo4j;
    private final ContentStore files;
    private final JsonMapper json;

    SubmissionStore(Neo4jClient neo4j, GraphProperties graph, JsonMapper json) {
        this.neo4j = neo4j;
        this.files = new ContentStore(graph.dataDir().resolve("submissions"));
        this.json = json;
    }

    /**
     * Keeps a submission as received, in a transaction of its own: a refused request's rolled-back
     * intake does not take its submission with it. The file is written first, so a failure leaves
     * a file without a node, never a node without its file.
     */
    @Transactional
    Submission keep(NewTraceRequest.Channel channel, byte[] raw, String contentType, String fileName, String country,
                    List<Submission.Problem> problems, List<String> requestIds) {
        byte[] content = raw == null ? new byte[0] : raw;
        String sha = files.put(content);
        String id = UUID.randomUUID().toString();
        var props = CypherParams.of("id", id, "channel", channel.name(),
                "outcome", (problems.isEmpty() ? Submission.Outcome.ACCEPTED : Submission.Outcome.REFUSED).name(),
                "receivedAt", ZonedDateTime.now(ZoneOffset.UTC), "by", AuditLog.currentActor(), "country", country,
                "sha256", sha, "size", (long) content.length, "contentType", contentType, "fileName", fileName,
                "problems", json.writeValueAsString(problems));
        return neo4j.query("""
                        CREATE (s:Submission) SET s = $props
                        WITH s
                        CALL (s) {
                            UNWIND $requests AS rid
                            MATCH (t:TraceRequest {id: rid})
                            CREATE (s)-[:BECAME {at: s.receivedAt, converted: false}]->(t)
                            SET t.fromSubmission = coalesce(t.fromSubmission, s.id)
                        }
                        """ + RETURN)
                .bindAll(Map.of("props", props, "requests", requestIds))
                .fetchAs(Submission.class).mappedBy((x, r) -> toSubmission(r)).one().orElseThrow();
    }

    /** A refused submission, corrected by an intake officer, became this request; the request names it. */
    void linkConverted(String submissionId, String requestId, String by) {
        neo4j.query("""
                        MATCH (s:Submission {id: $submission}), (t:TraceRequest {id: $request})
                        CREATE (s)-[:BECAME {at: $now, by: $by, converted: true}]->(t)
                        SET t.fromSubmission = s.id
                        """)
                .bindAll(Map.of("submission", submissionId, "request", requestId, "by", by,
                        "now", ZonedDateTime.now(ZoneOffset.UTC)))
                .run();
    }

    Optional<Submission> find(String id) {
        return neo4j.query("MATCH (s:Submission {id: $id})\n" + RETURN).bind(id == null ? "" : id).to("id")
                .fetchAs(Submission.class).mappedBy((x, r) -> toSubmission(r)).one();
    }

    /** Newest first; a null filter matches all. */
    List<Submission> page(Submission.Outcome outcome, String country, NewTraceRequest.Channel channel, int offset,
                          int limit) {
        return neo4j.query("MATCH (s:Submission)\n" + FILTER + RETURN + "ORDER BY s.receivedAt DESC, s.id SKIP $offset LIMIT $limit")
                .bindAll(filter(outcome, country, channel, Map.of("offset", Math.max(0, offset),
                        "limit", Math.clamp(limit, 1, 500))))
                .fetchAs(Submission.class).mappedBy((x, r) -> toSubmission(r)).all().stream().toList();
    }

    long count(Submission.Outcome outcome, String country, NewTraceRequest.Channel channel) {
        return neo4j.query("MATCH (s:Submission)\n" + FILTER + "RETURN count(s)")
                .bindAll(filter(outcome, country, channel, Map.of())).fetchAs(Long.class).one().orElse(0L);
    }

    private static final String FILTER = """
            WHERE ($outcome IS NULL OR s.outcome = $outcome) AND ($country IS NULL OR s.country = $country)
              AND ($channel IS NULL OR s.channel = $channel)
            """;

    private static Map<String, Object> filter(Submission.Outcome outcome, String country,
                                              NewTraceRequest.Channel channel, Map<String, Object> more) {
        var params = CypherParams.of("outcome", outcome == null ? null : outcome.name(), "country", country,
                "channel", channel == null ? null : channel.name());
        params.putAll(more);
        return params;
    }

    /** The bytes as received, checked against their hash. */
    byte[] content(Submission s) {
        return files.get(s.sha256());
    }

    private Submission toSubmission(Record r) {
        Node s = r.get("s").asNode();
        List<Submission.Problem> problems = Arrays.asList(json.readValue(s.get("problems").asString("[]"),
                Submission.Problem[].class));
        List<Submission.Became> became = r.get("became").asList(b -> new Submission.Became(b.get("id").asString(),
                b.get("number").asString(), b.get("converted").asBoolean()));
        return new Submission(s.get("id").asString(), NewTraceRequest.Channel.valueOf(s.get("channel").asString()),
                Submission.Outcome.valueOf(s.get("outcome").asString()), s.get("receivedAt").asZonedDateTime().toInstant(),
                s.get("by").asString(), s.get("country").asString(null), s.get("sha256").asString(),
                s.get("size").asLong(), s.get("contentType").asString(null), s.get("fileName").asString(null),
                problems, became);
    }
}
