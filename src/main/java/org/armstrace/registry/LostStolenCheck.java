package org.armstrace.registry;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        List<SerialHit> hits = search.searchAsRead(weapon.serialAsRead(),
                        weapon.makeCode() != null ? weapon.makeCode() : weapon.makeAsRead(), weapon.model(), MAX_HITS + 1)
                .stream().filter(h -> !h.firearm().id().equals(weapon.id())).limit(MAX_HITS).toList();
        if (hits.isEmpty()) {
            return 0;
        }
        Set<String> known = new HashSet<>(neo4j.query("MATCH (:LostStolenReport {id: $id})-[:MAY_BE]->(f:Firearm) RETURN f.id")
                .bind(report.id()).to("id").fetchAs(String.class).all());
        List<SerialHit> fresh = hits.stream().filter(h -> !known.contains(h.firearm().id())).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        var rows = fresh.stream().map(h -> Map.<String, Object>of("firearm", h.firearm().id(), "score", h.score(),
                "reasons", reasons(h, weapon))).toList();
        neo4j.query("""
                        MATCH (r:LostStolenReport {id: $id})
                        UNWIND $rows AS row
                        MATCH (f:Firearm {id: row.firearm})
                        CREATE (r)-[:MAY_BE {at: $now, score: row.score, reasons: row.reasons}]->(f)
                        """)
                .bindAll(CypherParams.of("id", report.id(), "rows", rows, "now", ZonedDateTime.now(ZoneOffset.UTC)))
                .run();
        List<String> ids = fresh.stream().map(h -> h.firearm().id()).toList();
        var refs = new ArrayList<String>();
        refs.add("LostStolenReport:" + report.id());
        ids.forEach(id -> refs.add("Firearm:" + id));
        audit.record("lost-stolen.matched", refs, fresh.size() + " earlier record(s) may be the reported weapon");
        events.publishEvent(new LostStolenMatched(report.id(), report.kind(), report.reference(), weapon.label(), ids));
        return fresh.size();
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
