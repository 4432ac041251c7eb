package org.armstrace.registry;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
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
 * serial resemble it is linked to it ({@code RESEMBLES_REPORTED}) and flagged. A new or reopened
 * report looks backwards too: {@link LostStolenCheck} finds the records it may be. Reports are
 * closed and reopened, never edited or deleted, each step kept as a {@code :LostStolenEvent}
 * ({@link LostStolenList#history}).
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

    /**
     * What a check of imported reports did: how many reports got their history and were checked, how
     * many of them may be records on file, and how many such records were linked.
     */
    public record Checked(int reports, int matched, int links) {
    }

    static final String CLOSERS = "hasAnyRole('ADMIN','ANALYST','SUPERVISOR')";
    static final String REPORTERS = "hasAnyRole('ADMIN','ANALYST','SUPERVISOR','INTAKE','FIELD_OFFICER')";

    private final Neo4jClient neo4j;
    private final AuditLog audit;
    private final FirearmRegistry firearms;
    private final LostStolenCheck check;

    LostStolenRegister(Neo4jClient neo4j, AuditLog audit, FirearmRegistry firearms, LostStolenCheck check) {
        this.neo4j = neo4j;
        this.audit = audit;
        this.firearms = firearms;
        this.check = check;
    }

    /**
     * Files a report on a weapon on record and checks it against the records (recoveries before it,
     * registrations, other reports): what it may be is kept on the report and notified.
     */
    @PreAuthorize(REPORTERS)
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
                        CREATE (r)-[:HAS_EVENT]->(:LostStolenEvent {at: $now, by: $by, kind: 'REPORTED', status: 'ACTIVE'})
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
        LostStolenReport filed = find(id).orElseThrow();
        check.check(filed, firearms.find(firearmId).orElseThrow());
        return filed;
    }

    /**
     * Files a report on a weapon that is not in the registry, described by the owner (make, type,
     * calibre, serial; markings if known). The description is kept as a weapon of its own (status
     * {@code REPORTED}), so that searches, recoveries and registrations that hit it are flagged.
     */
    @PreAuthorize(REPORTERS)
    @Transactional
    public LostStolenReport reportDescribed(NewFirearm weapon, LostStolenReport.Kind kind, LocalDate occurredOn,
                                            String place, String reference, String circumstances,
                                            Provenance provenance) {
        if (kind == null || weapon == null || weapon.serialAsRead() == null) {
            throw new IllegalArgumentException("Lost or stolen, and which weapon?");
        }
        if (weapon.serialAsRead().length() > SerialQuery.MAX_INPUT || SerialNumbers.readableLength(
                SerialNumbers.normalise(weapon.serialAsRead())) < SerialSearch.MIN_READABLE) {
            // A weapon described without a serial that can be searched could never be recognised.
            throw new IllegalArgumentException("A described weapon needs a readable serial");
        }
        if (occurredOn != null && occurredOn.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
            throw new IllegalArgumentException("A loss cannot be reported for a future date");
        }
        return report(firearms.recordReported(weapon, provenance), kind, occurredOn, place, reference, circumstances,
                provenance);
    }

    /** Closes an active report (weapon recovered, or report made in error). A closed report stays on record. */
    @PreAuthorize(CLOSERS)
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
                        CREATE (r)-[:HAS_EVENT]->(:LostStolenEvent {at: $now, by: $by, kind: 'CLOSED', status: $outcome,
                                                                    reason: $reason})
                        RETURN count(*) AS n
                        """)
                .bindAll(CypherParams.of("id", reportId, "outcome", outcome.name(), "by", AuditLog.currentActor(),
                        "now", ZonedDateTime.now(ZoneOffset.UTC), "reason", reason.strip()))
                .fetchAs(Long.class).one().orElse(0L);
        if (closed == 0) {
            throw new IllegalArgumentException("No active report " + reportId);
        }
        audit.record("lost-stolen.closed", List.of("LostStolenReport:" + reportId), outcome + ": " + reason);
    }

    /**
     * Reopens a closed report (the weapon found was not the one reported, or the report was closed
     * in error), with the reason; the closing stays in the history. The report is checked against the
     * records again, and what it may be that earlier checks had not found is notified.
     */
    @PreAuthorize(CLOSERS)
    @Transactional
    public LostStolenReport reopen(String reportId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Reopening a report needs a reason");
        }
        String firearmId = neo4j.query("""
                        MATCH (r:LostStolenReport {id: $id})-[:CONCERNS]->(f:Firearm) WHERE r.status <> 'ACTIVE'
                        SET r.status = 'ACTIVE', r.reopenedBy = $by, r.reopenedAt = $now,
                            r.closedBy = null, r.closedAt = null, r.closeReason = null
                        CREATE (r)-[:HAS_EVENT]->(:LostStolenEvent {at: $now, by: $by, kind: 'REOPENED', status: 'ACTIVE',
                                                                    reason: $reason})
                        RETURN f.id AS firearm
                        """)
                .bindAll(CypherParams.of("id", reportId, "by", AuditLog.currentActor(),
                        "now", ZonedDateTime.now(ZoneOffset.UTC), "reason", reason.strip()))
                .fetchAs(String.class).one()
                .orElseThrow(() -> new IllegalArgumentException("No closed report " + reportId));
        audit.record("lost-stolen.reopened", List.of("LostStolenReport:" + reportId), reason.strip());
        LostStolenReport reopened = find(reportId).orElseThrow();
        check.check(reopened, firearms.find(firearmId).orElseThrow());
        return reopened;
    }

    /**
     * Gives every imported report that has no history yet its {@code REPORTED} event and checks it
     * against the records, as a report filed here is checked, hits notified: what both load paths of
     * the importer end with. In transactions of its own, a batch of reports each.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Checked checkImported() {
        return check.checkImported();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<LostStolenReport> find(String reportId) {
        return neo4j.query("MATCH (r:LostStolenReport {id: $id})-[:CONCERNS]->(f:Firearm) RETURN r, f.id AS firearm")
                .bind(String.valueOf(reportId)).to("id").fetchAs(LostStolenReport.class)
                .mappedBy((t, rec) -> toReport(rec.get("r").asNode(), rec.get("firearm").asString())).one();
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

    static LostStolenReport toReport(Node r, String firearmId) {
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
