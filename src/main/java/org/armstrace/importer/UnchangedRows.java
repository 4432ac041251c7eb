package org.armstrace.importer;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.armstrace.graph.CypherParams;
import org.armstrace.registry.ExtractRows.ExtractRow;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The rows of a later extract that its source sent exactly as last time (issue 27 item 1: "unchanged
 * rows write nothing"), still each accounted for (issue 26 item 2), but compactly: consecutive such
 * rows of a chunk are one {@code :UnchangedRows} node holding their lines and records as arrays, from
 * the place ({@code pos}) of the first and, since they are all merged, its place among the merged rows
 * ({@code outcomePos}). A monthly extract of S is 95 % such rows: with its 5 % changed rows scattered,
 * about 82,000 runs instead of 1.66 million {@code :ImportRow} nodes, and two index entries each instead of five.
 *
 * <p>Only rows that say nothing but "unchanged, record X" go here: merged as unchanged, no candidate,
 * no reasons, and the person they name (if any) unchanged too. Every other row keeps its own
 * {@code :ImportRow}. A run never holds more than {@link #MAX_RUN} rows, so that a page's range read
 * need only look that far back for a run that reaches into it.
 */
final class UnchangedRows {

    /** The most rows one node holds; a page looks back this far for a run reaching into it. */
    static final int MAX_RUN = 5_000;

    private final String batch;
    private final List<Map<String, Object>> runs = new ArrayList<>();
    private Run open;

    UnchangedRows(String batch) {
        this.batch = batch;
    }

    /** A row that is only the confirmation of an unchanged record (and, if it names a person, of that person). */
    static boolean compact(RowOutcome r) {
        return "merged".equals(r.outcome()) && "unchanged".equals(r.detail()) && r.kind() != null && r.record() != null
                && r.candidate() == null && r.reasons().isEmpty()
                && (r.person() == null || "unchanged".equals(r.personOutcome()));
    }

    /**
     * Takes the row, at its places, into a run when it is a compact one and returns true; false (and the
     * run so far closed) when it needs its own {@code :ImportRow}.
     */
    boolean add(RowOutcome r, long pos, long outcomePos) {
        if (!compact(r)) {
            close();
            return false;
        }
        if (open == null || !open.kind.equals(r.kind()) || open.pos + open.lines.size() != pos
                || open.lines.size() == MAX_RUN) {
            close();
            open = new Run(r.kind(), pos, outcomePos);
        }
        open.lines.add((long) r.line());
        open.records.add(r.record());
        // A person row's person is its record; a weapon row's possessor is kept beside it ("" for none).
        open.people.add(r.person() == null || r.person().equals(r.record()) && r.kind().equals("PERSON") ? "" : r.person());
        return true;
    }

    /** Writes the runs gathered, one node each, in the chunk's transaction; marks the batch when they name people. */
    void write(Neo4jClient neo4j) {
        close();
        if (runs.isEmpty()) {
            return;
        }
        boolean people = runs.stream().anyMatch(r -> r.get("kind").equals("PERSON") || r.containsKey("people"));
        neo4j.query("""
                        UNWIND $runs AS run
                        CREATE (u:UnchangedRows) SET u = run
                        WITH count(*) AS n
                        MATCH (b:ImportBatch {id: $batch}) WHERE $people
                        SET b.unchangedPeople = true
                        """)
                .bindAll(Map.of("runs", runs, "batch", batch, "people", people)).run();
        runs.clear();
    }

    private void close() {
        if (open == null) {
            return;
        }
        var node = new LinkedHashMap<String, Object>();
        node.put("batch", batch);
        node.put("pos", open.pos);
        node.put("outcomePos", open.outcomePos);
        node.put("size", open.lines.size());
        node.put("kind", open.kind);
        node.put("lines", open.lines);
        node.put("records", open.records);
        if (open.people.stream().anyMatch(p -> !p.isEmpty())) {
            node.put("people", open.people);
        }
        runs.add(node);
        open = null;
    }

    private static final class Run {
        final String kind;
        final long pos;
        final long outcomePos;
        final List<Long> lines = new ArrayList<>();
        final List<String> records = new ArrayList<>();
        final List<String> people = new ArrayList<>();

        Run(String kind, long pos, long outcomePos) {
            this.kind = kind;
            this.pos = pos;
            this.outcomePos = outcomePos;
        }
    }

    /** A row of a page with its place, so that runs and single rows are put in order together. */
    record Placed(long place, ImportRows.Row row) {
    }

    /**
     * The rows of the runs whose places fall in {@code [offset, end)}, among all rows of the batch or
     * (merged) among its merged rows: a range read on {@code (batch, pos)} or {@code (batch, outcomePos)}
     * reaching {@link #MAX_RUN} places back.
     */
    static List<Placed> page(Neo4jClient neo4j, String batch, boolean merged, long offset, long end) {
        String cypher = merged ? """
                MATCH (u:UnchangedRows {batch: $batch}) WHERE $from < u.outcomePos < $end
                RETURN u.outcomePos AS first, u.kind AS kind, u.lines AS lines, u.records AS records
                """ : """
                MATCH (u:UnchangedRows {batch: $batch}) WHERE $from < u.pos < $end
                RETURN u.pos AS first, u.kind AS kind, u.lines AS lines, u.records AS records
                """;
        var out = new ArrayList<Placed>();
        neo4j.query(cypher).bindAll(Map.of("batch", batch, "from", offset - MAX_RUN, "end", end)).fetch().all()
                .forEach(u -> {
                    long first = ((Number) u.get("first")).longValue();
                    @SuppressWarnings("unchecked")
                    List<Number> lines = (List<Number>) u.get("lines");
                    @SuppressWarnings("unchecked")
                    List<String> records = (List<String>) u.get("records");
                    String kind = (String) u.get("kind");
                    for (int i = (int) Math.max(0, offset - first); i < lines.size() && first + i < end; i++) {
                        out.add(new Placed(first + i, new ImportRows.Row(lines.get(i).intValue(), "merged", "unchanged",
                                kind, records.get(i), null, List.of())));
                    }
                });
        return out;
    }

    /** How many of the newest batches with unchanged people a person's page looks through for them. */
    static final int PERSON_BATCHES = 12;

    /**
     * The rows of the newest {@link #PERSON_BATCHES} real batches that named this person and found them as
     * their source left them. The arrays have no index (that would be a write per row again): the runs of
     * those batches are read and searched, about 60 nodes per 300,000-row people extract.
     */
    static List<ExtractRow> ofPerson(Neo4jClient neo4j, String person) {
        var out = new ArrayList<ExtractRow>();
        neo4j.query("""
                        MATCH (b:ImportBatch) WHERE b.unchangedPeople AND NOT b.dryRun
                        WITH b ORDER BY b.startedAt DESC LIMIT $batches
                        MATCH (u:UnchangedRows {batch: b.id})
                        WHERE (u.kind = 'PERSON' AND $person IN u.records) OR $person IN u.people
                        RETURN b.fileName AS file, b.id AS batch, b.startedAt AS at, u.kind AS kind, u.lines AS lines,
                               u.records AS records, coalesce(u.people, []) AS people
                        """)
                .bindAll(CypherParams.of("person", person, "batches", PERSON_BATCHES)).fetch().all().forEach(u -> {
                    @SuppressWarnings("unchecked")
                    List<Number> lines = (List<Number>) u.get("lines");
                    @SuppressWarnings("unchecked")
                    List<String> records = (List<String>) u.get("records");
                    @SuppressWarnings("unchecked")
                    List<String> people = (List<String>) u.get("people");
                    boolean persons = "PERSON".equals(u.get("kind"));
                    Instant at = u.get("at") instanceof ZonedDateTime z ? z.toInstant() : null;
                    for (int i = 0; i < lines.size(); i++) {
                        String named = persons ? records.get(i) : people.isEmpty() ? "" : people.get(i);
                        if (named.equals(person)) {
                            // As a row of its own would say it: merged, its person as their source left them.
                            out.add(new ExtractRow((String) u.get("file"), lines.get(i).intValue(), (String) u.get("batch"),
                                    "merged", "unchanged", at));
                        }
                    }
                });
        return out;
    }
}
