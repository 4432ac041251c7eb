package org.armstrace.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.armstrace.graph.CypherParams;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lost/stolen register read as a list: reports filtered by status, kind, date, make and place,
 * newest first, page by page; one report with its history and the records it may be. For the
 * desk (analysts, supervisors, intake); field officers learn of reports from the checks at the scene.
 */
@Service
public class LostStolenList {

    public static final int MAX_PAGE = 500;
    static final String DESK = "hasAnyRole('ADMIN','ANALYST','SUPERVISOR','INTAKE')";

    /** The filters; the date is when it happened, or the day it was reported when that is unknown. */
    private static final String FILTER = """
            MATCH (r:LostStolenReport)-[:CONCERNS]->(f:Firearm)
            WHERE ($status IS NULL OR r.status = $status) AND ($kind IS NULL OR r.kind = $kind)
              AND ($make IS NULL OR f.makeCode = $make)
              AND ($place IS NULL OR toLower(r.place) CONTAINS $place)
              AND ($from IS NULL OR coalesce(r.occurredOn, date(r.reportedAt)) >= $from)
              AND ($to IS NULL OR coalesce(r.occurredOn, date(r.reportedAt)) <= $to)
            """;

    private static final String ENTRY = """
            RETURN r, f, COLLECT { MATCH (f)-[:HAS_MARKING]->(m) RETURN m ORDER BY m.kind, m.text } AS markings,
                   COUNT { (r)-[:MAY_BE]->() } AS hits
            """;

    private final Neo4jClient neo4j;

    LostStolenList(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** A page of reports, the most recently reported first. */
    @PreAuthorize(DESK)
    @Transactional(readOnly = true)
    public List<LostStolenEntry> page(LostStolenFilter filter, int offset, int limit) {
        return rows(filter, offset, limit);
    }

    /** {@link #page} for a caller of this package that decided who may read what (the partners' export). */
    List<LostStolenEntry> rows(LostStolenFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("A page is 1 to " + MAX_PAGE + " reports from offset 0 on");
        }
        var params = params(filter);
        params.put("offset", offset);
        params.put("limit", limit);
        return neo4j.query(FILTER + "WITH r, f ORDER BY r.reportedAt DESC, r.id SKIP $offset LIMIT $limit\n" + ENTRY)
                .bindAll(params).fetchAs(LostStolenEntry.class).mappedBy((t, rec) -> entry(rec)).all().stream().toList();
    }

    @PreAuthorize(DESK)
    @Transactional(readOnly = true)
    public long count(LostStolenFilter filter) {
        return countRows(filter);
    }

    long countRows(LostStolenFilter filter) {
        return neo4j.query(FILTER + "RETURN count(r)").bindAll(params(filter)).fetchAs(Long.class).one().orElse(0L);
    }

    @PreAuthorize(DESK)
    @Transactional(readOnly = true)
    public Optional<LostStolenEntry> find(String reportId) {
        return neo4j.query("MATCH (r:LostStolenReport {id: $id})-[:CONCERNS]->(f:Firearm)\n" + ENTRY)
                .bind(String.valueOf(reportId)).to("id").fetchAs(LostStolenEntry.class).mappedBy((t, rec) -> entry(rec))
                .one();
    }

    /** The records the report's weapon may be, as the checks found them, closest first. */
    @PreAuthorize(DESK)
    @Transactional(readOnly = true)
    public List<LostStolenHit> hits(String reportId) {
        return neo4j.query("""
                        MATCH (:LostStolenReport {id: $id})-[m:MAY_BE]->(f:Firearm)
                        RETURN f, COLLECT { MATCH (f)-[:HAS_MARKING]->(k) RETURN k ORDER BY k.kind, k.text } AS markings,
                               m.score AS score, m.reasons AS reasons, m.at AS at
                        ORDER BY m.score DESC, m.at, f.id""")
                .bind(String.valueOf(reportId)).to("id").fetchAs(LostStolenHit.class).mappedBy((t, rec) -> {
                    Firearm f = FirearmRegistry.toFirearm(rec.get("f").asNode(), rec.get("markings"));
                    return new LostStolenHit(f, LostStolenHit.Kind.of(f.status()), rec.get("score").asDouble(),
                            rec.get("reasons").asList(Value::asString), rec.get("at").asZonedDateTime().toInstant());
                }).all().stream().toList();
    }

    /**
     * The report's history, oldest first. Reports filed before steps were kept have none stored;
     * their filing (and closing) is told from the report itself.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<LostStolenReport.Event> history(String reportId) {
        List<LostStolenReport.Event> stored = neo4j.query("""
                        MATCH (:LostStolenReport {id: $id})-[:HAS_EVENT]->(e:LostStolenEvent)
                        RETURN e ORDER BY e.at, elementId(e)""")
                .bind(String.valueOf(reportId)).to("id").fetchAs(LostStolenReport.Event.class).mappedBy((t, rec) -> {
                    Value e = rec.get("e");
                    return new LostStolenReport.Event(e.get("at").asZonedDateTime().toInstant(), e.get("by").asString(),
                            LostStolenReport.EventKind.valueOf(e.get("kind").asString()),
                            LostStolenReport.Status.valueOf(e.get("status").asString()), e.get("reason").asString(null));
                }).all().stream().toList();
        if (!stored.isEmpty()) {
            return stored;
        }
        return neo4j.query("MATCH (r:LostStolenReport {id: $id}) RETURN r").bind(String.valueOf(reportId)).to("id")
                .fetchAs(LostStolenReport.class)
                .mappedBy((t, rec) -> LostStolenRegister.toReport(rec.get("r").asNode(), null)).one()
                .map(LostStolenList::told).orElse(List.of());
    }

    private static List<LostStolenReport.Event> told(LostStolenReport r) {
        var told = new ArrayList<LostStolenReport.Event>();
        told.add(new LostStolenReport.Event(r.reportedAt(), r.reportedBy(), LostStolenReport.EventKind.REPORTED,
                LostStolenReport.Status.ACTIVE, null));
        if (r.closedAt() != null) {
            told.add(new LostStolenReport.Event(r.closedAt(), r.closedBy(), LostStolenReport.EventKind.CLOSED, r.status(),
                    r.closeReason()));
        }
        return told;
    }

    static LostStolenEntry entry(Record rec) {
        Firearm f = FirearmRegistry.toFirearm(rec.get("f").asNode(), rec.get("markings"));
        return new LostStolenEntry(LostStolenRegister.toReport(rec.get("r").asNode(), f.id()), f, rec.get("hits").asLong());
    }

    static Map<String, Object> params(LostStolenFilter filter) {
        LostStolenFilter f = filter == null ? LostStolenFilter.ALL : filter;
        String place = f.place() == null || f.place().isBlank() ? null : f.place().strip().toLowerCase(Locale.ROOT);
        return CypherParams.of("status", f.status() == null ? null : f.status().name(),
                "kind", f.kind() == null ? null : f.kind().name(), "make", f.makeCode(), "place", place,
                "from", f.from(), "to", f.to());
    }
}
