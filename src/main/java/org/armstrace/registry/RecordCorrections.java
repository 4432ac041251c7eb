package org.armstrace.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's corrections of organisations, licences and transfers, written as firearms and people
 * are corrected: the replaced values kept in a {@code :<Label>Version} ({@link Versions}) with the
 * reason and the provenance {@code user:<name>}, the new values on the record, one audit event per
 * correction. Who: {@link RegistryDesk#ROLES}. A licence that is revoked, suspended or expires is
 * ended with a date ({@link #endLicence}): its holdings end that day, nothing is deleted.
 *
 * <p>A later extract of the national registry sees these versions as the desk's own and sends a
 * different value to review instead of overwriting it ({@link ImportHistory}), as for people.
 */
@Service
public class RecordCorrections {

    /** A licence's fields as they should read; null clears issuedBy and validTo. */
    public record LicenceCorrection(String number, Licence.Kind kind, String issuedBy, LocalDate validFrom,
                                    LocalDate validTo) {
    }

    /** A transfer's own fields as they should read; its parties and weapon are not corrected here. */
    public record TransferCorrection(Transfer.Kind kind, LocalDate date, String reference) {
    }

    /** A transfer of a weapon with its history (no parties: the history is for every reader of the weapon). */
    public record TransferHistory(String id, Transfer.Kind kind, LocalDate date, String reference,
                                  List<RecordVersion> versions) {
    }

    private final Neo4jClient neo4j;
    private final ReferenceData reference;
    private final AuditLog audit;

    RecordCorrections(Neo4jClient neo4j, ReferenceData reference, AuditLog audit) {
        this.neo4j = neo4j;
        this.reference = reference;
        this.audit = audit;
    }

    /**
     * Corrects an organisation's name and country. Manufacturers are reference data and are edited
     * there; the organisation's kind and code make its id and are not corrected.
     */
    @PreAuthorize(RegistryDesk.DESK)
    @Transactional
    public void correctOrganisation(String id, String name, String countryCode, String reason) {
        RegistryDesk.requireReason(reason);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new DeskRejected("desk.organisation-invalid");
        }
        if (countryCode != null && reference.country(countryCode).isEmpty()) {
            throw new DeskRejected("desk.unknown-country", countryCode);
        }
        Map<String, Object> current = neo4j.query("""
                        MATCH (o:Organisation {id: $id}) WHERE o.kind <> 'MANUFACTURER'
                        RETURN o.name AS name, head(COLLECT { MATCH (o)-[:BASED_IN]->(c:Country) RETURN c.code }) AS country
                        """)
                .bind(id).to("id").fetch().one().orElseThrow(() -> new DeskRejected("desk.no-record"));
        var next = new HashMap<String, Object>();
        if (!name.strip().equals(current.get("name"))) {
            next.put("name", name.strip());
        }
        String was = (String) current.get("country");
        boolean moved = !Objects.equals(was, countryCode);
        if (next.isEmpty() && !moved) {
            throw new DeskRejected("desk.nothing-changed");
        }
        Versions.supersede(neo4j, "Organisation", id, next, Map.of(),
                moved && was != null ? List.of("country=" + was) : List.of(),
                moved && countryCode != null ? List.of("country=" + countryCode) : List.of(),
                reason.strip(), RegistryDesk.provenance());
        if (moved) {
            neo4j.query("""
                            MATCH (o:Organisation {id: $id})
                            OPTIONAL MATCH (o)-[old:BASED_IN]->()
                            DELETE old
                            WITH DISTINCT o
                            MATCH (c:Country {code: $country})
                            MERGE (o)-[:BASED_IN]->(c)
                            """)
                    .bindAll(CypherParams.of("id", id, "country", countryCode)).run();
        }
        audit.record("organisation.corrected", List.of("Organisation:" + id), reason.strip());
    }

    /** Corrects a licence's number, kind, issuer and dates as the document reads. */
    @PreAuthorize(RegistryDesk.DESK)
    @Transactional
    public Licence correctLicence(String id, LicenceCorrection c, String reason) {
        RegistryDesk.requireReason(reason);
        Licence current = licence(id);
        RegistryDesk.notInFuture(c.validFrom());
        try {
            new Holdings.NewLicence(c.number(), c.kind(), current.holderId(), c.issuedBy(), c.validFrom(), c.validTo());
        } catch (IllegalArgumentException invalid) {
            throw new DeskRejected("desk.licence-invalid");
        }
        var next = new HashMap<String, Object>();
        putIfChanged(next, "number", c.number().strip(), current.number());
        putIfChanged(next, "kind", c.kind().name(), current.kind().name());
        putIfChanged(next, "issuedBy", blankToNull(c.issuedBy()), current.issuedBy());
        putIfChanged(next, "validFrom", c.validFrom(), current.validFrom());
        putIfChanged(next, "validTo", c.validTo(), current.validTo());
        if (next.isEmpty()) {
            throw new DeskRejected("desk.nothing-changed");
        }
        // The number's search key follows the number; it is derived, so it stays out of the diff.
        Map<String, Object> derived = next.containsKey("number")
                ? Map.of("numberKey", ReferenceKeys.key(c.number())) : Map.of();
        Versions.supersede(neo4j, "Licence", id, next, derived, reason.strip(), RegistryDesk.provenance());
        audit.record("licence.corrected", List.of("Licence:" + id), reason.strip());
        return licence(id);
    }

    /**
     * Ends a licence that was revoked, suspended or has expired, on the day it ended: its status and
     * that day are kept on the licence (the old values in a version), and every holding under it
     * that was open on that day closes then. The licence and its holdings stay on record.
     */
    @PreAuthorize(RegistryDesk.DESK)
    @Transactional
    public Licence endLicence(String id, Licence.Status status, LocalDate on, String reason) {
        RegistryDesk.requireReason(reason);
        if (status == null || !status.ends() || on == null) {
            throw new DeskRejected("desk.licence-end-invalid");
        }
        RegistryDesk.notInFuture(on);
        Licence current = licence(id);
        if (current.validFrom() != null && on.isBefore(current.validFrom())) {
            throw new DeskRejected("desk.licence-end-before-issue");
        }
        String was = neo4j.query("MATCH (l:Licence {id: $id}) RETURN l.status AS status").bind(id).to("id")
                .fetchAs(String.class).mappedBy((t, r) -> r.get("status").asString(null)).one().orElse(null);
        if (was != null) {
            throw new DeskRejected("desk.licence-already-ended");
        }
        Versions.supersede(neo4j, "Licence", id, CypherParams.of("status", status.name(), "endedOn", on), Map.of(),
                reason.strip(), RegistryDesk.provenance());
        long closed = neo4j.query("""
                        MATCH (:Licence {id: $id})-[c:COVERS]->(:Firearm)
                        WHERE c.to IS NULL AND (c.from IS NULL OR c.from <= $on)
                        SET c.to = $on
                        RETURN count(c) AS n
                        """)
                .bindAll(CypherParams.of("id", id, "on", on)).fetchAs(Long.class).one().orElse(0L);
        audit.record("licence.ended", List.of("Licence:" + id), status.name() + " on " + on + "; " + closed
                + " holding(s) ended; " + reason.strip());
        return licence(id);
    }

    /**
     * Corrects a transfer's kind, date and reference. A new date moves the holding the transfer
     * began, and the end of the holding it closed, to that date.
     */
    @PreAuthorize(RegistryDesk.DESK)
    @Transactional
    public void correctTransfer(String id, TransferCorrection c, String reason) {
        RegistryDesk.requireReason(reason);
        if (c.kind() == null || c.date() == null) {
            throw new DeskRejected("desk.transfer-date-required");
        }
        RegistryDesk.notInFuture(c.date());
        Map<String, Object> current = neo4j.query("""
                        MATCH (t:Transfer {id: $id}) RETURN t.kind AS kind, t.date AS date, t.reference AS reference
                        """)
                .bind(id).to("id").fetch().one().orElseThrow(() -> new DeskRejected("desk.no-record"));
        var next = new HashMap<String, Object>();
        putIfChanged(next, "kind", c.kind().name(), current.get("kind"));
        putIfChanged(next, "date", c.date(), current.get("date"));
        putIfChanged(next, "reference", blankToNull(c.reference()), current.get("reference"));
        if (next.isEmpty()) {
            throw new DeskRejected("desk.nothing-changed");
        }
        Versions.supersede(neo4j, "Transfer", id, next, Map.of(), reason.strip(), RegistryDesk.provenance());
        if (next.containsKey("date")) {
            neo4j.query("""
                            MATCH (t:Transfer {id: $id})-[:OF]->(f:Firearm)
                            CALL (f) {
                              MATCH (:Licence)-[closed:COVERS]->(f)
                              WHERE closed.to = $old AND coalesce(closed.transfer, '') <> $id
                                    AND (closed.from IS NULL OR closed.from <= $date)
                              SET closed.to = $date
                            }
                            CALL (f) {
                              MATCH (:Licence)-[began:COVERS {transfer: $id}]->(f)
                              SET began.from = $date
                            }
                            """)
                    .bindAll(CypherParams.of("id", id, "old", current.get("date"), "date", c.date())).run();
        }
        audit.record("transfer.corrected", List.of("Transfer:" + id), reason.strip());
    }

    /** The organisation's versions, oldest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<RecordVersion> organisationHistory(String id) {
        return Versions.of(neo4j, "Organisation", id);
    }

    /** The licence's versions, oldest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<RecordVersion> licenceHistory(String id) {
        return Versions.of(neo4j, "Licence", id);
    }

    /** The versions of each of these licences that has any, by id (a holder's page lists many). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<String, List<RecordVersion>> licenceHistories(List<String> ids) {
        return Versions.ofAll(neo4j, "Licence", ids);
    }

    /** The weapon's transfers in date order, each with its versions. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<TransferHistory> transferHistories(String firearmId) {
        var rows = neo4j.query("""
                        MATCH (t:Transfer)-[:OF]->(:Firearm {id: $id})
                        RETURN t.id AS id, t.kind AS kind, t.date AS date, t.reference AS reference
                        ORDER BY t.date, t.recordedAt
                        """)
                .bind(firearmId).to("id").fetch().all();
        Map<String, List<RecordVersion>> versions = Versions.ofAll(neo4j, "Transfer",
                rows.stream().map(r -> (String) r.get("id")).toList());
        var out = new ArrayList<TransferHistory>();
        for (Map<String, Object> r : rows) {
            String id = (String) r.get("id");
            out.add(new TransferHistory(id, Transfer.Kind.valueOf((String) r.get("kind")), (LocalDate) r.get("date"),
                    (String) r.get("reference"), versions.getOrDefault(id, List.of())));
        }
        return out;
    }

    private Licence licence(String id) {
        return neo4j.query("""
                        MATCH (h)-[:HOLDS]->(l:Licence {id: $id})
                        RETURN l, h.id AS holderId, coalesce(h.name, h.givenName + ' ' + h.familyName) AS holderName
                        """)
                .bind(id).to("id").fetchAs(Licence.class)
                .mappedBy((t, r) -> Holdings.toLicence(r.get("l").asNode(), r.get("holderId").asString(),
                        r.get("holderName").asString()))
                .one().orElseThrow(() -> new DeskRejected("desk.no-record"));
    }

    private static void putIfChanged(Map<String, Object> next, String key, Object value, Object current) {
        if (!Objects.equals(value, current)) {
            next.put(key, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
