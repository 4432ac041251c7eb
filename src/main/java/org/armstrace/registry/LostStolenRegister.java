package org.armstrace.registry;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national lost/stolen register (INTERPOL practice: check it first). A weapon with an active
 * report is flagged in every search that returns it, and a later registration whose make and
 * serial resemble it is linked to it ({@code RESEMBLES_REPORTED}) and flagged.
 */
@Service
public class LostStolenRegister {

    /** A warning on a weapon: reported itself, or registered later with a serial like a reported one. */
    public record Alert(LostStolenReport report, String reportedSerial, boolean direct, List<String> reasons) {

        /** The weapon the report is about (this one when {@code direct}). */
        public String reportedFirearmId() {
            return report.firearmId();
        }
    }

    private final Neo4jClient neo4j;
    private final AuditLog audit;

    LostStolenRegister(Neo4jClient neo4j, AuditLog audit) {
        this.neo4j = neo4j;
        this.audit = audit;
    }

    @PreAuthorize("hasAnyRole('ADMIN','ANALYST','INTAKE','FIELD_OFFICER')")
    @Transactional
    public LostStolenReport report(String firearmId, LostStolenReport.Kind kind, LocalDate occurredOn, String place,
                                   String reference, String circumstances, Provenance provenance) {
        if (kind == null) {
            throw new IllegalArgumentException("Lost or stolen?");
        }
        if (occurredOn != null && occurredOn.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
            throw new IllegalArgumentException("A loss cannot be reported for a future date");
        }
        String id = UUID.randomUUID().toString();
        long made = neo4j.query("""
                        MATCH (f:Firearm {id: $firearm})
                        CREATE (r:LostStolenReport {id: $id, kind: $kind, occurredOn: $occurredOn, place: $place,
                                reference: $reference, circumstances: $circumstances, status: 'ACTIVE',
                                reportedBy: $by, reportedAt: $now, source: $source, confidence: $confidence,
                                recordedAt: $now})-[:CONCERNS]->(f)
                        RETURN count(*) AS n
                        """)
                .bindAll(CypherParams.of("firearm", firearmId, "id", id, "kind", kind.name(), "occurredOn", occurredOn,
                        "place", blankToNull(place), "reference", blankToNull(reference),
                        "circumstances", blankToNull(circumstances), "by", AuditLog.currentActor(),
                        "now", ZonedDateTime.now(ZoneOffset.UTC), "source", provenance.source(),
                        "confidence", provenance.confidence().name()))
                .fetchAs(Long.class).one().orElse(0L);
        if (made == 0) {
            throw new IllegalArgumentException("No firearm " + firearmId);
        }
        audit.record("lost-stolen.reported", List.of("LostStolenReport:" + id, "Firearm:" + firearmId), kind.name());
        return reports(firearmId).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** Closes an active report (weapon recovered, or report withdrawn). A closed report stays on record. */
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST','SUPERVISOR')")
    @Transactional
    public void close(String reportId, LostStolenReport.Status outcome, String reason) {
        if (outcome == LostStolenReport.Status.ACTIVE || outcome == null) {
            throw new IllegalArgumentException("Close as RECOVERED or WITHDRAWN");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Closing a report needs a reason");
        }
        long closed = neo4j.query("""
                        MATCH (r:LostStolenReport {id: $id, status: 'ACTIVE'})
                        SET r.status = $outcome, r.closedBy = $by, r.closedAt = $now, r.closeReason = $reason
                        RETURN count(*) AS n
                        """)
                .bindAll(CypherParams.of("id", reportId, "outcome", outcome.name(), "by", AuditLog.currentActor(),
                        "now", ZonedDateTime.now(ZoneOffset.UTC), "reason", reason))
                .fetchAs(Long.class).one().orElse(0L);
        if (closed == 0) {
            throw new IllegalArgumentException("No active report " + reportId);
        }
        audit.record("lost-stolen.closed", List.of("LostStolenReport:" + reportId), outcome + ": " + reason);
    }

    /** Every report on the weapon, newest first, active and closed. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<LostStolenReport> reports(String firearmId) {
        return neo4j.query("""
                        MATCH (r:LostStolenReport)-[:CONCERNS]->(:Firearm {id: $id})
                        RETURN r ORDER BY r.reportedAt DESC
                        """)
                .bind(firearmId).to("id").fetchAs(LostStolenReport.class)
                .mappedBy((t, rec) -> toReport(rec.get("r").asNode(), firearmId)).all().stream().toList();
    }

    /** Active reports on the weapon itself and on reported weapons its registration resembled. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Alert> alerts(String firearmId) {
        return neo4j.query("""
                        MATCH (f:Firearm {id: $id})
                        CALL (f) {
                          MATCH (r:LostStolenReport {status: 'ACTIVE'})-[:CONCERNS]->(f)
                          RETURN r, f AS reported, true AS direct, [] AS reasons
                          UNION
                          MATCH (f)-[m:RESEMBLES_REPORTED]->(reported:Firearm)<-[:CONCERNS]-(r:LostStolenReport {status: 'ACTIVE'})
                          RETURN r, reported, false AS direct, m.reasons AS reasons
                        }
                        RETURN r, reported.id AS reportedId, reported.serialAsRead AS serial, direct, reasons
                        """)
                .bind(firearmId).to("id").fetchAs(Alert.class)
                .mappedBy((t, rec) -> new Alert(toReport(rec.get("r").asNode(), rec.get("reportedId").asString()),
                        rec.get("serial").asString(), rec.get("direct").asBoolean(),
                        rec.get("reasons").asList(Value::asString)))
                .all().stream().toList();
    }

    /**
     * Links a newly registered weapon to reported weapons that the serial search finds for its make
     * and serial, so that the registration is flagged. Called inside the registration.
     */
    void flagRegistration(String firearmId, List<SerialHit> similar) {
        var rows = similar.stream().filter(h -> !h.flags().isEmpty() && !h.firearm().id().equals(firearmId))
                .map(h -> Map.<String, Object>of("other", h.firearm().id(), "score", h.score(),
                        "reasons", h.storedReasons()))
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        neo4j.query("""
                        MATCH (f:Firearm {id: $id})
                        UNWIND $rows AS row
                        MATCH (other:Firearm {id: row.other})
                        CREATE (f)-[:RESEMBLES_REPORTED {at: $now, score: row.score, reasons: row.reasons}]->(other)
                        """)
                .bindAll(CypherParams.of("id", firearmId, "rows", rows, "now", ZonedDateTime.now(ZoneOffset.UTC)))
                .run();
        audit.record("lost-stolen.registration-flagged", List.of("Firearm:" + firearmId),
                rows.size() + " reported weapon(s) resemble this registration");
    }

    private static LostStolenReport toReport(Node r, String firearmId) {
        return new LostStolenReport(r.get("id").asString(), LostStolenReport.Kind.valueOf(r.get("kind").asString()),
                firearmId, PersonRegistry.date(r.get("occurredOn")), r.get("place").asString(null),
                r.get("reference").asString(null), r.get("circumstances").asString(null),
                LostStolenReport.Status.valueOf(r.get("status").asString()), r.get("reportedBy").asString(""),
                r.get("reportedAt").asZonedDateTime().toInstant(), r.get("closedBy").asString(null),
                r.get("closedAt").isNull() ? null : r.get("closedAt").asZonedDateTime().toInstant(),
                r.get("closeReason").asString(null), r.get("source").asString(""), r.get("confidence").asString(""));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
