package org.armstrace.importer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.armstrace.graph.CypherParams;
import org.armstrace.registry.ExtractRows;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each row of an import became ({@code :ImportRow}, written with its chunk by
 * {@link ImportBatches}): a batch's rows by outcome, for its page, and a person's rows across every
 * extract, for theirs.
 */
@Service
public class ImportRows implements ExtractRows {

    /**
     * One row of a batch as listed on the batch's page.
     *
     * @param kind   the kind of record the row is a row of ({@code PERSON}, {@code FIREARM} …); null when rejected
     * @param record the record created or merged into, or (review) the row's own record
     */
    public record Row(int line, String outcome, String detail, String kind, String record, String candidate,
                      List<String> reasons) {
    }

    private final Neo4jClient neo4j;

    ImportRows(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * A page of a batch's rows in line order, all of them or those of one outcome (created, merged,
     * review, rejected).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<Row> page(String batch, String outcome, int offset, int limit) {
        // Two texts rather than "$outcome IS NULL OR …", so that each is served by its own index in line order.
        String cypher = outcome == null ? """
                MATCH (r:ImportRow {batch: $batch}) WHERE r.line >= 0
                RETURN r ORDER BY r.line SKIP $offset LIMIT $limit
                """ : """
                MATCH (r:ImportRow {batch: $batch, outcome: $outcome}) WHERE r.line >= 0
                RETURN r ORDER BY r.line SKIP $offset LIMIT $limit
                """;
        return neo4j.query(cypher)
                .bindAll(CypherParams.of("batch", batch, "outcome", outcome == null ? null : RowOutcome.check(outcome),
                        "offset", offset, "limit", limit))
                .fetchAs(Row.class).mappedBy((t, r) -> toRow(r.get("r"))).all().stream().toList();
    }

    /** How many of a batch's rows ended as this outcome (all rows when null). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public long count(String batch, String outcome) {
        String cypher = outcome == null ? "MATCH (r:ImportRow {batch: $batch}) RETURN count(r)"
                : "MATCH (r:ImportRow {batch: $batch, outcome: $outcome}) RETURN count(r)";
        return neo4j.query(cypher)
                .bindAll(CypherParams.of("batch", batch, "outcome", outcome == null ? null : RowOutcome.check(outcome)))
                .fetchAs(Long.class).one().orElse(0L);
    }

    /** The person page's question (the roles that may read personal data); a dry run changed nobody. */
    @Override
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','ANALYST','INTAKE')")
    @Transactional(readOnly = true)
    public List<ExtractRow> ofPerson(String personId, int limit) {
        return neo4j.query("""
                        MATCH (r:ImportRow {person: $person})
                        MATCH (b:ImportBatch {id: r.batch}) WHERE NOT b.dryRun
                        RETURN b.fileName AS file, r.line AS line, b.id AS batch, r.personOutcome AS outcome,
                               CASE WHEN r.kind = 'PERSON' THEN r.detail END AS detail, b.startedAt AS at
                        ORDER BY b.startedAt DESC, r.line LIMIT $limit
                        """)
                .bindAll(Map.of("person", personId, "limit", limit))
                .fetchAs(ExtractRow.class).mappedBy((t, r) -> new ExtractRow(r.get("file").asString(), r.get("line").asInt(),
                        r.get("batch").asString(), r.get("outcome").asString(null), r.get("detail").asString(null),
                        at(r.get("at"))))
                .all().stream().toList();
    }

    private static Instant at(Value v) {
        return v.isNull() ? null : v.asZonedDateTime().toInstant();
    }

    private static Row toRow(Value v) {
        var n = v.asNode();
        return new Row(n.get("line").asInt(), n.get("outcome").asString(), n.get("detail").asString(null),
                n.get("kind").asString(null), n.get("record").asString(null), n.get("candidate").asString(null),
                n.get("reasons").isNull() ? List.of() : n.get("reasons").asList(Value::asString));
    }
}
