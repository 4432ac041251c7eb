package org.armstrace.recovery;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.armstrace.base.Dates;
import org.armstrace.cases.CaseLinks;
import org.armstrace.cases.CaseRejected;
import org.armstrace.cases.LinkKind;
import org.armstrace.graph.CypherParams;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.PersonMatcher;
import org.armstrace.registry.Photos;
import org.armstrace.registry.Provenance;
import org.armstrace.security.AuditLog;
import org.armstrace.security.PersonalDataPath;
import org.armstrace.security.PersonalDataReads;
import org.armstrace.security.Role;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recoveries: what field officers record at the scene, and what analysts decide about it.
 *
 * <p>{@link #record} writes a recovery whole or not at all (one transaction): the recovery, its
 * place and case, the weapons as found with their photos, the possessors, and the candidate
 * matches of the instant checks. It is idempotent on the draft's key: a double tap, a retry after
 * a dropped connection or a re-sent request returns the first recovery and writes nothing.
 *
 * <p>Matches registry's {@code :Firearm}, {@code :Person} and {@code :Transfer} in its own Cypher
 * only to hang this module's {@code RECOVERED} and {@code POSSESSED} links on them, and to name a
 * confirmed match's last holder, in the same query (owners: graph-model/README.md).
 */
@Service
public class Recoveries {

    static final String RECORDERS = "hasAnyRole('ADMIN','SUPERVISOR','ANALYST','INTAKE','FIELD_OFFICER')";
    static final String DECIDERS = "hasAnyRole('ADMIN','SUPERVISOR','ANALYST')";

    /** The outcome of {@link #record}: {@code created} is false when the same draft was submitted before. */
    public record Recorded(String recoveryId, boolean created, List<MatchCandidate> checks) {
        public Recorded {
            checks = List.copyOf(checks);
        }
    }

    private final Neo4jClient neo4j;
    private final FirearmRegistry firearms;
    private final PersonMatcher matcher;
    private final Photos photos;
    private final InstantChecks checks;
    private final Municipalities municipalities;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final PersonalDataReads reads;
    private final CaseLinks caseLinks;

    Recoveries(Neo4jClient neo4j, FirearmRegistry firearms, PersonMatcher matcher, Photos photos, InstantChecks checks,
               Municipalities municipalities, AuditLog audit, ApplicationEventPublisher events, PersonalDataReads reads,
               CaseLinks caseLinks) {
        this.reads = reads;
        this.caseLinks = caseLinks;
        this.neo4j = neo4j;
        this.firearms = firearms;
        this.matcher = matcher;
        this.photos = photos;
        this.checks = checks;
        this.municipalities = municipalities;
        this.audit = audit;
        this.events = events;
    }

    @PreAuthorize(RECORDERS)
    @Transactional
    public Recorded record(NewRecovery recovery) {
        String by = AuditLog.currentActor();
        var provenance = new Provenance("user:" + by, Provenance.Confidence.MEDIUM);
        String id = UUID.randomUUID().toString();
        String stored = store(recovery, id, by, provenance);
        if (!stored.equals(id)) {
            return new Recorded(stored, false, candidates(stored));
        }
        String municipality = municipality(recovery.place());
        placeAndCase(recovery, id, municipality, provenance);
        linkPossessors(recovery, id, provenance);
        List<String> weaponIds = linkWeapons(recovery, id, provenance);

        int hits = 0;
        for (int i = 0; i < weaponIds.size(); i++) {
            hits += checks.store(weaponIds.get(i), recovery.weapons().get(i), weaponIds);
        }
        audit.record("recovery.recorded", List.of("Recovery:" + id), recovery.kind() + ", " + weaponIds.size()
                + " weapon(s), " + hits + " candidate match(es)");
        events.publishEvent(new FirearmRecovered(id, recovery.kind(), recovery.at(), municipality, weaponIds, hits));
        return new Recorded(id, true, candidates(id));
    }

    /** The named municipality when it is known, otherwise the one the position falls in. */
    private String municipality(Place place) {
        return place.municipality() != null && municipalities.find(place.municipality()).isPresent()
                ? place.municipality() : municipalities.at(place.latitude(), place.longitude()).map(Municipalities.Municipality::code)
                .orElse(null);
    }

    /** Stores the recovery once per draft and returns the id of the one stored (another's on a retry). */
    private String store(NewRecovery recovery, String id, String by, Provenance provenance) {
        // The unique constraint on the key makes a concurrent second MERGE wait for the first and
        // then match it: exactly one recovery per draft, even for two taps a millisecond apart.
        return neo4j.query("""
                        MERGE (r:Recovery {idempotencyKey: $key})
                        ON CREATE SET r.id = $id, r.kind = $kind, r.at = $at, r.circumstances = $circumstances,
                                      r.caseReference = $case, r.status = 'NEW', r.recordedBy = $by,
                                      r.recordedAt = $now, r.source = $source, r.confidence = $confidence
                        RETURN r.id AS id
                        """)
                .bindAll(CypherParams.of("key", recovery.idempotencyKey(), "id", id, "kind", recovery.kind().name(),
                        "at", recovery.at().atZone(ZoneOffset.UTC), "circumstances", blankToNull(recovery.circumstances()),
                        "case", blankToNull(recovery.caseReference()), "by", by, "now", ZonedDateTime.now(ZoneOffset.UTC),
                        "source", provenance.source(), "confidence", provenance.confidence().name()))
                .fetchAs(String.class).one().orElseThrow();
    }

    /** Where it happened, the case it belongs to, and the draft it came from marked submitted. */
    private void placeAndCase(NewRecovery recovery, String id, String municipality, Provenance provenance) {
        Place place = recovery.place();
        neo4j.query("""
                        MATCH (r:Recovery {id: $id})
                        CREATE (r)-[:AT]->(:Location {latitude: $lat, longitude: $lon,
                                point: point({latitude: $lat, longitude: $lon}), accuracyMetres: $accuracy,
                                method: $method, municipality: $municipality, source: $source, recordedAt: $now})
                        WITH r
                        OPTIONAL MATCH (d:RecoveryDraft {id: $key})
                        SET d.status = 'SUBMITTED', d.recoveryId = r.id, d.submittedAt = $now
                        """)
                .bindAll(CypherParams.of("id", id, "lat", place.latitude(), "lon", place.longitude(),
                        "accuracy", place.accuracyMetres(), "method", place.method().name(), "municipality", municipality,
                        "key", recovery.idempotencyKey(), "source", provenance.source(), "now", ZonedDateTime.now(ZoneOffset.UTC)))
                .run();
        String reference = blankToNull(recovery.caseReference());
        if (reference != null) {
            // The case is the cases module's: it joins the named case, or opens one under that reference.
            try {
                caseLinks.join(reference, LinkKind.RECOVERY, id);
            } catch (CaseRejected refused) {
                if ("cases.not-found".equals(refused.getMessage())) {
                    throw new RecoveryRejected("recovery.case-refused"); // restricted to another team: nothing is stored
                }
                throw refused;
            }
        }
    }

    /** Each possessor, known by id or national id or registered anew; an id that names nobody refuses the recovery. */
    private void linkPossessors(NewRecovery recovery, String id, Provenance provenance) {
        for (NewRecovery.Possessor p : recovery.possessors()) {
            String personId = p.personId() != null && !p.personId().isBlank() ? p.personId() : possessor(p, provenance, id);
            long linked = neo4j.query("""
                            MATCH (r:Recovery {id: $id}), (p:Person {id: $person})
                            MERGE (p)-[k:POSSESSED]->(r)
                            ON CREATE SET k.at = r.at, k.source = $source, k.confidence = $confidence, k.recordedAt = $now
                            RETURN count(*) AS n
                            """)
                    .bindAll(CypherParams.of("id", id, "person", personId, "source", provenance.source(),
                            "confidence", provenance.confidence().name(), "now", ZonedDateTime.now(ZoneOffset.UTC)))
                    .fetchAs(Long.class).one().orElse(0L);
            if (linked == 0) {
                throw new RecoveryRejected("recovery.unknown-person");
            }
        }
    }

    /** The recovered weapons, each found or registered in the registry, in the order they were recorded. */
    private List<String> linkWeapons(NewRecovery recovery, String id, Provenance provenance) {
        var weaponIds = new ArrayList<String>();
        for (int i = 0; i < recovery.weapons().size(); i++) {
            NewRecovery.RecoveredWeapon w = recovery.weapons().get(i);
            String firearmId = firearms.recordRecovered(w.firearm(), w.obliterated(), provenance);
            weaponIds.add(firearmId);
            neo4j.query("""
                            MATCH (r:Recovery {id: $id}), (f:Firearm {id: $firearm})
                            CREATE (r)-[:RECOVERED {position: $position, obliterated: $obliterated}]->(f)
                            """)
                    .bindAll(Map.of("id", id, "firearm", firearmId, "position", i + 1, "obliterated", w.obliterated()))
                    .run();
            for (Photos.Staged photo : w.photos()) {
                photos.attach(firearmId, photo, null, provenance);
            }
        }
        return weaponIds;
    }

    /**
     * A possessor given by name goes through the registry's identity matching, like a row of an
     * import: a sure match is the person already recorded; an unsure one is registered and put to
     * the review queue; only someone nobody resembles is simply new.
     */
    private String possessor(NewRecovery.Possessor p, Provenance provenance, String recoveryId) {
        return matcher.resolve(p.person(), provenance, "recovery:" + recoveryId).personId();
    }

    /**
     * One recovery. Possessors are named for the roles that may see personal data and for the
     * officer who recorded them (who wrote the names down at the scene); the names shown are audited.
     */
    @PreAuthorize(RECORDERS)
    @Transactional
    public Optional<Recovery> find(String id) {
        boolean personal = Role.current(Role.PERSONAL_DATA);
        Optional<Recovery> found = neo4j.query("""
                        MATCH (r:Recovery {id: $id})
                        WHERE $by IS NULL OR r.recordedBy = $by
                        OPTIONAL MATCH (r)-[:AT]->(l:Location)
                        RETURN r, l,
                               COLLECT { MATCH (r)-[k:RECOVERED]->(f:Firearm) RETURN f.id ORDER BY k.position } AS weapons,
                               COLLECT { MATCH (p:Person)-[:POSSESSED]->(r)
                                         RETURN {id: p.id, name: p.givenName + ' ' + p.familyName} } AS possessors,
                               """ + OPEN_CANDIDATES + """
                        """)
                .bindAll(CypherParams.of("id", id, "by", ownOnly()))
                .fetchAs(Recovery.class).mappedBy((t, r) -> {
                    Node n = r.get("r").asNode();
                    boolean mine = n.get("recordedBy").asString("").equals(AuditLog.currentActor());
                    List<Firearm> weapons = r.get("weapons").asList(v -> firearms.find(v.asString()).orElseThrow());
                    List<Recovery.Possessor> possessors = personal || mine ? r.get("possessors").asList(v ->
                            new Recovery.Possessor(v.get("id").asString(), v.get("name").asString())) : List.of();
                    return toRecovery(n, r.get("l"), weapons, possessors, r.get("open").asInt());
                })
                .one();
        found.ifPresent(r -> reads.record(PersonalDataPath.RECOVERY_POSSESSORS, List.of("Recovery:" + id),
                r.possessors().stream().map(Recovery.Possessor::personId).toList()));
        return found;
    }

    /**
     * The latest recovery of a weapon, for a module that describes the weapon to someone else
     * (tracing's outgoing request). This module owns {@code :Recovery}; others ask here.
     */
    @PreAuthorize(DECIDERS)
    @Transactional(readOnly = true)
    public Optional<RecoveryCircumstances> circumstancesFor(String firearmId) {
        return neo4j.query("""
                        MATCH (r:Recovery)-[:RECOVERED]->(:Firearm {id: $id})
                        OPTIONAL MATCH (r)-[:AT]->(l:Location)
                        RETURN r.kind AS kind, r.at AS at, l.municipality AS municipality, l.latitude AS lat,
                               l.longitude AS lon, r.circumstances AS circumstances, r.caseReference AS caseRef
                        ORDER BY r.at DESC LIMIT 1
                        """)
                .bind(firearmId).to("id")
                .fetchAs(RecoveryCircumstances.class).mappedBy((t, r) -> new RecoveryCircumstances(
                        r.get("kind").isNull() ? null : r.get("kind").asString(),
                        r.get("at").isNull() ? null : r.get("at").asZonedDateTime().toInstant(),
                        r.get("municipality").asString(null),
                        r.get("lat").isNull() ? null : r.get("lat").asDouble(),
                        r.get("lon").isNull() ? null : r.get("lon").asDouble(),
                        r.get("caseRef").asString(null), r.get("circumstances").asString(null)))
                .one();
    }

    /** A page of recoveries, newest first. Field officers see only their own. */
    @PreAuthorize(RECORDERS)
    @Transactional(readOnly = true)
    public List<Recovery> list(RecoveryFilter filter, int offset, int limit) {
        return neo4j.query(LIST_MATCH + """
                        OPTIONAL MATCH (r)-[:AT]->(l:Location)
                        RETURN r, l, """ + OPEN_CANDIDATES + """
                        ORDER BY r.at DESC, r.id SKIP $offset LIMIT $limit
                        """)
                .bindAll(listParams(filter, Math.max(0, offset), Math.clamp(limit, 1, 500)))
                .fetchAs(Recovery.class)
                .mappedBy((t, r) -> toRecovery(r.get("r").asNode(), r.get("l"), List.of(), List.of(), r.get("open").asInt()))
                .all().stream().toList();
    }

    @PreAuthorize(RECORDERS)
    @Transactional(readOnly = true)
    public long count(RecoveryFilter filter) {
        return neo4j.query(LIST_MATCH + " RETURN count(r) AS n").bindAll(listParams(filter, 0, 0))
                .fetchAs(Long.class).one().orElse(0L);
    }

    /** How many candidate matches of the recovery's weapons still wait for a decision. */
    private static final String OPEN_CANDIDATES = """
            COUNT { MATCH (r)-[:RECOVERED]->(:Firearm)-[:HAS_CANDIDATE]->(c:MatchCandidate {status: 'OPEN'}) RETURN c } AS open
            """;

    private static final String LIST_MATCH = """
            MATCH (r:Recovery)
            WHERE ($from IS NULL OR r.at >= $from) AND ($to IS NULL OR r.at < $to)
              AND ($kind IS NULL OR r.kind = $kind) AND ($status IS NULL OR r.status = $status)
              AND ($by IS NULL OR r.recordedBy = $by)
              AND ($municipality IS NULL OR EXISTS { MATCH (r)-[:AT]->(:Location {municipality: $municipality}) })
            """;

    private Map<String, Object> listParams(RecoveryFilter f, int offset, int limit) {
        // Days as the office counts them, not the server's zone.
        ZoneId zone = Dates.zone();
        return CypherParams.of(
                "from", f.from() == null ? null : f.from().atStartOfDay(zone),
                "to", f.to() == null ? null : f.to().plusDays(1).atStartOfDay(zone),
                "kind", f.kind() == null ? null : f.kind().name(), "status", blankToNull(f.status()),
                "municipality", blankToNull(f.municipality()), "by", ownOnly(), "offset", offset, "limit", limit);
    }

    /** The candidate matches of a recovery's weapons, best first per weapon. */
    /**
     * Holders' names only for the roles that may see personal data, and then audited: the officer
     * at the scene, even the one who recorded the recovery, learns that there is a holder on file
     * ({@link MatchCandidate#holdersOnFile()}), not who.
     */
    @PreAuthorize(RECORDERS)
    @Transactional
    public List<MatchCandidate> candidates(String recoveryId) {
        return checks.of(recoveryId, PersonalDataReads.allowed(), ownOnly());
    }

    /** The analyst confirms that the recovered weapon is this weapon: linked with provenance, time-to-crime computed. */
    @PreAuthorize(DECIDERS)
    @Transactional
    public MatchCandidate confirm(String candidateId, String reason) {
        String by = AuditLog.currentActor();
        var row = neo4j.query("""
                        MATCH (r:Recovery)-[:RECOVERED]->(rf:Firearm)-[:HAS_CANDIDATE]->(c:MatchCandidate {id: $id})
                              -[:MATCHES]->(f:Firearm)
                        RETURN c.status AS status, r.id AS recovery, rf.id AS firearm, f.id AS registered,
                               EXISTS { (rf)-[:IDENTIFIED_AS]->() } AS identified
                        """)
                .bind(candidateId).to("id").fetch().one()
                .orElseThrow(() -> new RecoveryRejected("recovery.no-candidate"));
        if (!"OPEN".equals(row.get("status"))) {
            throw new RecoveryRejected("recovery.already-decided");
        }
        if (Boolean.TRUE.equals(row.get("identified"))) {
            throw new RecoveryRejected("recovery.already-identified");
        }
        String recoveryId = (String) row.get("recovery");
        // Last legal transfer before the recovery: the start of the time-to-crime clock.
        neo4j.query("""
                        MATCH (r:Recovery)-[:RECOVERED]->(rf:Firearm)-[:HAS_CANDIDATE]->(c:MatchCandidate {id: $id})
                              -[:MATCHES]->(f:Firearm)
                        OPTIONAL MATCH (t:Transfer)-[:OF]->(f)
                        WHERE t.kind IN $legal AND t.date <= date(r.at)
                        WITH r, rf, c, f, max(t.date) AS last
                        SET c.status = 'CONFIRMED', c.decidedBy = $by, c.decidedAt = $now, c.decisionReason = $reason
                        CREATE (rf)-[:IDENTIFIED_AS {by: $by, at: $now, source: $source, confidence: 'HIGH',
                                reason: $reason, candidate: c.id, lastLegalTransfer: last,
                                timeToCrimeDays: CASE WHEN last IS NULL THEN null
                                                      ELSE duration.inDays(last, date(r.at)).days END}]->(f)
                        """)
                .bindAll(CypherParams.of("id", candidateId, "legal", LEGAL_TRANSFERS, "by", by,
                        "now", ZonedDateTime.now(ZoneOffset.UTC), "reason", blankToNull(reason), "source", "user:" + by))
                .run();
        updateStatus(recoveryId);
        audit.record("recovery.match-confirmed", List.of("MatchCandidate:" + candidateId, "Recovery:" + recoveryId),
                reason == null ? "" : reason);
        events.publishEvent(new MatchConfirmed(recoveryId, (String) row.get("firearm"), (String) row.get("registered")));
        return checks.one(candidateId, true);
    }

    /** The analyst rules the candidate out; kept, with who, when and why. */
    @PreAuthorize(DECIDERS)
    @Transactional
    public MatchCandidate reject(String candidateId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RecoveryRejected("recovery.reason-required");
        }
        String recoveryId = neo4j.query("""
                        MATCH (r:Recovery)-[:RECOVERED]->(:Firearm)-[:HAS_CANDIDATE]->(c:MatchCandidate {id: $id})
                        WHERE c.status = 'OPEN'
                        SET c.status = 'REJECTED', c.decidedBy = $by, c.decidedAt = $now, c.decisionReason = $reason
                        RETURN r.id AS recovery
                        """)
                .bindAll(Map.of("id", candidateId, "by", AuditLog.currentActor(), "now", ZonedDateTime.now(ZoneOffset.UTC),
                        "reason", reason.strip()))
                .fetchAs(String.class).one().orElseThrow(() -> new RecoveryRejected("recovery.already-decided"));
        updateStatus(recoveryId);
        audit.record("recovery.match-rejected", List.of("MatchCandidate:" + candidateId, "Recovery:" + recoveryId),
                reason.strip());
        return checks.one(candidateId, true);
    }

    /** Transfers that keep a weapon in legal hands (losses, thefts and surrenders do not). */
    static final List<String> LEGAL_TRANSFERS = List.of("EXPORT", "IMPORT", "SALE", "STATE_TRANSFER", "INHERITANCE");

    private void updateStatus(String recoveryId) {
        neo4j.query("""
                        MATCH (r:Recovery {id: $id})
                        WITH r, COUNT { (r)-[:RECOVERED]->() } AS weapons,
                             COUNT { (r)-[:RECOVERED]->(:Firearm)-[:IDENTIFIED_AS]->() } AS identified
                        SET r.status = CASE WHEN identified = weapons THEN 'IDENTIFIED' ELSE 'IN_REVIEW' END
                        """)
                .bind(recoveryId).to("id").run();
    }

    /** Field officers (without a desk role) see only what they recorded themselves. */
    private static String ownOnly() {
        return Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.ANALYST, Role.Names.INTAKE)
                ? null : AuditLog.currentActor();
    }

    private Recovery toRecovery(Node r, Value location, List<Firearm> weapons, List<Recovery.Possessor> possessors,
                                int open) {
        Place place = null;
        if (location != null && !location.isNull()) {
            Node l = location.asNode();
            place = new Place(l.get("latitude").asDouble(), l.get("longitude").asDouble(),
                    l.get("accuracyMetres").isNull() ? null : l.get("accuracyMetres").asDouble(),
                    Place.Method.valueOf(l.get("method").asString()), l.get("municipality").asString(null));
        }
        return new Recovery(r.get("id").asString(), RecoveryKind.valueOf(r.get("kind").asString()),
                r.get("at").asZonedDateTime().toInstant(), place, r.get("circumstances").asString(null),
                r.get("caseReference").asString(null), r.get("status").asString(), r.get("recordedBy").asString(""),
                r.get("recordedAt").asZonedDateTime().toInstant(), r.get("source").asString(""), weapons, possessors, open,
                r.get("amnestyAt").isNull() ? null : new Recovery.Amnesty(r.get("amnestyBy").asString(),
                        r.get("amnestyAt").asZonedDateTime().toInstant(), r.get("amnestyReason").asString("")));
    }

    /**
     * Excludes a surrendered recovery's weapons from tracing because they were handed in under an
     * amnesty whose rules forbid tracing them. They stay in the statistics' denominator (the SDG
     * metadata counts every surrendered arm) and are reported apart. Set once, with who, when and
     * under which rule; audited.
     */
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @Transactional
    public Recovery excludeUnderAmnesty(String recoveryId, String reason) {
        String rule = blankToNull(reason);
        if (rule == null) {
            throw new RecoveryRejected("recovery.amnesty-reason");
        }
        NewRecovery.Text.singleLine(rule, 300, "recovery.bad-text");
        Recovery current = find(recoveryId).orElseThrow(() -> new RecoveryRejected("recovery.not-found"));
        if (current.kind() != RecoveryKind.SURRENDERED) {
            throw new RecoveryRejected("recovery.amnesty-not-surrendered");
        }
        long set = neo4j.query("""
                        MATCH (r:Recovery {id: $id}) WHERE r.amnestyAt IS NULL
                        SET r.amnestyAt = $now, r.amnestyBy = $by, r.amnestyReason = $reason
                        RETURN count(r)
                        """)
                .bindAll(Map.of("id", recoveryId, "now", ZonedDateTime.now(ZoneOffset.UTC), "by", AuditLog.currentActor(),
                        "reason", rule))
                .fetchAs(Long.class).one().orElse(0L);
        if (set == 0) {
            throw new RecoveryRejected("recovery.amnesty-already");
        }
        audit.record("recovery.amnesty", List.of("Recovery:" + recoveryId), "excluded from tracing: " + rule);
        return find(recoveryId).orElseThrow();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
