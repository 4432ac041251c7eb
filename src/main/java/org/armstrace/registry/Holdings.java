package org.armstrace.registry;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.armstrace.security.PersonalDataPath;
import org.armstrace.security.PersonalDataReads;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds which weapon, and how it changed hands: organisations that trade or hold weapons
 * (importers, dealers, state agencies), licences, the {@code COVERS} links from a licence to the
 * weapons it covers (with from/to dates), and transfers. Holdings are closed by a later date,
 * never deleted, so the chain maker → importer → dealer → holder can always be replayed.
 */
@Service
public class Holdings {

    public enum OrganisationKind { IMPORTER, DEALER, STATE_AGENCY, SECURITY_COMPANY, MANUFACTURER }

    private final Neo4jClient neo4j;
    private final AuditLog audit;
    private final PersonalDataReads reads;

    Holdings(Neo4jClient neo4j, AuditLog audit, PersonalDataReads reads) {
        this.neo4j = neo4j;
        this.audit = audit;
        this.reads = reads;
    }

    /** Registers an organisation (not a manufacturer: those are reference data); returns its id. */
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST','INTAKE')")
    @Transactional
    public String registerOrganisation(OrganisationKind kind, String code, String name, String countryCode,
                                       Provenance provenance) {
        if (kind == OrganisationKind.MANUFACTURER) {
            throw new IllegalArgumentException("Manufacturers are reference data");
        }
        String key = ReferenceKeys.key(code);
        if (key.isEmpty() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("An organisation needs a code and a name");
        }
        String id = kind.name() + ":" + key;
        neo4j.query("""
                        MERGE (o:Organisation {id: $id})
                          ON CREATE SET o.kind = $kind, o.code = $code, o.name = $name, o.source = $source,
                                        o.confidence = $confidence, o.recordedAt = $now
                        WITH o
                        OPTIONAL MATCH (c:Country {code: $country})
                        FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | MERGE (o)-[:BASED_IN]->(c))
                        """)
                .bindAll(CypherParams.of("id", id, "kind", kind.name(), "code", key, "name", name.strip(),
                        "country", countryCode, "source", provenance.source(),
                        "confidence", provenance.confidence().name(), "now", ZonedDateTime.now(ZoneOffset.UTC)))
                .run();
        audit.record("organisation.registered", List.of("Organisation:" + id), name);
        return id;
    }

    /** Issues (records) a licence to a person or an organisation. */
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST','INTAKE')")
    @Transactional
    public Licence issueLicence(String number, Licence.Kind kind, String holderId, String issuedBy,
                                LocalDate validFrom, LocalDate validTo, Provenance provenance) {
        String id = writeLicences(List.of(new NewLicence(number, kind, holderId, issuedBy, validFrom, validTo)),
                provenance).getFirst();
        if (id == null) {
            throw new IllegalArgumentException("No person or organisation " + holderId);
        }
        audit.record("licence.issued", List.of("Licence:" + id, holderEntity(holderId)), number);
        return licence(id).orElseThrow();
    }

