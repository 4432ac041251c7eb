package org.armstrace.importer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** The {@code :ImportBatch} records with their checkpoint, issues and match decisions. */
@Component
class ImportBatches {

    private final Neo4jClient neo4j;

    ImportBatches(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    void create(String id, String fileName, String sha256, long size, MappingProfile profile, boolean dryRun) {
        neo4j.query("""
                        CREATE (:ImportBatch {id: $id, fileName: $fileName, sha256: $sha, size: $size,
                                profileName: $profile, profileHash: $hash, profileJson: $json, kind: $kind,
                                dryRun: $dryRun, status: 'RUNNING', startedBy: $by, startedAt: $now,
                                read: 0, accepted: 0, rejected: 0, warnings: 0, committedThrough: 0,
                                listed: 0, listed_created: 0, listed_merged: 0, listed_review: 0, listed_rejected: 0})
                        """)
                .bindAll(CypherParams.of("id", id, "fileName", fileName, "sha", sha256, "size", size,
                        "profile", profile.name(), "hash", profile.hash(), "json", profile.toJson(),
                        "kind", profile.kind().name(), "dryRun", dryRun, "by", AuditLog.currentActor(), "now", now()))
                .run();
    }

    /**
     * The ids of every batch of this profile (a source): a record one of them created is this source's
     * own, even where it keeps no hash of what the source said (imported before row hashes, issue 27).
     */
    Set<String> ofProfile(String profile) {
        return Set.copyOf(neo4j.query("MATCH (b:ImportBatch {profileName: $profile}) RETURN b.id")
                .bind(profile).to("profile").fetchAs(String.class).all());
    }

    /** The newest real (not dry) batch of this profile other than {@code except}, whatever its status. */
    Optional<ImportBatch> newestOf(String profile, String except) {
        return neo4j.query("""
                        MATCH (b:ImportBatch {profileName: $profile}) WHERE NOT b.dryRun AND b.id <> $except
                        RETURN b ORDER BY b.startedAt DESC LIMIT 1
                        """)
                .bindAll(Map.of("profile", profile, "except", except))
                .fetchAs(ImportBatch.class).mappedBy((t, r) -> toBatch(r.get("b"))).one();
    }

    /** The latest real (not dry) import of this file with this profile, if any. */
    Optional<ImportBatch> sameImport(String sha256, String profileHash) {
        return neo4j.query("""
                        MATCH (b:ImportBatch {sha256: $sha, profileHash: $hash}) WHERE NOT b.dryRun
                        RETURN b ORDER BY b.startedAt DESC LIMIT 1
                        """)
                .bindAll(Map.of("sha", sha256, "hash", profileHash))
                .fetchAs(ImportBatch.class).mappedBy((t, r) -> toBatch(r.get("b"))).one();
    }

    Optional<ImportBatch> find(String id) {
        return neo4j.query("MATCH (b:ImportBatch {id: $id}) RETURN b").bind(id).to("id")
                .fetchAs(ImportBatch.class).mappedBy((t, r) -> toBatch(r.get("b"))).one();
    }

    String profileJson(String id) {
        return neo4j.query("MATCH (b:ImportBatch {id: $id}) RETURN b.profileJson").bind(id).to("id")
                .fetchAs(String.class).one().orElseThrow();
    }

    List<ImportBatch> latest(int limit) {
        return neo4j.query("MATCH (b:ImportBatch) RETURN b ORDER BY b.startedAt DESC LIMIT $limit").bind(limit).to("limit")
                .fetchAs(ImportBatch.class).mappedBy((t, r) -> toBatch(r.get("b"))).all().stream().toList();
    }

    List<ImportBatch> withStatus(ImportBatch.Status status) {
        return neo4j.query("MATCH (b:ImportBatch {status: $status}) RETURN b ORDER BY b.startedAt")
                .bind(status.name()).to("status")
                .fetchAs(ImportBatch.class).mappedBy((t, r) -> toBatch(r.get("b"))).all().stream().toList();
    }

    void status(String id, ImportBatch.Status status, String failure) {
        neo4j.query("""
                        MATCH (b:ImportBatch {id: $id})
                        SET b.status = $status, b.failure = $failure,
                            b.finishedAt = CASE WHEN $status IN ['COMPLETED', 'FAILED'] THEN $now ELSE null END,
                            b.aliveAt = CASE WHEN $status = 'RUNNING' THEN $now ELSE b.aliveAt END
                        """)
                .bindAll(CypherParams.of("id", id, "status", status.name(), "failure", failure, "now", now())).run();
    }

    /** When a run of the batch last showed it was alive: its start or its last checkpoint; null if never run. */
    Instant aliveAt(String id) {
        return neo4j.query("MATCH (b:ImportBatch {id: $id}) RETURN b.aliveAt AS at").bind(id).to("id").fetch().one()
                .map(row -> row.get("at") instanceof ZonedDateTime at ? at.toInstant() : null).orElse(null);
    }

    void encoding(String id, String encoding) {
        neo4j.query("MATCH (b:ImportBatch {id: $id}) SET b.encoding = $encoding")
                .bindAll(CypherParams.of("id", id, "encoding", encoding)).run();
    }

    /**
     * Records a chunk's outcome and moves the checkpoint, in the transaction that wrote the chunk:
     * either both are committed or neither.
     */
    void checkpoint(String id, int through, int read, ChunkWriter.Outcome outcome, boolean dryRun) {
        var counts = new LinkedHashMap<String, Object>();
        outcome.counts.forEach((k, v) -> counts.put("count_" + k.replace('.', '_'), v));
        long warnings = outcome.issues.stream().filter(i -> i.severity() == Issue.Severity.WARNING && i.line() > 0)
                .map(Issue::line).distinct().count();
        neo4j.query("""
                        MATCH (b:ImportBatch {id: $id})
                        SET b.committedThrough = $through, b.read = b.read + $read, b.accepted = b.accepted + $accepted,
                            b.rejected = b.rejected + $rejected, b.warnings = b.warnings + $warnings, b.aliveAt = $now
                        WITH b
                        UNWIND keys($counts) AS k
                        CALL (b, k) { SET b[k] = coalesce(b[k], 0) + $counts[k] }
                        """)
                .bindAll(Map.of("id", id, "through", through, "read", read, "accepted", outcome.accepted,
                        "rejected", outcome.rejected, "warnings", warnings, "counts", counts, "now", now()))
                .run();
        if (!outcome.issues.isEmpty()) {
            saveIssues(id, outcome.issues);
        }
        if (!dryRun && !outcome.decisions.isEmpty()) {
            var rows = new ArrayList<Map<String, Object>>();
            for (ChunkWriter.Decision d : outcome.decisions) {
                rows.add(CypherParams.of("id", ChunkWriter.id("decision", id, String.valueOf(d.line()), d.kind().name()),
                        "line", d.line(), "kind", d.kind().name(), "label", d.kind().label(), "status", d.status(),
                        "record", d.recordId(), "candidate", d.candidateId(), "score", d.score(), "reasons", d.reasons(),
                        "summary", d.summary()));
            }
            neo4j.query("""
                            UNWIND $rows AS row
                            MERGE (d:MatchDecision {id: row.id})
                              ON CREATE SET d.batch = $batch, d.line = row.line, d.kind = row.kind, d.status = row.status,
                                            d.score = row.score, d.reasons = row.reasons, d.summary = row.summary,
                                            d.recordId = row.record, d.candidateId = row.candidate, d.at = $now
                            """)
                    .bindAll(Map.of("rows", rows, "batch", id, "now", now())).run();
        }
    }

    /**
     * What each row of a chunk became, one small {@code :ImportRow} node per row in one UNWIND, in the
     * chunk's transaction: the rows' outcomes are committed with the records they describe. Absent
     * values are left out rather than stored as nulls, so that a row costs only what it says.
     *
     * <p>Each row also gets its place in line order among the batch's rows ({@code pos}) and among
     * those of its outcome ({@code outcomePos}), both from 0 and without gaps, so that a page at row
     * 5,000,000 is a range on an index rather than {@code SKIP} over everything before it
     * ({@link ImportRows#page}). Chunks are written one after another in line order, and the counters
     * on the batch move in the chunk's transaction: a chunk rolled back gives its numbers back, and the
     * write lock the counters take keeps two writers of one batch from numbering the same place.
     *
     * <p>A row that only confirms an unchanged record (most of a monthly extract) gets no node of its
     * own: consecutive ones are one {@link UnchangedRows} node, with the same places. A batch without
     * counters (from before V0037) has every row as a node, as then.
     */
    void saveRows(String batch, List<RowOutcome> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // Rejected rows are collected before accepted ones, and accepted ones by record: line order here.
        List<RowOutcome> inLines = rows.stream().sorted(Comparator.comparingInt(RowOutcome::line)).toList();
        Places places = places(batch, inLines);
        var params = new ArrayList<Map<String, Object>>(inLines.size());
        var unchanged = new UnchangedRows(batch);
        for (RowOutcome r : inLines) {
            var row = new LinkedHashMap<String, Object>();
            if (places != null) {
                long pos = places.next();
                long outcomePos = places.next(r.outcome());
                if (unchanged.add(r, pos, outcomePos)) {
                    continue; // a confirmation of an unchanged record: one of a run's arrays, no node of its own
                }
                row.put("pos", pos);
                row.put("outcomePos", outcomePos);
            }
            row.put("batch", batch);
            row.put("line", r.line());
            row.put("outcome", r.outcome());
            putIfPresent(row, "detail", r.detail());
            putIfPresent(row, "kind", r.kind());
            putIfPresent(row, "record", r.record());
            putIfPresent(row, "candidate", r.candidate());
            putIfPresent(row, "person", r.person());
            putIfPresent(row, "personOutcome", r.personOutcome());
            if (!r.reasons().isEmpty()) {
                row.put("reasons", r.reasons());
            }
            params.add(row);
        }
        if (!params.isEmpty()) {
            neo4j.query("UNWIND $rows AS row CREATE (r:ImportRow) SET r = row").bind(params).to("rows").run();
        }
        unchanged.write(neo4j);
    }

    /**
     * Moves the batch's row counters past these rows and returns where they stood; null for a batch
     * created before rows were numbered (its counters are absent and stay so: its rows are paged by
     * line, as before).
     */
    private Places places(String batch, List<RowOutcome> rows) {
        var added = new LinkedHashMap<String, Object>();
        RowOutcome.OUTCOMES.forEach(o -> added.put(o, rows.stream().filter(r -> r.outcome().equals(o)).count()));
        var before = neo4j.query("""
                        MATCH (b:ImportBatch {id: $batch})
                        SET b.listed = b.listed + $n,
                            b.listed_created = b.listed_created + $added.created,
                            b.listed_merged = b.listed_merged + $added.merged,
                            b.listed_review = b.listed_review + $added.review,
                            b.listed_rejected = b.listed_rejected + $added.rejected
                        RETURN b.listed - $n AS listed, b.listed_created - $added.created AS created,
                               b.listed_merged - $added.merged AS merged, b.listed_review - $added.review AS review,
                               b.listed_rejected - $added.rejected AS rejected
                        """)
                .bindAll(Map.of("batch", batch, "n", rows.size(), "added", added))
                .fetch().one().orElseThrow();
        if (before.get("listed") == null) {
            return null;
        }
        var byOutcome = new HashMap<String, Long>();
        RowOutcome.OUTCOMES.forEach(o -> byOutcome.put(o, ((Number) before.get(o)).longValue()));
        return new Places(((Number) before.get("listed")).longValue(), byOutcome);
    }

    /** The next free place among the batch's rows, and among those of each outcome. */
    private static final class Places {
        private long all;
        private final Map<String, Long> byOutcome;

        Places(long all, Map<String, Long> byOutcome) {
            this.all = all;
            this.byOutcome = byOutcome;
        }

        long next() {
            return all++;
        }

        long next(String outcome) {
            long place = byOutcome.get(outcome);
            byOutcome.put(outcome, place + 1);
            return place;
        }
    }

    private static void putIfPresent(Map<String, Object> row, String key, Object value) {
        if (value != null) {
            row.put(key, value);
        }
    }

    void saveIssues(String batch, List<Issue> issues) {
        var rows = issues.stream().map(i -> CypherParams.of("line", i.line(), "severity", i.severity().name(),
                "code", i.code(), "column", i.column(), "args", i.args())).toList();
        neo4j.query("""
                        UNWIND $rows AS row
                        CREATE (:ImportIssue {batch: $batch, line: row.line, severity: row.severity, code: row.code,
                                column: row.column, args: row.args})
                        """)
                .bindAll(Map.of("rows", rows, "batch", batch)).run();
    }

    List<Issue> issues(String batch, int offset, int limit) {
        return neo4j.query("""
                        MATCH (i:ImportIssue {batch: $batch}) WHERE i.line >= 0
                        RETURN i ORDER BY i.line, i.severity DESC SKIP $offset LIMIT $limit
                        """)
                .bindAll(Map.of("batch", batch, "offset", offset, "limit", limit))
                .fetchAs(Issue.class).mappedBy((t, r) -> toIssue(r.get("i"))).all().stream().toList();
    }

    /**
     * Every issue of the batch in line order, read a range of lines at a time on the (batch, line)
     * index, so that a report of a million issues is neither held in memory nor paged with SKIP
     * (which rereads everything before each page).
     */
    void eachIssue(String batch, int lastLine, Consumer<Issue> each) {
        final int lines = 5_000;
        for (int from = 0; from <= lastLine; from += lines) {
            neo4j.query("""
                            MATCH (i:ImportIssue {batch: $batch}) WHERE $from <= i.line < $to
                            RETURN i ORDER BY i.line, i.severity DESC
                            """)
                    .bindAll(Map.of("batch", batch, "from", from, "to", from + lines))
                    .fetchAs(Issue.class).mappedBy((t, r) -> toIssue(r.get("i"))).all().forEach(each);
        }
    }

    long issueCount(String batch) {
        return neo4j.query("MATCH (i:ImportIssue {batch: $batch}) WHERE i.line >= 0 RETURN count(i)").bind(batch).to("batch")
                .fetchAs(Long.class).one().orElse(0L);
    }

    private static Issue toIssue(Value v) {
        var n = v.asNode();
        return new Issue(n.get("line").asInt(), Issue.Severity.valueOf(n.get("severity").asString()), n.get("code").asString(),
                n.get("column").asString(null), n.get("args").asList(Value::asString));
    }

    private static ImportBatch toBatch(Value v) {
        var b = v.asNode();
        var counts = new TreeMap<String, Long>();
        for (String k : b.keys()) {
            if (k.startsWith("count_")) {
                counts.put(k.substring(6).replace('_', '.'), b.get(k).asLong());
            }
        }
        return new ImportBatch(b.get("id").asString(), b.get("fileName").asString(), b.get("sha256").asString(),
                b.get("size").asLong(), b.get("profileName").asString(), RecordKind.valueOf(b.get("kind").asString()),
                b.get("dryRun").asBoolean(), ImportBatch.Status.valueOf(b.get("status").asString()),
                b.get("startedBy").asString(""), b.get("startedAt").asZonedDateTime().toInstant(),
                b.get("finishedAt").isNull() ? null : b.get("finishedAt").asZonedDateTime().toInstant(),
                b.get("encoding").asString(null), b.get("read").asLong(), b.get("accepted").asLong(),
                b.get("rejected").asLong(), b.get("warnings").asLong(), b.get("committedThrough").asInt(),
                counts, b.get("failure").asString(null));
    }

    private static ZonedDateTime now() {
        return ZonedDateTime.now(ZoneOffset.UTC);
    }
}
