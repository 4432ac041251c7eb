package org.armstrace.registry;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.armstrace.graph.BatchTransactions;
import org.armstrace.graph.CypherParams;
import org.armstrace.registry.LostStolenRegister.Checked;
import org.armstrace.security.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retroactive check of a new or reopened report: is the reported weapon one already on record?
 * Its serial goes through the serial search (the same confusion-aware comparison, reasons and
 * markings as an analyst's search), scoped to its make, and every weapon found other than itself
 * (recovered before, registered, or described in another report) is kept as
 * {@code (:LostStolenReport)-[:MAY_BE {at, score, reasons}]->(:Firearm)}. Records not found by an
 * earlier check of the report are announced with {@link LostStolenMatches}, so the analysts hear of
 * them once. Imported reports are checked the same way, many at once ({@link #checkImported}).
 *
 * <p>The check looks backwards; a later recovery or registration of a reported weapon is flagged by
 * the searches those run themselves (flags on every hit, {@link RegistrationFlags}).
 */
@Component
class LostStolenCheck {

    /** Enough for a serial read a few ways; two edits on a short serial find more, and they rank last. */
    static final int MAX_HITS = 20;
    /** Imported reports checked per transaction: one search query and a few writes for all of them. */
    static final int BATCH = 500;

    private final Neo4jClient neo4j;
    private final SerialSearch search;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    LostStolenCheck(Neo4jClient neo4j, SerialSearch search, AuditLog audit, ApplicationEventPublisher events,
                    BatchTransactions batch) {
        this.neo4j = neo4j;
        this.search = search;
        this.audit = audit;
        this.events = events;
        this.tx = batch.writes();
    }

    /** Checks the report's weapon against the records; returns how many records it had not found before. */
    int check(LostStolenReport report, Firearm weapon) {
        return checkAll(List.of(new Reported(report, weapon))).links();
    }

    /** A report with the weapon it is about. */
    record Reported(LostStolenReport report, Firearm weapon) {
    }

    /**
     * Every report without a history yet, which only an import writes (either load path: the offline
     * first load cannot search, so both end with this), gets the {@code REPORTED} event a report filed
     * at the desk gets, dated when it was recorded, and the same check against the records, a batch
     * of {@value #BATCH} per transaction. A run stopped half-way leaves the rest for the next.
     */
    Checked checkImported() {
        var total = new Checked(0, 0, 0);
        while (true) {
            Checked batch = tx.execute(s -> checkNextImported());
            if (batch == null || batch.reports() == 0) {
                return total;
            }
            total = new Checked(total.reports() + batch.reports(), total.matched() + batch.matched(),
                    total.links() + batch.links());
        }
    }

    // Only reports the register or the importer wrote (both set kind, status and reportedAt) are read:
    // one written otherwise cannot be read as a report, and would stop the check of every report after it.
    private Checked checkNextImported() {
        List<Reported> reports = neo4j.query("""
                        MATCH (r:LostStolenReport) WHERE NOT EXISTS { (r)-[:HAS_EVENT]->() }
                          AND r.kind IS NOT NULL AND r.status IS NOT NULL AND r.reportedAt IS NOT NULL
                        WITH r LIMIT $n
                        OPTIONAL MATCH (r)-[:CONCERNS]->(f:Firearm)
                        RETURN r, f, COLLECT { MATCH (f)-[:HAS_MARKING]->(m) RETURN m } AS markings
                        """)
                .bind(BATCH).to("n").fetchAs(Reported.class)
                .mappedBy((t, r) -> {
                    Firearm f = r.get("f").isNull() ? null : FirearmRegistry.toFirearm(r.get("f").asNode(), r.get("markings"));
                    return new Reported(LostStolenRegister.toReport(r.get("r").asNode(), f == null ? null : f.id()), f);
                }).all().stream().toList();
        if (reports.isEmpty()) {
            return null;
        }
        // Only an active report on a weapon on record is looked for, as at the desk. Searched before
        // anything is written: a full-text lookup in a transaction that has written reads its changes too.
        List<Reported> active = reports.stream().filter(r -> r.weapon() != null
                && r.report().status() == LostStolenReport.Status.ACTIVE).toList();
        Map<String, List<SerialHit>> found = found(active);
        // Every report read gets its event, so that the next batch reads others whatever the check finds.
        neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (r:LostStolenReport {id: id})
                        CREATE (r)-[:HAS_EVENT]->(:LostStolenEvent {at: coalesce(r.reportedAt, $now), by: $by, kind: 'REPORTED',
                                                                  status: r.status, reason: 'import ' + r.source})
                        """)
                .bindAll(CypherParams.of("ids", reports.stream().map(r -> r.report().id()).toList(),
                        "now", ZonedDateTime.now(ZoneOffset.UTC), "by", AuditLog.currentActor()))
                .run();
        Checked checked = link(active, found);
        return new Checked(reports.size(), checked.matched(), checked.links());
    }

    /** Checks the reports at once: the searches in two queries, the links in one, one audit event and one notice. */
    private Checked checkAll(List<Reported> reports) {
        return link(reports, found(reports));
    }

    /** Each report's hits other than its own weapon, by report id; reports without any are left out. */
    private Map<String, List<SerialHit>> found(List<Reported> reports) {
        var found = new HashMap<String, List<SerialHit>>();
        if (reports.isEmpty()) {
            return found;
        }
        List<List<SerialHit>> searched = search.searchAllAsRead(reports.stream().map(r -> new SerialSearch.AsRead(
                r.weapon().serialAsRead(), r.weapon().makeCode() != null ? r.weapon().makeCode() : r.weapon().makeAsRead(),
                r.weapon().model(), MAX_HITS + 1)).toList());
        for (int i = 0; i < reports.size(); i++) {
            String own = reports.get(i).weapon().id();
            List<SerialHit> hits = searched.get(i).stream().filter(h -> !h.firearm().id().equals(own)).limit(MAX_HITS).toList();
            if (!hits.isEmpty()) {
                found.put(reports.get(i).report().id(), hits);
            }
        }
        return found;
    }

    /** Keeps the hits an earlier check of the same report had not found, and tells of them. */
    private Checked link(List<Reported> reports, Map<String, List<SerialHit>> found) {
        if (found.isEmpty()) {
            return new Checked(reports.size(), 0, 0);
        }
        var known = new HashSet<String>();
        neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (:LostStolenReport {id: id})-[:MAY_BE]->(f:Firearm) RETURN id + ' ' + f.id AS pair
                        """)
                .bind(List.copyOf(found.keySet())).to("ids").fetchAs(String.class).all().forEach(known::add);
        var rows = new ArrayList<Map<String, Object>>();
        var refs = new ArrayList<String>();
        var news = new ArrayList<LostStolenMatched>();
        int fresh = 0;
        for (Reported r : reports) {
            List<SerialHit> hits = found.getOrDefault(r.report().id(), List.of()).stream()
                    .filter(h -> !known.contains(r.report().id() + " " + h.firearm().id())).toList();
            if (hits.isEmpty()) {
                continue;
            }
            hits.forEach(h -> rows.add(Map.of("report", r.report().id(), "firearm", h.firearm().id(), "score", h.score(),
                    "reasons", reasons(h, r.weapon()))));
            refs.add("LostStolenReport:" + r.report().id());
            hits.forEach(h -> refs.add("Firearm:" + h.firearm().id()));
            news.add(new LostStolenMatched(r.report().id(), r.report().kind(), r.report().reference(),
                    r.weapon().label(), hits.stream().map(h -> h.firearm().id()).toList()));
            fresh += hits.size();
        }
        if (rows.isEmpty()) {
            return new Checked(reports.size(), 0, 0);
        }
        neo4j.query("""
                        UNWIND $rows AS row
                        MATCH (r:LostStolenReport {id: row.report})
                        MATCH (f:Firearm {id: row.firearm})
                        CREATE (r)-[:MAY_BE {at: $now, score: row.score, reasons: row.reasons}]->(f)
                        """)
                .bindAll(CypherParams.of("rows", rows, "now", ZonedDateTime.now(ZoneOffset.UTC)))
                .run();
        // One audit event for the batch (an import's, or the one report filed at the desk), naming every
        // report and record: the audit chain is written one event at a time.
        audit.record("lost-stolen.matched", refs, news.size() == 1
                ? fresh + " earlier record(s) may be the reported weapon"
                : news.size() + " report(s) may be " + fresh + " earlier record(s)");
        // The analysts hear of each report's new hits once, an alert per report as at the desk; raised
        // together, since one by one (each with its notifications) they were a large part of an import's check.
        events.publishEvent(new LostStolenMatches(news));
        return new Checked(reports.size(), news.size(), fresh);
    }

    /**
     * The hit's reasons as they should read. The search compares the report's serial (the query)
     * with the record's, telling each difference as the record's character "read as" the query's,
     * which is right for a registration. A recovered weapon's serial is the reading, though (an
     * officer read O for the owner's 0), so its serial differences are told the other way round.
     */
    static List<String> reasons(SerialHit hit, Firearm reported) {
        String read = hit.firearm().serialKey();
        if (hit.marking() != null || !"RECOVERED".equals(hit.firearm().status()) || SerialNumbers.isPartial(read)
                || SerialNumbers.isPartial(reported.serialKey())) {
            return hit.storedReasons();
        }
        var reasons = new ArrayList<String>();
        var rest = new ArrayList<String>();
        for (MatchReason r : hit.reasons()) {
            if (r.code().equals("serial-exact") || r.code().equals("serial-normalised")) {
                reasons.add(r.encoded());
            } else if (!r.code().startsWith("serial-")) {
                rest.add(r.encoded());
            }
        }
        SerialComparison.of(read, reported.serialKey()).reasons().forEach(r -> reasons.add(r.encoded()));
        reasons.addAll(rest);
        return reasons;
    }
}
