package org.armstrace.registry;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.armstrace.security.AuditLog;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The firearms register: weapons with their markings, stored as read and as search keys, each fact
 * with its provenance. A correction never overwrites silently: the values it replaces are kept in
 * a {@code :FirearmVersion}, so a weapon's record can be replayed.
 */
@Service
public class FirearmRegistry {

    /**
     * Keys stored for the serial indexes only, derived from the serial and the make: the deletion
     * neighbourhood, and the folded serial and neighbourhood scoped to the maker
     * ({@link SerialNumbers#scoped}). Never part of a version or of an import's comparison.
     */
    static final Set<String> SEARCH_KEYS = Set.of("serialNeighbourhood", "makeSerialFolded", "makeNeighbourhood");

    /** Fields to correct; null means "leave as is". */
    public record Correction(String type, String make, String model, String calibre, String serialAsRead,
                             String countryOfManufacture, Integer year) {
    }

    private final Neo4jClient neo4j;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final SerialSearch search;
    private final RegistrationFlags flags;

    FirearmRegistry(Neo4jClient neo4j, ReferenceData reference, AuditLog audit, SerialSearch search,
                    RegistrationFlags flags) {
        this.neo4j = neo4j;
        this.reference = reference;
        this.audit = audit;
        this.search = search;
        this.flags = flags;
    }

    @PreAuthorize("hasAnyRole('ADMIN','ANALYST','INTAKE','FIELD_OFFICER')")
    @Transactional
    public Firearm register(NewFirearm weapon, Provenance provenance) {
        String id = create(weapon, "REGISTERED", false, provenance);
        audit.record("firearm.registered", List.of("Firearm:" + id), "serial " + weapon.serialAsRead()
                + "; source " + provenance.source());
        Firearm registered = find(id).orElseThrow();
        flagIfReported(id, weapon.serialAsRead(), registered.makeCode());
        return registered;
    }

    /**
     * Records a weapon as found at a recovery, in the caller's transaction: status
     * {@code RECOVERED}, identification as read at the scene. Unlike a registration, the serial may
     * be wholly unreadable when the weapon is marked obliterated. Whether it is a registered weapon
     * is for the instant checks and the analyst to say, so nothing is flagged here.
     */
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST','INTAKE','FIELD_OFFICER')")
    @Transactional
    public String recordRecovered(NewFirearm weapon, boolean obliterated, Provenance provenance) {
        String id = create(weapon, "RECOVERED", obliterated, provenance);
        audit.record("firearm.recovered", List.of("Firearm:" + id), "serial as read " + weapon.serialAsRead()
                + (obliterated ? "; obliterated or altered" : "") + "; source " + provenance.source());
        return id;
    }

    /**
     * Records a weapon known only from a lost/stolen report (make, type, calibre, serial as the
     * owner described it), in the caller's transaction: status {@code REPORTED}. It is a weapon like
     * any other to the serial search, so a later recovery or registration of it is flagged.
     */
    String recordReported(NewFirearm weapon, Provenance provenance) {
        String id = create(weapon, "REPORTED", false, provenance);
        audit.record("firearm.described-in-report", List.of("Firearm:" + id), "serial " + weapon.serialAsRead()
                + "; source " + provenance.source());
        return id;
    }

