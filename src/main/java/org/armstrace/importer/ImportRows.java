package org.armstrace.importer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
     *
     * <p>A page is a range of the rows' places ({@code pos}, or {@code outcomePos} under a filter,
     * numbered without gaps as the rows were written: {@link ImportBatches#saveRows}), read on an
     * index: row 5,000,000 costs what row 0 does. {@code SKIP} read and dropped every row before the
     * page (seconds at that depth on a national first load). An outcome is never changed after the
     * import (a review decided later is a {@code :MatchDecision} of its own), so the places stay
     * right. A batch written before the rows were numbered is still paged with {@code SKIP}.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<Row> page(String batch, String outcome, int offset, int limit) {
        String checked = outcome == null ? null : RowOutcome.check(outcome);
        String cypher;
        if (listed(batch, checked) != null) {
            cypher = checked == null ? """
                    MATCH (r:ImportRow {batch: $batch}) WHERE $offset <= r.pos < $end
                    RETURN r ORDER BY r.pos
                    """ : """
                    MATCH (r:ImportRow {batch: $batch, outcome: $outcome}) WHERE $offset <= r.outcomePos < $end
                    RETURN r ORDER BY r.outcomePos
                    """;
            String place = checked == null ? "pos" : "outcomePos";
            var placed = new ArrayList<UnchangedRows.Placed>();
            neo4j.query(cypher)
                    .bindAll(CypherParams.of("batch", batch, "outcome", checked, "offset", offset, "end", (long) offset + limit))
                    .fetch().all().forEach(r -> {
                        var n = (org.neo4j.driver.types.Node) r.get("r");
                        placed.add(new UnchangedRows.Placed(n.get(place).asLong(), toRow(n)));
                    });
            // The unchanged rows' runs hold their places too: merged among the merged, each among all rows.
            if (checked == null || checked.equals("merged")) {
                placed.addAll(UnchangedRows.page(neo4j, batch, checked != null, offset, (long) offset + limit));
            }
            placed.sort(Comparator.comparingLong(UnchangedRows.Placed::place));
            return placed.stream().map(UnchangedRows.Placed::row).toList();
        } else {
            // Two texts rather than "$outcome IS NULL OR …", so that each is served by its own index in line order.
            cypher = checked == null ? """
                    MATCH (r:ImportRow {batch: $batch}) WHERE r.line >= 0
                    RETURN r ORDER BY r.line SKIP $offset LIMIT $limit
                    """ : """
                    MATCH (r:ImportRow {batch: $batch, outcome: $outcome}) WHERE r.line >= 0
                    RETURN r ORDER BY r.line SKIP $offset LIMIT $limit
                    """;
        }
        return neo4j.query(cypher)
                .bindAll(CypherParams.of("batch", batch, "outcome", checked, "offset", offset, "limit", limit,
                        "end", (long) offset + limit))
                .fetchAs(Row.class).mappedBy((t, r) -> toRow(r.get("r").asNode())).all().stream().toList();
    }

    /**
     * How many of a batch's rows ended as this outcome (all rows when null): the batch's counter,
     * moved with each chunk's rows; counted on the index for a batch from before the counters.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public long count(String batch, String outcome) {
        String checked = outcome == null ? null : RowOutcome.check(outcome);
        Long listed = listed(batch, checked);
        if (listed != null) {
            return listed;
        }
        String cypher = checked == null ? "MATCH (r:ImportRow {batch: $batch}) RETURN count(r)"
                : "MATCH (r:ImportRow {batch: $batch, outcome: $outcome}) RETURN count(r)";
        return neo4j.query(cypher)
                .bindAll(CypherParams.of("batch", batch, "outcome", checked))
                .fetchAs(Long.class).one().orElse(0L);
    }

    /** The batch's row counter (of one outcome, or of all rows); null when its rows were written unnumbered. */
    private Long listed(String batch, String outcome) {
        return neo4j.query("""
                        MATCH (b:ImportBatch {id: $batch})
                        RETURN CASE WHEN $outcome IS NULL THEN b.listed ELSE b['listed_' + $outcome] END AS listed
                        """)
                .bindAll(CypherParams.of("batch", batch, "outcome", outcome))
                .fetch().one().map(r -> (Number) r.get("listed")).map(Number::longValue).orElse(null);
    }

    /** The person page's question (the roles that may read personal data); a dry run changed nobody. */
    @Override
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','ANALYST','INTAKE')")
    @Transactional(readOnly = true)
    public List<ExtractRow> ofPerson(String personId, int limit) {
        // A later word of the person's own source (changed or not) is a merge into them, as on the batch's page.
        var rows = new ArrayList<>(neo4j.query("""
                        MATCH (r:ImportRow {person: $person})
                        MATCH (b:ImportBatch {id: r.batch}) WHERE NOT b.dryRun
                        WITH r, b, r.personOutcome IN ['changed', 'unchanged'] AS sourced
                        RETURN b.fileName AS file, r.line AS line, b.id AS batch,
                               CASE WHEN sourced THEN 'merged' ELSE r.personOutcome END AS outcome,
                               CASE WHEN sourced THEN r.personOutcome WHEN r.kind = 'PERSON' THEN r.detail END AS detail,
                               b.startedAt AS at
                        ORDER BY b.startedAt DESC, r.line LIMIT $limit
                        """)
                .bindAll(Map.of("person", personId, "limit", limit))
                .fetchAs(ExtractRow.class).mappedBy((t, r) -> new ExtractRow(r.get("file").asString(), r.get("line").asInt(),
                        r.get("batch").asString(), r.get("outcome").asString(null), r.get("detail").asString(null),
                        at(r.get("at"))))
                .all());
        rows.addAll(UnchangedRows.ofPerson(neo4j, personId));
        rows.sort(Comparator.comparing(ExtractRow::at, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(ExtractRow::batchId).thenComparingInt(ExtractRow::line));
        return rows.stream().limit(limit).toList();
    }

    private static Instant at(Value v) {
        return v.isNull() ? null : v.asZonedDateTime().toInstant();
    }

    private static Row toRow(org.neo4j.driver.types.Node n) {
        return new Row(n.get("line").asInt(), n.get("outcome").asString(), n.get("detail").asString(null),
                n.get("kind").asString(null), n.get("record").asString(null), n.get("candidate").asString(null),
                n.get("reasons").isNull() ? List.of() : n.get("reasons").asList(Value::asString));
    }
}