    /**
     * Records a transfer. When it names the receiving licence, the weapon is covered by that
     * licence from the transfer date, and any open holding under another licence ends that day.
     */
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST','INTAKE')")
    @Transactional
    public Transfer recordTransfer(NewTransfer t, Provenance provenance) {
        String id = UUID.randomUUID().toString();
        if (!writeTransfers(List.of(t), List.of(id), provenance).isEmpty()) {
            throw new IllegalArgumentException("No firearm " + t.firearmId() + " or no licence " + t.toLicenceId());
        }
        audit.record("transfer.recorded", List.of("Transfer:" + id, "Firearm:" + t.firearmId()),
                t.kind() + " on " + t.date());
        // The recorder named the parties: reading them back is not a new read of personal data.
        return transfers(t.firearmId(), true).stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Licence> licence(String id) {
        return neo4j.query("""
                        MATCH (h)-[:HOLDS]->(l:Licence {id: $id})
                        RETURN l, h.id AS holderId, coalesce(h.name, h.givenName + ' ' + h.familyName) AS holderName
                        """)
                .bind(id).to("id").fetchAs(Licence.class)
                .mappedBy((t, r) -> toLicence(r.get("l").asNode(), r.get("holderId").asString(), r.get("holderName").asString()))
                .one();
    }

    /**
     * An organisation's page: what it is, its licences, the weapons its licences covered (the
     * {@link Holdings#ORGANISATION_PAGE_ROWS} latest, since a dealer or a state armoury may cover tens of
     * thousands), and how many it covered, made and transferred in all.
     */
    public record OrganisationRecord(String id, OrganisationKind kind, String code, String name, String country,
                                     String source, List<Licence> licences, List<PersonRegistry.HeldFirearm> firearms,
                                     long firearmsCovered, long firearmsMade, long transfers) {
    }

    /** At most this many licences and weapons on an organisation's page; the counts say how many there are. */
    public static final int ORGANISATION_PAGE_ROWS = 100;

    @PreAuthorize(PersonRegistry.PERSONAL_DATA)
    @Transactional(readOnly = true)
    public Optional<OrganisationRecord> organisation(String id) {
        return neo4j.query("""
                        MATCH (o:Organisation {id: $id})
                        OPTIONAL MATCH (o)-[:BASED_IN]->(home:Country)
                        RETURN o, home.code AS country,
                               COUNT { (o)-[:HOLDS]->(:Licence)-[:COVERS]->(:Firearm) } AS covered,
                               COUNT { (o)<-[:MADE_BY]-(:Firearm) } AS made,
                               COUNT { (o)<-[:FROM|TO]-(:Transfer) } AS transfers,
                               COLLECT { MATCH (o)-[:HOLDS]->(l:Licence)
                                         RETURN l ORDER BY l.validFrom DESC LIMIT $rows } AS licences,
                               COLLECT { MATCH (o)-[:HOLDS]->(l:Licence)-[c:COVERS]->(f:Firearm)
                                         RETURN {f: f, licence: l.number, from: c.from, to: c.to,
                                                 markings: COLLECT { MATCH (f)-[:HAS_MARKING]->(m) RETURN m }} AS held
                                         ORDER BY c.from DESC LIMIT $rows } AS firearms
                        """)
                .bindAll(Map.of("id", id, "rows", ORGANISATION_PAGE_ROWS))
                .fetchAs(OrganisationRecord.class).mappedBy((t, r) -> {
                    Node o = r.get("o").asNode();
                    String name = o.get("name").asString("");
                    var licences = r.get("licences").asList(v -> toLicence(v.asNode(), id, name));
                    var firearms = r.get("firearms").asList(PersonRegistry.HeldFirearm::of);
                    return new OrganisationRecord(id, OrganisationKind.valueOf(o.get("kind").asString()),
                            o.get("code").asString(null), name, r.get("country").asString(null),
                            o.get("source").asString(""), licences, firearms, r.get("covered").asLong(),
                            r.get("made").asLong(), r.get("transfers").asLong());
                })
                .one();
    }

    /**
     * Every transfer of the weapon, oldest first. People among the parties are named for the roles
     * that may see personal data (and the read is audited); for the others they are
     * {@link Person#ON_FILE}. Organisations (dealers, importers, agencies) are named for everyone.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public List<Transfer> transfers(String firearmId) {
        boolean personal = PersonalDataReads.allowed();
        List<Transfer> transfers = transfers(firearmId, personal);
        if (personal) {
            reads.record(PersonalDataPath.FIREARM_TRANSFERS, List.of("Firearm:" + firearmId), people(transfers));
        }
        return transfers;
    }

    /** The people among the parties, by id; only meaningful on a list read with names. */
    static List<String> people(List<Transfer> transfers) {
        var ids = new ArrayList<String>();
        for (Transfer t : transfers) {
            if (t.fromPerson()) {
                ids.add(t.fromId());
            }
            if (t.toPerson()) {
                ids.add(t.toId());
            }
        }
        return ids;
    }

    /** The transfers without auditing; people as {@link Person#ON_FILE} unless {@code personal}. */
    List<Transfer> transfers(String firearmId, boolean personal) {
        return neo4j.query("""
                        MATCH (t:Transfer)-[:OF]->(:Firearm {id: $id})
                        OPTIONAL MATCH (t)-[:FROM]->(a)
                        OPTIONAL MATCH (t)-[:TO]->(b)
                        RETURN t, a.id AS fromId, coalesce(a.name, a.givenName + ' ' + a.familyName) AS fromName,
                               a:Person AS fromPerson, b.id AS toId,
                               coalesce(b.name, b.givenName + ' ' + b.familyName) AS toName, b:Person AS toPerson
                        ORDER BY t.date, t.recordedAt
                        """)
                .bind(firearmId).to("id").fetchAs(Transfer.class).mappedBy((ts, r) -> {
                    Node t = r.get("t").asNode();
                    boolean fromPerson = r.get("fromPerson").asBoolean(false);
                    boolean toPerson = r.get("toPerson").asBoolean(false);
                    boolean hideFrom = fromPerson && !personal;
                    boolean hideTo = toPerson && !personal;
                    return new Transfer(t.get("id").asString(), Transfer.Kind.valueOf(t.get("kind").asString()),
                            t.get("date").asLocalDate(), firearmId,
                            hideFrom ? Person.ON_FILE : r.get("fromId").asString(null),
                            hideFrom ? Person.ON_FILE : r.get("fromName").asString(null),
                            hideTo ? Person.ON_FILE : r.get("toId").asString(null),
                            hideTo ? Person.ON_FILE : r.get("toName").asString(null),
                            t.get("reference").asString(null), t.get("source").asString(""),
                            t.get("confidence").asString(""), t.get("recordedAt").asZonedDateTime().toInstant(),
                            fromPerson, toPerson);
                }).all().stream().toList();
    }

    /** A licence to record; checked when made, so single and bulk paths refuse the same input. */
    public record NewLicence(String number, Licence.Kind kind, String holderId, String issuedBy, LocalDate validFrom,
                             LocalDate validTo) {
        public NewLicence {
            if (number == null || number.length() > 40 || ReferenceKeys.key(number).length() < 3) {
                throw new IllegalArgumentException("A licence number needs 3 to 40 characters");
            }
            if (kind == null || holderId == null) {
                throw new IllegalArgumentException("A licence needs a kind and a holder");
            }
            if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
                throw new IllegalArgumentException("A licence cannot expire before it is issued");
            }
        }
    }

