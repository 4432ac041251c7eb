package org.armstrace.importer;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.armstrace.graph.CypherParams;
import org.armstrace.registry.PersonMatchUnsure;
import org.armstrace.security.AuditLog;
import org.armstrace.security.PersonalDataPath;
import org.armstrace.security.PersonalDataReads;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue of identity matching: rows the importer could not decide alone (a person or
 * weapon that may be one already recorded) wait here for an analyst, who merges them or keeps
 * them apart. Both decisions are audited and reversible: a merge is a {@code SAME_AS} link
 * between the two records, never a fusion of nodes, and undoing it marks the link revoked; the
 * decision keeps its whole history.
 *
 * <p>Reads registry's {@code :Person} and {@code :Firearm} in its own Cypher to show both sides of a
 * pair in the review list in one query (owners: graph-model/README.md).
 */
@Service
public class MatchReviews {

    public enum Verdict { MERGED, KEPT_APART }

    /** One question: the record the import created, the one it may be, the score and why. */
    public record Review(String id, String kind, String status, double score, List<String> reasons, String asWritten,
                         String recordId, String recordLabel, String candidateId, String candidateLabel, String batch,
                         int line, String decidedBy, Instant decidedAt) {
    }

    private final Neo4jClient neo4j;
    private final AuditLog audit;
    private final PersonalDataReads reads;

    MatchReviews(Neo4jClient neo4j, AuditLog audit, PersonalDataReads reads) {
        this.neo4j = neo4j;
        this.audit = audit;
        this.reads = reads;
    }

    /** Questions by status (PENDING, MERGED, KEPT_APART, AUTO_MERGED), most certain first. */
    /** The page shows both people of each person question: one audited read for the page. */
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','ANALYST')")
    @Transactional
    public List<Review> list(String status, int offset, int limit) {
        List<Review> page = neo4j.query(QUERY + " WHERE d.status = $status RETURN d, " + LABELS + " ORDER BY d.score DESC, d.at SKIP $offset LIMIT $limit")
                .bindAll(Map.of("status", status, "offset", Math.max(0, offset), "limit", Math.max(1, Math.min(limit, 500))))
                .fetchAs(Review.class).mappedBy((t, r) -> toReview(r)).all().stream().toList();
        reads.record(PersonalDataPath.IMPORT_REVIEW, people(page));
        return page;
    }

    private static List<String> people(List<Review> reviews) {
        return reviews.stream().filter(r -> r.kind().equals("PERSON"))
                .flatMap(r -> Stream.of(r.recordId(), r.candidateId())).toList();
    }

    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','ANALYST')")
    @Transactional(readOnly = true)
    public long count(String status) {
        return neo4j.query("MATCH (d:MatchDecision {status: $status}) RETURN count(d)").bind(status).to("status")
                .fetchAs(Long.class).one().orElse(0L);
    }

    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','ANALYST')")
    @Transactional
    public Optional<Review> find(String id) {
        Optional<Review> found = load(id);
        found.ifPresent(r -> reads.record(PersonalDataPath.IMPORT_REVIEW, people(List.of(r))));
        return found;
    }

    /** Without auditing: a decision is audited as the decision. */
    private Optional<Review> load(String id) {
        return neo4j.query(QUERY + " WHERE d.id = $id RETURN d, " + LABELS).bind(id).to("id")
                .fetchAs(Review.class).mappedBy((t, r) -> toReview(r)).one();
    }

    /**
     * Merges the two records (a {@code SAME_AS} link from the imported record to the one it is) or
     * keeps them apart. Only a pending question can be decided; a decided one must be undone first.
     */
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','ANALYST')")
    @Transactional
    public Review decide(String id, Verdict verdict) {
        lock(id);
        Review r = load(id).filter(x -> x.status().equals("PENDING"))
                .orElseThrow(() -> new IllegalStateException("import.review.not-pending"));
        String by = AuditLog.currentActor();
        neo4j.query("""
                        MATCH (d:MatchDecision {id: $id})
                        SET d.status = $verdict, d.decidedBy = $by, d.decidedAt = datetime(),
                            d.history = coalesce(d.history, []) + [toString(datetime()) + ' ' + $by + ' ' + $verdict]
                        WITH d WHERE $verdict = 'MERGED'
                        MATCH (a {id: d.recordId}), (b {id: d.candidateId})
                        WHERE (a:Person AND b:Person) OR (a:Firearm AND b:Firearm)
                        CREATE (a)-[:SAME_AS {decision: d.id, by: $by, at: datetime()}]->(b)
                        """)
                .bindAll(Map.of("id", id, "verdict", verdict.name(), "by", by)).run();
        audit.record("import.review." + verdict.name().toLowerCase(Locale.ROOT),
                List.of(r.kind().equals("PERSON") ? "Person:" + r.recordId() : "Firearm:" + r.recordId(),
                        (r.kind().equals("PERSON") ? "Person:" : "Firearm:") + r.candidateId()),
                "score " + String.format(Locale.ROOT, "%.2f", r.score()));
        return load(id).orElseThrow();
    }

