package org.armstrace.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.armstrace.base.Dates;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk maintains the focal point's copy of the registry by hand: registers and corrects weapons
 * and people, registers organisations, records licences and transfers. Every write goes through the
 * register's own services (versions, provenance, audit) with the provenance {@code user:<name>}, so
 * that a later extract of the national registry sees the desk's corrections and sends a different
 * value to review instead of overwriting it ({@link ImportHistory}).
 *
 * <p>Who: administrators, analysts and intake officers ({@link #ROLES}), the people at the focal
 * point's desk. Supervisors approve, field officers record recoveries, partners use the API: none
 * of them maintains the registry. See README, "Who does what".
 *
 * <p>What is checked before anything is written: a serial with a readable character, type, calibre,
 * make and country known to reference data (the desk picks from it; an unknown maker is for an
 * administrator to add first), no date in the future, and for a transfer whether the party it comes
 * from holds the weapon: if not, the desk is warned and must confirm, and the confirmation is audited.
 */
@Service
public class RegistryDesk {

    /** The roles that maintain records at the desk. */
    public static final String[] ROLES = {Role.Names.ADMIN, Role.Names.ANALYST, Role.Names.INTAKE};
    static final String DESK = "hasAnyRole('ADMIN','ANALYST','INTAKE')";

    private final FirearmRegistry firearms;
    private final PersonRegistry people;
    private final Holdings holdings;
    private final ReferenceData reference;
    private final Neo4jClient neo4j;
    private final AuditLog audit;

    RegistryDesk(FirearmRegistry firearms, PersonRegistry people, Holdings holdings, ReferenceData reference,
                 Neo4jClient neo4j, AuditLog audit) {
        this.firearms = firearms;
        this.people = people;
        this.holdings = holdings;
        this.reference = reference;
        this.neo4j = neo4j;
        this.audit = audit;
    }

    /** Whether the signed-in user may maintain records (for views: show the buttons or not). */
    public static boolean allowed() {
        return Role.current(ROLES);
    }

    @PreAuthorize(DESK)
    @Transactional
    public Firearm registerFirearm(NewFirearm weapon) {
        checkFirearm(weapon.type(), weapon.make(), weapon.calibre(), weapon.serialAsRead(),
                weapon.countryOfManufacture(), weapon.year());
        for (NewFirearm.NewMarking m : weapon.markings()) {
            if (m.kind() == null || m.text() == null || m.text().isBlank() || m.text().length() > 100) {
                throw new DeskRejected("desk.marking-invalid");
            }
            if (m.country() != null && reference.country(m.country()).isEmpty()) {
                throw new DeskRejected("desk.unknown-country", m.country());
            }
            notAfterThisYear(m.year());
        }
        return firearms.register(weapon, provenance());
    }

    /**
     * Corrects a weapon's identification; fields left null or equal to the record stay as they are.
     * A correction that changes nothing is refused rather than written as an empty version.
     */
    @PreAuthorize(DESK)
    @Transactional
    public Firearm correctFirearm(String id, FirearmRegistry.Correction c, String reason) {
        requireReason(reason);
        Firearm current = firearms.find(id).orElseThrow(() -> new DeskRejected("desk.no-record"));
        checkFirearm(c.type(), c.make(), c.calibre(), c.serialAsRead() == null ? current.serialAsRead() : c.serialAsRead(),
                c.countryOfManufacture(), c.year());
        // A make picked from the list names the maker; the spelling read off the weapon stays unless the maker changes.
        String make = c.make() == null || Objects.equals(firearms.makeCode(c.make()), current.makeCode()) ? null : c.make();
        var next = new FirearmRegistry.Correction(
                changed(code(c.type(), reference.resolveFirearmType(c.type()).map(FirearmType::code)), current.typeCode()),
                // A spelling of the model the weapon already has ("M 70" for M70) is no change.
                make, changed(reference.modelName(c.make() != null ? c.make() : current.makeCode(), blankToNull(c.model())),
                        current.model()),
                changed(code(c.calibre(), reference.resolveCalibre(c.calibre()).map(Calibre::code)), current.calibreCode()),
                changed(c.serialAsRead(), current.serialAsRead()),
                changed(c.countryOfManufacture(), current.countryOfManufacture()),
                c.year() == null || c.year().equals(current.year()) ? null : c.year());
        if (next.equals(new FirearmRegistry.Correction(null, null, null, null, null, null, null))) {
            throw new DeskRejected("desk.nothing-changed");
        }
        return firearms.correct(id, next, reason.strip(), provenance());
    }

    @PreAuthorize(DESK)
    @Transactional
    public Person registerPerson(NewPerson person) {
        checkPerson(person);
        return people.register(person, provenance());
    }

    @PreAuthorize(DESK)
    @Transactional
    public Person correctPerson(String id, NewPerson next, String reason) {
        requireReason(reason);
        checkPerson(next);
        Person current = people.load(id).orElseThrow(() -> new DeskRejected("desk.no-record"));
        if (PersonRegistry.properties(next).equals(PersonRegistry.properties(new NewPerson(current.givenName(),
                current.familyName(), current.parentName(), current.birthDate(), current.birthPlace(), current.nationalId())))) {
            throw new DeskRejected("desk.nothing-changed");
        }
        return people.correct(id, next, reason.strip(), provenance());
    }

    /**
     * Registers a dealer, importer, state agency or security company; a manufacturer is reference
     * data, added by an administrator ({@link ReferenceData#saveManufacturer}), which this refers to.
     */
    @PreAuthorize(DESK)
    @Transactional
    public String registerOrganisation(Holdings.OrganisationKind kind, String code, String name, String countryCode) {
        if (kind == null || ReferenceKeys.key(code == null ? "" : code).isEmpty() || name == null || name.isBlank()
                || name.length() > 200 || code.length() > 40) {
            throw new DeskRejected("desk.organisation-invalid");
        }
        if (countryCode != null && reference.country(countryCode).isEmpty()) {
            throw new DeskRejected("desk.unknown-country", countryCode);
        }
        if (kind == Holdings.OrganisationKind.MANUFACTURER) {
            if (!Role.current(Role.Names.ADMIN)) {
                throw new DeskRejected("desk.manufacturer-admin");
            }
            if (countryCode == null) {
                throw new DeskRejected("desk.manufacturer-country");
            }
            String makerCode = ReferenceKeys.key(code);
            if (reference.resolveManufacturer(makerCode).isPresent() || reference.resolveManufacturer(name).isPresent()) {
                throw new DeskRejected("desk.organisation-exists", name);
            }
            reference.saveManufacturer(new Manufacturer(makerCode, name.strip(), countryCode, List.of(),
                    "MANUFACTURER", false), "registered at the desk");
            return "MANUFACTURER:" + makerCode;
        }
        String id = kind.name() + ":" + ReferenceKeys.key(code);
        if (exists("Organisation", id)) {
            throw new DeskRejected("desk.organisation-exists", name);
        }
        return holdings.registerOrganisation(kind, code, name, countryCode, provenance());
    }

    @PreAuthorize(DESK)
    @Transactional
    public Licence issueLicence(String number, Licence.Kind kind, String holderId, String issuedBy,
                                LocalDate validFrom, LocalDate validTo) {
        notInFuture(validFrom);
        try {
            new Holdings.NewLicence(number, kind, holderId, issuedBy, validFrom, validTo);
        } catch (IllegalArgumentException invalid) {
            throw new DeskRejected("desk.licence-invalid");
        }
        if (!exists("Person", holderId) && !exists("Organisation", holderId)) {
            throw new DeskRejected("desk.no-record");
        }
        return holdings.issueLicence(number.strip(), kind, holderId, blankToNull(issuedBy), validFrom, validTo,
                provenance());
    }

    /**
     * What the desk should know before recording this transfer: today, whether the party it comes
     * from is recorded as holding the weapon (under a licence that covers it, or as the receiver of
     * its latest transfer up to that date). Empty when nothing is odd. Translation keys.
     */
    @PreAuthorize(DESK)
    @Transactional(readOnly = true)
    public List<String> transferWarnings(NewTransfer t) {
        if (t.fromId() == null) {
            return List.of();
        }
        Map<String, Object> held = neo4j.query("""
                        MATCH (f:Firearm {id: $firearm})
                        RETURN COLLECT { MATCH (h)-[:HOLDS]->(:Licence)-[c:COVERS]->(f)
                                         WHERE c.from <= $date AND (c.to IS NULL OR c.to >= $date) RETURN h.id } AS holders,
                               COLLECT { MATCH (t:Transfer)-[:OF]->(f) WHERE t.date <= $date
                                         WITH t ORDER BY t.date DESC, t.recordedAt DESC LIMIT 1
                                         MATCH (t)-[:TO]->(p) RETURN p.id } AS lastReceivers
                        """)
                .bindAll(CypherParams.of("firearm", t.firearmId(), "date", t.date()))
                .fetch().one().orElse(Map.of());
        var known = new ArrayList<Object>();
        known.addAll((List<?>) held.getOrDefault("holders", List.of()));
        known.addAll((List<?>) held.getOrDefault("lastReceivers", List.of()));
        return known.contains(t.fromId()) ? List.of() : List.of("desk.warning.not-holder");
    }

    /**
     * Records a transfer. When {@link #transferWarnings} has something to say, the desk must have
     * seen it ({@code confirmed}); the transfer is then recorded and the override audited.
     */
    @PreAuthorize(DESK)
    @Transactional
    public Transfer recordTransfer(NewTransfer t, boolean confirmed) {
        notInFuture(t.date());
        if (!exists("Firearm", t.firearmId())) {
            throw new DeskRejected("desk.no-record");
        }
        for (String party : new String[] {t.fromId(), t.toId()}) {
            if (party != null && !exists("Person", party) && !exists("Organisation", party)) {
                throw new DeskRejected("desk.unknown-party");
            }
        }
        if (t.toLicenceId() != null && holdings.licence(t.toLicenceId()).filter(l -> l.holderId().equals(t.toId())).isEmpty()) {
            throw new DeskRejected("desk.licence-not-receivers");
        }
        List<String> warnings = transferWarnings(t);
        if (!warnings.isEmpty() && !confirmed) {
            throw new DeskRejected(warnings.getFirst());
        }
        Transfer recorded = holdings.recordTransfer(t, provenance());
        if (!warnings.isEmpty()) {
            audit.record("transfer.warning-confirmed", List.of("Transfer:" + recorded.id(), "Firearm:" + t.firearmId()),
                    "recorded although the party it comes from is not recorded as holding the weapon on " + t.date());
        }
        return recorded;
    }

    /** People (by name or number) and organisations (by name) the desk may pick as a transfer's party. */
    public record Party(String id, String name, boolean person) {
    }

    /** Parties for a transfer: the person search (audited as such) and organisations whose name contains the text. */
    @PreAuthorize(DESK)
    @Transactional
    public List<Party> parties(String query, int limit) {
        if (query == null || query.strip().length() < 3) {
            return List.of();
        }
        int max = Math.clamp(limit, 1, PersonRegistry.MAX_LIMIT);
        var found = new ArrayList<Party>();
        neo4j.query("""
                        MATCH (o:Organisation) WHERE o.kind <> 'MANUFACTURER' AND toLower(o.name) CONTAINS toLower($q)
                        RETURN o.id AS id, o.name AS name ORDER BY o.name LIMIT $limit
                        """)
                .bindAll(Map.of("q", query.strip(), "limit", max))
                .fetch().all().forEach(r -> found.add(new Party((String) r.get("id"), (String) r.get("name"), false)));
        try {
            people.search(query, max).forEach(h -> found.add(new Party(h.person().id(), h.person().displayName()
                    + (h.person().birthDate() == null ? "" : " (" + h.person().birthDate().getYear() + ")"), true)));
        } catch (SearchRejected tooShortOrOdd) {
            // An organisation's name may be no valid person query: organisations alone then.
        }
        return found.stream().limit(max).toList();
    }

    /** The licences a person or an organisation holds, latest first (for a transfer's receiving licence). */
    @PreAuthorize(DESK)
    @Transactional(readOnly = true)
    public List<Licence> licences(String holderId) {
        return neo4j.query("""
                        CALL () { MATCH (h:Person {id: $id}) RETURN h UNION MATCH (h:Organisation {id: $id}) RETURN h }
                        MATCH (h)-[:HOLDS]->(l:Licence)
                        RETURN l, coalesce(h.name, h.givenName + ' ' + h.familyName) AS holderName
                        ORDER BY l.validFrom DESC LIMIT 50
                        """)
                .bind(holderId).to("id").fetchAs(Licence.class)
                .mappedBy((t, r) -> Holdings.toLicence(r.get("l").asNode(), holderId, r.get("holderName").asString()))
                .all().stream().toList();
    }

    private boolean exists(String label, String id) {
        // Labels from this class's literals only.
        return id != null && neo4j.query("RETURN EXISTS { MATCH (:%s {id: $id}) } AS found".formatted(label))
                .bind(id).to("id").fetchAs(Boolean.class).one().orElse(false);
    }

    private void checkFirearm(String type, String make, String calibre, String serial, String country, Integer year) {
        if (serial == null || serial.length() > SerialQuery.MAX_INPUT
                || SerialNumbers.readableLength(SerialNumbers.normalise(serial)) == 0) {
            throw new DeskRejected("desk.bad-serial");
        }
        if (type != null && reference.resolveFirearmType(type).isEmpty()) {
            throw new DeskRejected("desk.unknown-type", type);
        }
        if (calibre != null && reference.resolveCalibre(calibre).isEmpty()) {
            throw new DeskRejected("desk.unknown-calibre", calibre);
        }
        if (make != null && reference.resolveManufacturer(make).isEmpty()) {
            throw new DeskRejected("desk.unknown-make", make);
        }
        if (country != null && reference.country(country).isEmpty()) {
            throw new DeskRejected("desk.unknown-country", country);
        }
        notAfterThisYear(year);
    }

    private static void checkPerson(NewPerson p) {
        notInFuture(p.birthDate());
        if (p.nationalId() != null && p.nationalId().length() > 30) {
            throw new DeskRejected("desk.national-id-invalid");
        }
    }

    static void notInFuture(LocalDate date) {
        if (date != null && date.isAfter(Dates.today())) {
            throw new DeskRejected("desk.date-in-future");
        }
    }

    private static void notAfterThisYear(Integer year) {
        if (year != null && (year > Dates.today().getYear() || year < 1800)) {
            throw new DeskRejected("desk.bad-year", year);
        }
    }

    static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new DeskRejected("desk.reason-required");
        }
    }

    private static String code(String given, Optional<String> resolved) {
        return given == null ? null : resolved.orElse(given);
    }

    private static String changed(String next, String current) {
        return next == null || next.equals(current) ? null : next;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Provenance provenance() {
        // The desk enters what it has in front of it: a document, a certificate, the weapon itself.
        return new Provenance("user:" + AuditLog.currentActor(), Provenance.Confidence.HIGH);
    }
}
