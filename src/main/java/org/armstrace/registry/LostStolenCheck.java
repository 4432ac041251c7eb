package org.armstrace.registry;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The retroactive check of a new or reopened report: is the reported weapon one already on record?
 * Its serial goes through the serial search (the same confusion-aware comparison, reasons and
 * markings as an analyst's search), scoped to its make, and every weapon found other than itself
 * (recovered before, registered, or described in another report) is kept as
 * {@code (:LostStolenReport)-[:MAY_BE {at, score, reasons}]->(:Firearm)}. Records not found by an
 * earlier check of the report are announced with {@link LostStolenMatched}, so the analysts hear of
 * them once.
 *
 * <p>The check looks backwards; a later recovery or registration of a reported weapon is flagged by
 * the searches those run themselves (flags on every hit, {@link RegistrationFlags}).
 */
@Component
class LostStolenCheck {

    /** Enough for a serial read a few ways; two edits on a short serial find more, and they rank last. */
    static final int MAX_HITS = 20;

    private final Neo4jClient neo4j;
    private final SerialSearch search;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    LostStolenCheck(Neo4jClient neo4j, SerialSearch search, AuditLog audit, ApplicationEventPublisher events) {
        this.neo4j = neo4j;
        this.search = search;
        this.audit = audit;
        this.events = events;
    }

    /** Checks the report's weapon against the records; returns how many records it had not found before. */
    int check(LostStolenReport report, Firearm weapon) {
        return checkAll(List.of(new Reported(report, weapon)));
    }

    /** A report with the weapon it is about. */
    record Reported(LostStolenReport report, Firearm weapon) {
    }

    private int checkAll(List<Reported> reports) {
        var found = new HashMap<String, List<SerialHit>>();
        for (Reported r : reports) {
            Firearm weapon = r.weapon();
            List<SerialHit> hits = search.searchAsRead(weapon.serialAsRead(),
                            weapon.makeCode() != null ? weapon.makeCode() : weapon.makeAsRead(), weapon.model(), MAX_HITS + 1)
                    .stream().filter(h -> !h.firearm().id().equals(weapon.id())).limit(MAX_HITS).toList();
            if (!hits.isEmpty()) {
                found.put(r.report().id(), hits);
            }
        }
        if (found.isEmpty()) {
            return 0;
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
            return 0;
        }
        neo4j.query("""
                        UNWIND $rows AS row
                        MATCH (r:LostStolenReport {id: row.report})
                        MATCH (f:Firearm {id: row.firearm})
                        CREATE (r)-[:MAY_BE {at: $now, score: row.score, reasons: row.reasons}]->(f)
                        """)
                .bindAll(CypherParams.of("rows", rows, "now", ZonedDateTime.now(ZoneOffset.UTC)))
                .run();
        // One audit event for the batch (an import's chunk, or the one report filed at the desk),
        // naming every report and record: the audit chain is written one event at a time.
        audit.record("lost-stolen.matched", refs, news.size() == 1
                ? fresh + " earlier record(s) may be the reported weapon"
                : news.size() + " report(s) may be " + fresh + " earlier record(s)");
        // The analysts hear of each report's new hits once: an alert per report, as at the desk.
        news.forEach(events::publishEvent);
        return fresh;
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
