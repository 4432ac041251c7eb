package org.armstrace.registry;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.armstrace.graph.CypherParams;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's side of a legacy import: the lookups an importer matches rows against, and bulk
 * writes of rows it has already validated and matched. Every write is a batched {@code UNWIND …
 * MERGE} on a constrained id chosen by the importer (derived from the record's natural key), so
 * writing the same rows twice (a re-run, or a chunk redone after a crash) creates nothing new.
 * Each created node carries its own provenance: the source row and the import batch.
 *
 * <p>Imported records get no {@code :…Version} node: the source row, kept with its file, is their
 * first version. Later corrections are versioned as usual.
 */
@Service
public class ImportedRecords implements RecordStore {

    /**
     * A record to write: its id, its content and where it came from ({@code import:<file>#row=<n>}).
     *
     * @param hash    what its source said, as {@link #entry}; null when not imported
     * @param refresh the record exists and this row is a later word of its source (or its first word
     *                on a record made elsewhere): the row's hash and source are added to the record
     */
    public record Row<T>(String id, T value, String source, String hash, boolean refresh) {
        public Row(String id, T value, String source) {
            this(id, value, source, null, false);
        }

        public Row<T> refreshing() {
            return new Row<>(id, value, source, hash, true);
        }
    }

    /** The hash entry a record keeps of what one source (mapping profile) said of it. */
    public static String entry(String profile, Object content) {
        return ImportHistory.entry(profile, content);
    }

    /** A weapon's identity as the registry keys it: make (code, or the make as written when unknown), model, serial. */
    public record FirearmIdentity(String makeCode, String makeKey, String modelKey, String serialKey, String serialFolded) {
    }

    /** A registered weapon that shares make and folded serial with a row. */
    public record FirearmCandidate(String id, String makeCode, String model, String serialKey, String serialFolded,
                                   String typeCode, String calibreCode) {
    }

    /** What a person row is compared with. */
    public record PersonCandidate(String id, String givenName, String familyName, String parentName, LocalDate birthDate,
                                  String birthPlace, String nationalIdKey) {
    }

    /** Blocking keys of one row; {@code i} is the caller's index. */
    public record PersonBlocks(int i, String nationalIdKey, PersonNames.Blocks blocks) {
    }

    public record NewOrganisation(Holdings.OrganisationKind kind, String code, String name, String countryCode) {
        public String id() {
            return kind.name() + ":" + ReferenceKeys.key(code);
        }
    }

    /**
     * A licence with its holder and, in a registry extract, the weapon it covers from {@code coversFrom};
     * a licence the registry says is no longer active ends its holdings on {@code endedOn}.
     */
    public record LicenceRow(Holdings.NewLicence licence, String firearmId, LocalDate coversFrom, Licence.Status status,
                             LocalDate endedOn) {
        public LicenceRow(Holdings.NewLicence licence, String firearmId, LocalDate coversFrom) {
            this(licence, firearmId, coversFrom, Licence.Status.ACTIVE, null);
        }
    }

    /** A transfer with its parties resolved to ids, or kept as written when they could not be. */
    public record TransferRow(NewTransfer transfer, String fromAsWritten, String toAsWritten) {
    }

    public record ReportRow(String firearmId, LostStolenReport.Kind kind, LocalDate occurredOn, String place,
                            String reference) {
    }

    /** The kinds of record an import writes, by label. */
    public enum Kind {
        PERSON("Person"), FIREARM("Firearm"), ORGANISATION("Organisation"), LICENCE("Licence"), TRANSFER("Transfer"),
        REPORT("LostStolenReport");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Neo4jClient neo4j;
    private final FirearmRegistry firearms;
    private final Holdings holdings;
    private final ImportedReports reports;

    ImportedRecords(Neo4jClient neo4j, FirearmRegistry firearms, Holdings holdings, ImportedReports reports) {
        this.neo4j = neo4j;
        this.firearms = firearms;
        this.holdings = holdings;
        this.reports = reports;
    }

    /** Each read is a transaction of its own: an import may look at its next chunk while it writes one. */
    @Override
    public boolean readableWhileWriting() {
        return true;
    }

    /** The identity keys of a weapon as read, resolved against reference data (make aliases). */
    @Override
    public FirearmIdentity identify(String make, String model, String serialAsRead) {
        // Called for every row of an extract: the keys only, not the search neighbourhood a write derives.
        String makeCode = firearms.makeCode(make);
        String serialKey = SerialNumbers.normalise(serialAsRead == null ? "" : serialAsRead);
        // Two spellings of one model of the maker ("M 70", "M70A") are one model, as they are to the search.
        return new FirearmIdentity(makeCode, makeCode != null ? makeCode : unknownMakeKey(make),
                ReferenceKeys.key(firearms.modelName(makeCode, model)), serialKey, SerialNumbers.fold(serialKey));
    }

    /**
     * Registered (not recovered) weapons with the same make and folded serial as each key, by key
     * index. A make that is not in the reference data is matched as written (its {@link
     * FirearmIdentity#makeKey}) and by the exact serial key, so that its weapon can still be named later.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Map<Integer, List<FirearmCandidate>> firearmCandidates(List<FirearmIdentity> keys) {
        var known = new ArrayList<Map<String, Object>>();
        var unknown = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < keys.size(); i++) {
            FirearmIdentity k = keys.get(i);
            if (k.makeCode() != null) {
                known.add(Map.of("i", i, "make", k.makeCode(), "folded", k.serialFolded()));
            } else {
                unknown.add(Map.of("i", i, "serial", k.serialKey()));
            }
        }
        var out = new HashMap<Integer, List<FirearmCandidate>>();
        String returned = """
                RETURN k.i AS i, f.id AS id, f.makeCode AS make, f.makeAsRead AS makeAsRead, f.model AS model,
                       f.serialKey AS serialKey, f.serialFolded AS folded, f.typeCode AS type, f.calibreCode AS calibre
                """;
        if (!known.isEmpty()) {
            neo4j.query("""
                            UNWIND $rows AS k
                            MATCH (f:Firearm {makeCode: k.make, serialFolded: k.folded})
                            WHERE f.status = 'REGISTERED'
                            """ + returned)
                    .bind(known).to("rows").fetch().all().forEach(r -> addCandidate(out, r));
        }
        if (!unknown.isEmpty()) {
            neo4j.query("""
                            UNWIND $rows AS k
                            MATCH (f:Firearm {serialKey: k.serial})
                            WHERE f.status = 'REGISTERED' AND f.makeCode IS NULL
                            """ + returned)
                    .bind(unknown).to("rows").fetch().all().stream()
                    .filter(r -> keys.get(((Number) r.get("i")).intValue()).makeKey()
                            .equals(unknownMakeKey((String) r.get("makeAsRead"))))
                    .forEach(r -> addCandidate(out, r));
        }
        return out;
    }

    /** The candidate's model by its reference name: a weapon stored before its model was known may carry a spelling. */
    private void addCandidate(Map<Integer, List<FirearmCandidate>> out, Map<String, Object> r) {
        String model = firearms.modelName((String) r.get("make"), (String) r.get("model"));
        out.computeIfAbsent(((Number) r.get("i")).intValue(), k -> new ArrayList<>()).add(new FirearmCandidate(
                (String) r.get("id"), (String) r.get("make"), model, (String) r.get("serialKey"),
                (String) r.get("folded"), (String) r.get("type"), (String) r.get("calibre")));
    }

    /** A make the reference data does not know, as {@link FirearmIdentity#makeKey} has it. */
    public static String unknownMakeKey(String makeAsRead) {
        return "?" + ReferenceKeys.key(makeAsRead);
    }

    /**
     * People who share a blocking key ({@link PersonNames#blocks}) or the personal number with each row.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Map<Integer, List<PersonCandidate>> personCandidates(List<PersonBlocks> keys) {
        return PersonMatcher.candidates(neo4j, keys);
    }

    /** Which of these ids already exist: what a write of them would leave as it is. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Set<String> existing(Kind kind, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        // The label is one of Kind's constants, never input.
        return new HashSet<>(neo4j.query("UNWIND $ids AS id MATCH (n:%s {id: id}) RETURN n.id".formatted(kind.label()))
                .bind(List.copyOf(ids)).to("ids").fetchAs(String.class).all());
    }

    /** People by normalised personal number (as {@link ReferenceKeys#key}); the earliest recorded wins. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Map<String, String> peopleByNationalId(List<String> keys) {
        var out = new HashMap<String, String>();
        neo4j.query("""
                        UNWIND $keys AS key
                        CALL (key) { MATCH (p:Person {nationalIdKey: key}) RETURN p.id AS id ORDER BY p.recordedAt LIMIT 1 }
                        RETURN key, id
                        """)
                .bind(keys).to("keys").fetch().all().forEach(r -> out.put((String) r.get("key"), (String) r.get("id")));
        return out;
    }

    /** Organisations (not manufacturers) by normalised code. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Map<String, String> organisationsByCode() {
        var out = new HashMap<String, String>();
        neo4j.query("MATCH (o:Organisation) WHERE o.kind <> 'MANUFACTURER' AND o.code IS NOT NULL RETURN o.code AS code, o.id AS id")
                .fetch().all().forEach(r -> out.putIfAbsent((String) r.get("code"), (String) r.get("id")));
        return out;
    }

    /** Licences by normalised number; a number can belong to several issuers, hence a list. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Map<String, List<String>> licencesByNumber(List<String> keys) {
        var out = new HashMap<String, List<String>>();
        neo4j.query("UNWIND $keys AS key MATCH (l:Licence {numberKey: key}) RETURN key, l.id AS id")
                .bind(keys).to("keys").fetch().all()
                .forEach(r -> out.computeIfAbsent((String) r.get("key"), k -> new ArrayList<>()).add((String) r.get("id")));
        return out;
    }

    /**
     * Gives the people recorded before blocking keys existed (or before the order-free name key,
     * {@code blockNamePair}, was added) their keys, a thousand at a time, so that they take part in
     * matching. Returns how many were updated.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int addMissingBlockKeys() {
        int total = 0;
        while (true) {
            var rows = new ArrayList<Map<String, Object>>();
            neo4j.query("""
                            MATCH (p:Person) WHERE p.blockNames IS NULL OR p.blockNamePair IS NULL
                            RETURN p.id AS id, p.givenName AS given, p.familyName AS family, p.birthDate AS born LIMIT 1000
                            """)
                    .fetch().all().forEach(r -> {
                        LocalDate born = (LocalDate) r.get("born");
                        PersonNames.Blocks b = PersonNames.blocks((String) r.get("given"), (String) r.get("family"), born);
                        rows.add(CypherParams.of("id", r.get("id"), "names", b.names(), "fd", b.familyDate(),
                                "gd", b.givenDate(), "pair", b.pair() == null ? "" : b.pair()));
                    });
            if (rows.isEmpty()) {
                return total;
            }
            neo4j.query("UNWIND $rows AS r MATCH (p:Person {id: r.id}) SET p.blockNames = r.names, p.blockFamilyDate = r.fd, p.blockGivenDate = r.gd, p.blockNamePair = r.pair")
                    .bind(rows).to("rows").run();
            total += rows.size();
        }
    }

    /**
     * How each row (one per record id, each with its {@link Row#hash}) stands against what its source
     * said of the record last time. Read only: a dry run asks it too. {@code ownBatches}: the source's
     * batches, whose records left without its hash (before row hashes) are compared, not joined.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Map<String, Standing> standings(Kind kind, List<? extends Row<?>> rows, Set<String> ownBatches) {
        List<Row<Object>> list = (List) rows;
        return ImportHistory.standings(neo4j, kind, list, ownBatches, r -> ImportHistory.content(firearms, kind, r.value()));
    }

    /**
     * The ids of the rows (each with its {@link Row#hash}) whose record keeps exactly that hash: what their
     * source said last time, said again (and not flagged missing since). A re-import knows these for what
     * they were without matching them again, nor reading their standing again; one read per chunk.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Set<String> unchanged(Kind kind, Collection<? extends Row<?>> rows) {
        return ImportHistory.unchanged(neo4j, kind, rows);
    }

    /**
     * The transfers among these rows that are in the graph as the rows would write them: the transfer on
     * its weapon, with every party and the licence the row resolves. Writing them again would change
     * nothing ({@link Holdings#writeTransfers} merges on the id), so a re-import leaves them alone.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Set<String> transfersWritten(Collection<Row<TransferRow>> rows) {
        return holdings.transfersWritten(rows);
    }

    /**
     * Writes the changes of rows whose standing is {@link Standing.State#CHANGED}: new values with the
     * row as their source, the old ones in a version. Fields in conflict are left as the desk set them.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void writeChanges(Kind kind, List<? extends Row<?>> rows, Map<String, Standing> standings, String reason) {
        var changes = new ArrayList<ImportHistory.Change>();
        for (Row<?> r : rows) {
            Standing s = standings.get(r.id());
            if (s != null && !s.changes().isEmpty()) {
                changes.add(new ImportHistory.Change(r.id(), s.changes(), ImportHistory.derived(firearms, kind, r.value(), s),
                        r.source()));
            }
        }
        ImportHistory.supersede(neo4j, kind, changes, reason, now());
    }

    /**
     * After a full extract of a source: flags the records of this kind it sent before and no longer
     * does ({@code seen}: every id the extract named) and returns them, sorted.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public List<String> flagMissing(Kind kind, String profile, Set<String> ownBatches, Set<String> seen, String batch) {
        return ImportHistory.flagMissing(neo4j, kind, profile, ownBatches, seen, batch, now().toLocalDate());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void writeOrganisations(List<Row<NewOrganisation>> rows, String batch) {
        ZonedDateTime now = now();
        var params = rows.stream().map(r -> withRefresh(r, CypherParams.of("id", r.value().id(),
                "props", ImportedProperties.organisationProperties(r, batch, now), "country", r.value().countryCode()))).toList();
        neo4j.query("""
                        UNWIND $rows AS row
                        MERGE (o:Organisation {id: row.id})
                          ON CREATE SET o += row.props
                        """ + refresh("o") + """
                        WITH o, row WHERE row.country IS NOT NULL
                        MATCH (c:Country {code: row.country})
                        MERGE (o)-[:BASED_IN]->(c)
                        """)
                .bind(params).to("rows").run();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void writePeople(List<Row<NewPerson>> rows, String batch) {
        ZonedDateTime now = now();
        var params = rows.stream().map(r -> withRefresh(r, CypherParams.of("id", r.id(), "props", ImportedProperties.personProperties(r, batch, now))))
                .toList();
        neo4j.query("""
                        UNWIND $rows AS row
                        MERGE (p:Person {id: row.id})
                          ON CREATE SET p += row.props
                        """ + refresh("p"))
                .bind(params).to("rows").run();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void writeFirearms(List<Row<NewFirearm>> rows, String batch) {
        ZonedDateTime now = now();
        var params = new ArrayList<Map<String, Object>>(rows.size());
        for (Row<NewFirearm> r : rows) {
            params.add(withRefresh(r, CypherParams.of("id", r.id(), "props", firearmProperties(r, batch, now),
                    "markings", ImportedProperties.markingProperties(r, now))));
        }
        neo4j.query("""
                        UNWIND $rows AS row
                        MERGE (f:Firearm {id: row.id})
                          ON CREATE SET f += row.props
                        """ + refresh("f") + """
                        WITH f, row
                        CALL (f, row) {
                          MATCH (maker:Organisation {id: 'MANUFACTURER:' + row.props.makeCode})
                          MERGE (f)-[:MADE_BY]->(maker)
                        }
                        WITH f, row
                        UNWIND row.markings AS m
                        MERGE (mk:Marking {id: m.id})
                          ON CREATE SET mk = m
                        // A marking the desk retired stays retired when the extract sends it again.
                        WITH f, mk WHERE NOT EXISTS { (f)-[:HAD_MARKING]->(mk) }
                        MERGE (f)-[:HAS_MARKING]->(mk)
                        """)
                .bind(params).to("rows").run();
    }

    /**
     * Licences with their holder (a person or an organisation id) and, when the row names one, the
     * weapon covered from {@code coversFrom}. Rows whose holder or weapon is missing are the
     * caller's error: it resolved them in this transaction.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void writeLicences(List<Row<LicenceRow>> rows, String batch) {
        ZonedDateTime now = now();
        var params = rows.stream().map(r -> withRefresh(r, CypherParams.of("id", r.id(), "props", ImportedProperties.licenceProperties(r, batch, now),
                "holder", r.value().licence().holderId(), "firearm", r.value().firearmId(), "ended", r.value().endedOn(),
                "covers", ImportedProperties.coverProperties(r.value().coversFrom(), null, r.source(), "HIGH", now)))).toList();
        neo4j.query("""
                        UNWIND $rows AS row
                        CALL (row) {
                          OPTIONAL MATCH (p:Person {id: row.holder})
                          OPTIONAL MATCH (o:Organisation {id: row.holder})
                          RETURN coalesce(p, o) AS h
                        }
                        MERGE (l:Licence {id: row.id})
                          ON CREATE SET l += row.props
                        """ + refresh("l") + """
                        FOREACH (_ IN CASE WHEN h IS NULL THEN [] ELSE [1] END | MERGE (h)-[:HOLDS]->(l))
                        WITH row, l
                        CALL (row, l) {
                          MATCH (f:Firearm {id: row.firearm})
                          MERGE (l)-[c:COVERS]->(f)
                            ON CREATE SET c += row.covers
                        }
                        // Revoked, suspended or expired: the holdings under it end; nothing is deleted.
                        WITH row, l WHERE row.ended IS NOT NULL
                        MATCH (l)-[c:COVERS]->() WHERE c.to IS NULL
                        SET c.to = row.ended
                        """)
                .bind(params).to("rows").run();
    }

    /** Transfers in row order, with the holding rule of {@link Holdings#recordTransfer} (written by Holdings). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void writeTransfers(List<Row<TransferRow>> rows, String batch) {
        holdings.writeTransfers(rows, "HIGH", batch);
    }

    /** New lost/stolen reports; their creation event and check come after the import ({@link LostStolenRegister#checkImported}). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void writeReports(List<Row<ReportRow>> rows, String batch) {
        reports.write(rows, batch);
    }

    /** A row's hash and, for a record that exists, whether this row refreshes what its source said. */
    private static Map<String, Object> withRefresh(Row<?> r, Map<String, Object> params) {
        params.put("refresh", r.refresh());
        params.put("hash", r.hash());
        params.put("prefix", r.hash() == null ? null : ImportHistory.prefix(r.hash()));
        params.put("source", r.source());
        return params;
    }

    /**
     * On a record that exists, a refreshing row replaces its source's hash, joins the record's sources
     * and lifts a "not in the latest extract" flag. Offline loads never refresh (they write a node once).
     */
    private static String refresh(String n) {
        return """
                FOREACH (_ IN CASE WHEN row.refresh AND row.hash IS NOT NULL THEN [1] ELSE [] END |
                  SET %1$s.importHashes = [h IN coalesce(%1$s.importHashes, []) WHERE NOT h STARTS WITH row.prefix] + row.hash,
                      %1$s.sources = coalesce(%1$s.sources, [%1$s.source])
                                    + [s IN [row.source] WHERE NOT s IN coalesce(%1$s.sources, [%1$s.source])],
                      %1$s.notInLatestExtract = null, %1$s.notInLatestBatch = null)
                """.formatted(n);
    }

    public Map<String, Object> firearmProperties(Row<NewFirearm> r, String batch, ZonedDateTime now) {
        NewFirearm w = r.value();
        Map<String, Object> props = firearms.identification(w.type(), w.make(), w.model(), w.calibre(),
                w.serialAsRead(), w.countryOfManufacture(), w.year(), false);
        props.put("status", "REGISTERED");
        props.put("version", 1L);
        return ImportedProperties.provenance(props, r, r.id(), batch, "HIGH", now);
    }

    public static ZonedDateTime now() {
        return ZonedDateTime.now(ZoneOffset.UTC);
    }
}