    /**
     * Records many licences with batched {@code UNWIND} writes; rows whose holder is unknown are
     * returned, not dropped silently. One audit event for the batch.
     *
     * @return the new licences' ids in input order; null where the holder is unknown and nothing was recorded
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public List<String> issueLicenceBatch(List<NewLicence> licences, Provenance provenance) {
        List<String> ids = writeLicences(licences, provenance);
        long refused = ids.stream().filter(Objects::isNull).count();
        audit.record("licence.issued-batch", List.of(), (licences.size() - refused) + " licences; "
                + refused + " refused (unknown holder); source " + provenance.source());
        return ids;
    }

    private List<String> writeLicences(List<NewLicence> licences, Provenance provenance) {
        var ids = new ArrayList<String>(licences.size());
        var rows = new ArrayList<Map<String, Object>>(licences.size());
        for (int i = 0; i < licences.size(); i++) {
            NewLicence l = licences.get(i);
            ids.add(UUID.randomUUID().toString());
            rows.add(CypherParams.of("i", i, "id", ids.get(i), "number", l.number().strip(),
                    "key", ReferenceKeys.key(l.number()), "kind", l.kind().name(), "holder", l.holderId(),
                    "issuedBy", l.issuedBy(), "from", l.validFrom(), "to", l.validTo()));
        }
        neo4j.query("""
                        UNWIND $rows AS row
                        CALL (row) {
                          OPTIONAL MATCH (p:Person {id: row.holder})
                          OPTIONAL MATCH (o:Organisation {id: row.holder})
                          RETURN coalesce(p, o) AS h
                        }
                        WITH row, h
                        CALL (row, h) {
                          WITH row, h WHERE h IS NOT NULL
                          CREATE (h)-[:HOLDS]->(:Licence {id: row.id, number: row.number, numberKey: row.key,
                                  kind: row.kind, issuedBy: row.issuedBy, validFrom: row.from, validTo: row.to,
                                  source: $source, confidence: $confidence, recordedAt: $now})
                        }
                        WITH row, h WHERE h IS NULL
                        RETURN row.i AS i
                        """)
                .bindAll(Map.of("rows", rows, "source", provenance.source(), "confidence", provenance.confidence().name(),
                        "now", ZonedDateTime.now(ZoneOffset.UTC)))
                .fetchAs(Integer.class).all().forEach(i -> ids.set(i, null));
        return ids;
    }

    /**
     * Records many transfers with batched {@code UNWIND} writes, with the same holding rule as
     * {@link #recordTransfer}. Rows are applied in order, so several transfers of one weapon in one
     * batch must be in date order. One audit event for the batch.
     *
     * @return the indexes of rows not recorded because their weapon or licence is unknown
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public List<Integer> recordTransferBatch(List<NewTransfer> transfers, Provenance provenance) {
        List<Integer> refused = writeTransfers(transfers,
                transfers.stream().map(t -> UUID.randomUUID().toString()).toList(), provenance);
        audit.record("transfer.recorded-batch", List.of(), (transfers.size() - refused.size()) + " transfers; "
                + refused.size() + " refused; source " + provenance.source());
        return refused;
    }

    private List<Integer> writeTransfers(List<NewTransfer> transfers, List<String> ids, Provenance provenance) {
        var rows = new ArrayList<ImportedRecords.Row<ImportedRecords.TransferRow>>(transfers.size());
        for (int i = 0; i < transfers.size(); i++) {
            rows.add(new ImportedRecords.Row<>(ids.get(i), new ImportedRecords.TransferRow(transfers.get(i), null, null),
                    provenance.source()));
        }
        return writeTransfers(rows, provenance.confidence().name(), null);
    }

    /**
     * Writes transfers (and holdings) in order, for both the services and imports: the one place
     * of the holding rule. Each transfer is merged on its id, so writing a row twice changes
     * nothing (the holding included). Returns the indexes refused for an unknown weapon or licence.
     *
     * @param batch the import batch, or null
     */
    List<Integer> writeTransfers(List<ImportedRecords.Row<ImportedRecords.TransferRow>> transfers, String confidence,
                                 String batch) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        var rows = new ArrayList<Map<String, Object>>(transfers.size());
        for (int i = 0; i < transfers.size(); i++) {
            var r = transfers.get(i);
            NewTransfer t = r.value().transfer();
            rows.add(CypherParams.of("i", i, "id", r.id(), "date", t.date(), "firearm", t.firearmId(), "from", t.fromId(),
                    "to", t.toId(), "licence", t.toLicenceId(), "props", ImportedProperties.transferProperties(r, confidence, batch, now),
                    "cover", ImportedProperties.coverProperties(t.date(), r.id(), r.source(), confidence, now)));
        }
        return neo4j.query("""
                        UNWIND $rows AS row
                        OPTIONAL MATCH (f:Firearm {id: row.firearm})
                        OPTIONAL MATCH (l:Licence {id: row.licence})
                        WITH row, f, l
                        CALL (row, f, l) {
                          WITH row, f, l WHERE f IS NOT NULL AND (row.licence IS NULL OR l IS NOT NULL)
                          MERGE (t:Transfer {id: row.id})
                            ON CREATE SET t += row.props
                          MERGE (t)-[:OF]->(f)
                          WITH row, f, l, t
                          CALL (row, t) {
                            OPTIONAL MATCH (p:Person {id: row.from}) WITH t, p
                            OPTIONAL MATCH (o:Organisation {id: row.from})
                            WITH t, coalesce(p, o) AS party WHERE party IS NOT NULL
                            MERGE (t)-[:FROM]->(party)
                          }
                          CALL (row, t) {
                            OPTIONAL MATCH (p:Person {id: row.to}) WITH t, p
                            OPTIONAL MATCH (o:Organisation {id: row.to})
                            WITH t, coalesce(p, o) AS party WHERE party IS NOT NULL
                            MERGE (t)-[:TO]->(party)
                          }
                          CALL (row, f, l) {
                            WITH row, f, l WHERE l IS NOT NULL AND NOT EXISTS { (l)-[:COVERS {transfer: row.id}]->(f) }
                            OPTIONAL MATCH (:Licence)-[open:COVERS]->(f) WHERE open.to IS NULL AND open.from <= row.date
                            SET open.to = row.date
                            WITH DISTINCT row, f, l
                            CREATE (l)-[c:COVERS]->(f)
                            SET c = row.cover
                          }
                        }
                        WITH row, f, l WHERE f IS NULL OR (row.licence IS NOT NULL AND l IS NULL)
                        RETURN row.i AS i
                        """)
                .bind(rows).to("rows")
                .fetchAs(Integer.class).all().stream().toList();
    }

    /** The transfers among these rows that are in the graph as {@link #writeTransfers} would write them. */
    Set<String> transfersWritten(Collection<ImportedRecords.Row<ImportedRecords.TransferRow>> transfers) {
        if (transfers.isEmpty()) {
            return Set.of();
        }
        var rows = transfers.stream().map(r -> {
            NewTransfer t = r.value().transfer();
            return CypherParams.of("id", r.id(), "firearm", t.firearmId(), "from", t.fromId(), "to", t.toId(),
                    "licence", t.toLicenceId());
        }).toList();
        // Each part the write merges, checked: a party or licence that could not be resolved when the
        // transfer was first written, and can now, still gets written.
        return new HashSet<>(neo4j.query("""
                        UNWIND $rows AS row
                        MATCH (t:Transfer {id: row.id})-[:OF]->(f:Firearm {id: row.firearm})
                        WHERE (row.from IS NULL OR EXISTS { (t)-[:FROM]->(p) WHERE p.id = row.from })
                          AND (row.to IS NULL OR EXISTS { (t)-[:TO]->(p) WHERE p.id = row.to })
                          AND (row.licence IS NULL OR EXISTS { (:Licence {id: row.licence})-[:COVERS {transfer: row.id}]->(f) })
                        RETURN DISTINCT t.id
                        """)
                .bind(rows).to("rows").fetchAs(String.class).all());
    }

    private static String holderEntity(String holderId) {
        return holderId.contains(":") ? "Organisation:" + holderId : "Person:" + holderId;
    }

    static Licence toLicence(Node l, String holderId, String holderName) {
        return new Licence(l.get("id").asString(), l.get("number").asString(), Licence.Kind.valueOf(l.get("kind").asString()),
                holderId, holderName, l.get("issuedBy").asString(null), PersonRegistry.date(l.get("validFrom")),
                PersonRegistry.date(l.get("validTo")), l.get("source").asString(""), l.get("confidence").asString(""),
                l.get("recordedAt").asZonedDateTime().toInstant(),
                l.get("status").isNull() ? Licence.Status.ACTIVE : Licence.Status.valueOf(l.get("status").asString()),
                PersonRegistry.date(l.get("endedOn")));
    }
}