    private String create(NewFirearm weapon, String status, boolean obliterated, Provenance provenance) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> props = identification(weapon.type(), weapon.make(), weapon.model(), weapon.calibre(),
                weapon.serialAsRead(), weapon.countryOfManufacture(), weapon.year(), obliterated);
        if (obliterated) {
            props.put("obliterated", true);
        }
        var markings = new ArrayList<Map<String, Object>>();
        for (NewFirearm.NewMarking m : weapon.markings()) {
            var row = new HashMap<String, Object>();
            row.put("id", UUID.randomUUID().toString());
            row.put("kind", m.kind().name());
            row.put("text", m.text());
            row.putAll(SerialNumbers.markingKeys(m.text()));
            row.put("position", m.position());
            row.put("country", m.country());
            row.put("year", m.year());
            markings.add(row);
        }
        neo4j.query("""
                        CREATE (f:Firearm {id: $id, status: $status, version: 1})
                        SET f += $props, f.source = $source, f.confidence = $confidence, f.recordedAt = $now
                        CREATE (f)-[:HAS_VERSION]->(:FirearmVersion {version: 1, at: $now, by: $by, source: $source,
                               confidence: $confidence, reason: $reason, before: [], after: $after})
                        WITH f
                        OPTIONAL MATCH (maker:Organisation {id: 'MANUFACTURER:' + $props.makeCode})
                        FOREACH (_ IN CASE WHEN maker IS NULL THEN [] ELSE [1] END | MERGE (f)-[:MADE_BY]->(maker))
                        WITH f
                        UNWIND $markings AS m
                        CREATE (f)-[:HAS_MARKING]->(mk:Marking)
                        SET mk = m, mk.source = $source, mk.confidence = $confidence, mk.recordedAt = $now
                        """)
                .bindAll(Map.of("id", id, "status", status, "props", props, "markings", markings,
                        "after", describe(props), "reason", status.toLowerCase(Locale.ROOT),
                        "source", provenance.source(), "confidence", provenance.confidence().name(),
                        "now", ZonedDateTime.now(ZoneOffset.UTC), "by", AuditLog.currentActor()))
                .run();
        return id;
    }

    /** A registration that resembles a weapon reported lost or stolen (same make, serial within two edits) is flagged. */
    private void flagIfReported(String id, String serial, String makeCode) {
        boolean anyActive = neo4j.query("RETURN EXISTS { MATCH (:LostStolenReport {status: 'ACTIVE'}) } AS any")
                .fetchAs(Boolean.class).one().orElse(false);
        if (!anyActive || serial.length() > SerialQuery.MAX_INPUT
                || SerialNumbers.readableLength(SerialNumbers.normalise(serial)) < SerialSearch.MIN_READABLE) {
            return;
        }
        flags.flagRegistration(id, search.search(new SerialQuery(serial, makeCode, null, null, 20)));
    }

    /**
     * Registers many weapons in one transaction with batched {@code UNWIND} writes (imports,
     * synthetic datasets). The same rules as {@link #register}: keys derived, reference data
     * resolved, version 1 recorded; one audit event for the batch.
     *
     * @return the new ids, in input order
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public List<String> registerBatch(List<NewFirearm> weapons, Provenance provenance) {
        var rows = new ArrayList<Map<String, Object>>(weapons.size());
        var ids = new ArrayList<String>(weapons.size());
        for (NewFirearm w : weapons) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            Map<String, Object> props = identification(w.type(), w.make(), w.model(), w.calibre(), w.serialAsRead(),
                    w.countryOfManufacture(), w.year(), false);
            rows.add(Map.of("id", id, "props", props, "after", describe(props)));
        }
        neo4j.query("""
                        UNWIND $rows AS row
                        CREATE (f:Firearm {id: row.id, status: 'REGISTERED', version: 1})
                        SET f += row.props, f.source = $source, f.confidence = $confidence, f.recordedAt = $now
                        CREATE (f)-[:HAS_VERSION]->(:FirearmVersion {version: 1, at: $now, by: $by, source: $source,
                               confidence: $confidence, reason: 'registered', before: [], after: row.after})
                        WITH f
                        OPTIONAL MATCH (maker:Organisation {id: 'MANUFACTURER:' + f.makeCode})
                        FOREACH (_ IN CASE WHEN maker IS NULL THEN [] ELSE [1] END | CREATE (f)-[:MADE_BY]->(maker))
                        """)
                .bindAll(Map.of("rows", rows, "source", provenance.source(), "confidence", provenance.confidence().name(),
                        "now", ZonedDateTime.now(ZoneOffset.UTC), "by", AuditLog.currentActor()))
                .run();
        audit.record("firearm.registered-batch", List.of(), weapons.size() + " weapons; source " + provenance.source());
        return ids;
    }

    /**
     * Corrects a weapon's identification. The values replaced are kept in a new version with the
     * reason and the source of the correction.
     */
    @PreAuthorize("hasAnyRole('ADMIN','ANALYST','INTAKE')")
    @Transactional
    public Firearm correct(String id, Correction c, String reason, Provenance provenance) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A correction needs a reason");
        }
        Firearm current = find(id).orElseThrow(() -> new IllegalArgumentException("No firearm " + id));
        Map<String, Object> next = identification(
                c.type() != null ? c.type() : current.typeCode(),
                c.make() != null ? c.make() : current.makeAsRead(),
                c.model() != null ? c.model() : current.model(),
                c.calibre() != null ? c.calibre() : current.calibreCode(),
                c.serialAsRead() != null ? c.serialAsRead() : current.serialAsRead(),
                c.countryOfManufacture() != null ? c.countryOfManufacture() : current.countryOfManufacture(),
                c.year() != null ? c.year() : current.year(), current.status().equals("RECOVERED"));
        if (c.model() == null) {
            // The model stays: so does the spelling it was first written in, which the record does not carry.
            next.remove("modelAsRead");
        }
        // The search keys are derived from the serial and make: stored, but kept out of the version diff.
        Versions.supersede(neo4j, "Firearm", id, withoutSearchKeys(next), searchKeys(next), reason, provenance);
        neo4j.query("""
                        MATCH (f:Firearm {id: $id})
                        OPTIONAL MATCH (f)-[old:MADE_BY]->()
                        DELETE old
                        WITH DISTINCT f
                        OPTIONAL MATCH (maker:Organisation {id: 'MANUFACTURER:' + f.makeCode})
                        FOREACH (_ IN CASE WHEN maker IS NULL THEN [] ELSE [1] END | MERGE (f)-[:MADE_BY]->(maker))
                        """)
                .bind(id).to("id").run();
        audit.record("firearm.corrected", List.of("Firearm:" + id), reason);
        return find(id).orElseThrow();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Firearm> find(String id) {
        return neo4j.query("""
                        MATCH (f:Firearm {id: $id})
                        RETURN f, COLLECT { MATCH (f)-[:HAS_MARKING]->(m) RETURN m ORDER BY m.kind, m.text } AS markings
                        """)
                .bind(id).to("id")
                .fetchAs(Firearm.class).mappedBy((t, r) -> toFirearm(r.get("f").asNode(), r.get("markings")))
                .one();
    }

    /** The import batch that wrote the weapon's record, if an import did (for the provenance sentence's link). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<String> importBatch(String id) {
        return neo4j.query("MATCH (f:Firearm {id: $id}) WHERE f.importBatch IS NOT NULL RETURN f.importBatch AS batch")
                .bind(id).to("id")
                .fetchAs(String.class).mappedBy((t, r) -> r.get("batch").asString())
                .one();
    }

    /** Every version of the weapon's record, oldest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<RecordVersion> history(String id) {
        return Versions.of(neo4j, "Firearm", id);
    }

    /** Resolves reference data and derives the serial keys; unknown spellings are kept as given. */
    Map<String, Object> identification(String type, String make, String model, String calibre,
                                               String serialAsRead, String country, Integer year,
                                               boolean mayBeUnreadable) {
        String key = SerialNumbers.normalise(serialAsRead == null ? "" : serialAsRead);
        if (SerialNumbers.readableLength(key) == 0 && !mayBeUnreadable) {
            throw new IllegalArgumentException("The serial has no readable character");
        }
        String folded = SerialNumbers.fold(key);
        var props = new HashMap<String, Object>();
        props.put("typeCode", type == null ? null : reference.resolveFirearmType(type).map(FirearmType::code).orElse(type));
        String makeCode = makeCode(make);
        props.put("makeAsRead", make);
        props.put("makeCode", makeCode);
        props.putAll(modelProperties(makeCode, model));
        props.put("calibreCode", calibre == null ? null : reference.resolveCalibre(calibre).map(Calibre::code).orElse(calibre));
        props.put("serialAsRead", serialAsRead);
        props.put("serialKey", key);
        props.put("serialFolded", folded);
        Set<String> neighbourhood = SerialNumbers.neighbourhood(folded);
        props.put("serialNeighbourhood", String.join(" ", neighbourhood));
        props.put("makeSerialFolded", SerialNumbers.scoped(makeCode, List.of(folded)));
        props.put("makeNeighbourhood", SerialNumbers.scoped(makeCode, neighbourhood));
        // "Kosova", "Srbija", "Deutschland": a country's name in any of the languages, or an alias, is its code.
        props.put("countryOfManufacture", country == null ? null
                : reference.resolveCountry(country).map(Country::code).orElse(country));
        props.put("year", year);
        return props;
    }

    /**
     * A model of the maker that reference data knows is stored under its name, with its id, and the
     * spelling it was written in when that differs ({@code modelAsRead}, as {@code makeAsRead} keeps
     * the make); any other model is kept as written, without an id: "not in the reference data".
     */
    private Map<String, Object> modelProperties(String makeCode, String model) {
        var props = new HashMap<String, Object>();
        Optional<FirearmModel> known = makeCode == null || model == null ? Optional.empty()
                : reference.resolveModel(makeCode, model);
        props.put("model", known.map(FirearmModel::name).orElse(model));
        props.put("modelId", known.map(FirearmModel::id).orElse(null));
        props.put("modelAsRead", known.filter(m -> !m.name().equals(model)).map(m -> model).orElse(null));
        return props;
    }

    /** The manufacturer's code for a make as written (any alias), or null when reference data does not know it. */
    String makeCode(String make) {
        return make == null ? null : reference.resolveManufacturer(make).map(Manufacturer::code).orElse(null);
    }

    /** The model's reference name when the maker (code) has it under this spelling, else the model as written. */
    String modelName(String makeCode, String model) {
        return makeCode == null ? model : reference.modelName(makeCode, model);
    }

    /** "key=value" lines of the identification, as kept in versions (derived search keys left out). */
    private static List<String> describe(Map<String, Object> props) {
        return withoutSearchKeys(props).entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
    }

    /** The identification without its derived search keys ({@link #SEARCH_KEYS}). */
    static Map<String, Object> withoutSearchKeys(Map<String, Object> props) {
        var copy = new HashMap<>(props);
        copy.keySet().removeAll(SEARCH_KEYS);
        return copy;
    }

    /** The identification's derived search keys alone, nulls kept (a make no longer known clears its scoped keys). */
    static Map<String, Object> searchKeys(Map<String, Object> props) {
        var keys = new HashMap<String, Object>();
        SEARCH_KEYS.forEach(k -> keys.put(k, props.get(k)));
        return keys;
    }

    static Firearm toFirearm(Node f, Value markings) {
        List<Firearm.Marking> list = markings == null || markings.isNull() ? List.of() : markings.asList(v -> {
            Node m = v.asNode();
            return new Firearm.Marking(m.get("kind").asString(""), m.get("text").asString(""), m.get("key").asString(""),
                    m.get("position").asString(null), m.get("country").asString(null),
                    m.get("year").isNull() ? null : m.get("year").asInt());
        });
        return new Firearm(f.get("id").asString(), f.get("typeCode").asString(null), f.get("makeCode").asString(null),
                f.get("makeAsRead").asString(null), f.get("model").asString(null), f.get("calibreCode").asString(null),
                f.get("serialAsRead").asString(""), f.get("serialKey").asString(""),
                f.get("countryOfManufacture").asString(null), f.get("year").isNull() ? null : f.get("year").asInt(),
                f.get("status").asString(""), list, f.get("version").asInt(1), f.get("source").asString(""),
                f.get("confidence").asString(""), f.get("recordedAt").asZonedDateTime().toInstant());
    }
}