    /** Takes a decision back: a merge's link is marked revoked (kept, not deleted) and the question is pending again. */
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','ANALYST')")
    @Transactional
    public Review undo(String id) {
        lock(id);
        Review r = load(id).filter(x -> x.status().equals("MERGED") || x.status().equals("KEPT_APART"))
                .orElseThrow(() -> new IllegalStateException("import.review.not-decided"));
        String by = AuditLog.currentActor();
        neo4j.query("""
                        MATCH (d:MatchDecision {id: $id})
                        SET d.status = 'PENDING', d.decidedBy = null, d.decidedAt = null,
                            d.history = coalesce(d.history, []) + [toString(datetime()) + ' ' + $by + ' undid ' + $was]
                        WITH d
                        OPTIONAL MATCH ()-[s:SAME_AS {decision: d.id}]->() WHERE s.revokedAt IS NULL
                        SET s.revokedAt = datetime(), s.revokedBy = $by
                        """)
                .bindAll(CypherParams.of("id", id, "by", by, "was", r.status())).run();
        audit.record("import.review.undone", List.of((r.kind().equals("PERSON") ? "Person:" : "Firearm:") + r.recordId()),
                "was " + r.status());
        return load(id).orElseThrow();
    }

    /**
     * A person typed outside an import (a possessor at a recovery) who may be one already recorded
     * becomes a question like an import row's. Synchronous, in the registering transaction: the
     * person and the question are written together or not at all.
     */
    @EventListener
    void unsure(PersonMatchUnsure e) {
        neo4j.query("""
                        MERGE (d:MatchDecision {id: $id})
                          ON CREATE SET d.batch = $where, d.line = 0, d.kind = 'PERSON', d.status = 'PENDING',
                                        d.score = $score, d.reasons = $reasons, d.summary = $summary,
                                        d.recordId = $record, d.candidateId = $candidate, d.at = datetime()
                        """)
                .bindAll(CypherParams.of("id", ChunkWriter.id("decision", e.where(), e.personId(), "PERSON"),
                        "where", e.where(), "score", e.score(), "reasons", e.reasons(), "summary", e.summary(),
                        "record", e.personId(), "candidate", e.candidateId()))
                .run();
    }

    /**
     * Takes the decision's write lock for the rest of the transaction, so that what is read next is
     * what the last decision committed: two analysts deciding at once are served one after the other,
     * and the second finds the question no longer pending.
     */
    private void lock(String id) {
        neo4j.query("MATCH (d:MatchDecision {id: $id}) SET d.`_lock` = true REMOVE d.`_lock`").bind(id).to("id").run();
    }

    private static final String QUERY = """
            MATCH (d:MatchDecision)
            OPTIONAL MATCH (a {id: d.recordId}) WHERE a:Person OR a:Firearm
            OPTIONAL MATCH (b {id: d.candidateId}) WHERE b:Person OR b:Firearm
            WITH d, a, b
            """;

    private static final String LABELS = """
            CASE WHEN a:Person THEN a.givenName + ' ' + a.familyName + coalesce(', ' + toString(a.birthDate), '')
                      + coalesce(', ' + a.birthPlace, '') + coalesce(', ' + a.nationalId, '') + ' [' + a.source + ']'
                 ELSE a.makeAsRead + ' ' + coalesce(a.model + ' ', '') + a.serialAsRead + ' [' + a.source + ']' END AS recordLabel,
            CASE WHEN b:Person THEN b.givenName + ' ' + b.familyName + coalesce(', ' + toString(b.birthDate), '')
                      + coalesce(', ' + b.birthPlace, '') + coalesce(', ' + b.nationalId, '') + ' [' + b.source + ']'
                 ELSE b.makeAsRead + ' ' + coalesce(b.model + ' ', '') + b.serialAsRead + ' [' + b.source + ']' END AS candidateLabel
            """;

    private static Review toReview(Record r) {
        var d = r.get("d").asNode();
        return new Review(d.get("id").asString(), d.get("kind").asString(), d.get("status").asString(),
                d.get("score").asDouble(), d.get("reasons").asList(Value::asString),
                d.get("summary").asString(""), d.get("recordId").asString(), r.get("recordLabel").asString(""),
                d.get("candidateId").asString(), r.get("candidateLabel").asString(""), d.get("batch").asString(),
                d.get("line").asInt(), d.get("decidedBy").asString(null),
                d.get("decidedAt").isNull() ? null : d.get("decidedAt").asZonedDateTime().toInstant());
    }
}
