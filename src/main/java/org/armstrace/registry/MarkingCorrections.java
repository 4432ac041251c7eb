package org.armstrace.registry;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.armstrace.base.Dates;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk adds, corrects and retires a weapon's markings (import marks, proof marks, arsenal and
 * assembly numbers, other markings). Each change is a version of the weapon ({@code marking=…}
 * before and after, with the reason and {@code user:<name>}), so it reads in the weapon's history.
 *
 * <p>The marking's search keys ({@link SerialNumbers#markingKeys}) are rewritten with its text in
 * the same transaction, and the search indexes are not eventually consistent (V0020), so a
 * corrected marking is found by its new text at once. A retired marking is not deleted: its link
 * becomes {@code HAD_MARKING {at, by, reason}}, which the search and the weapon's page do not
 * follow, and a later extract does not attach it again.
 */
@Service
public class MarkingCorrections {

    private final Neo4jClient neo4j;
    private final ReferenceData reference;
    private final AuditLog audit;

    MarkingCorrections(Neo4jClient neo4j, ReferenceData reference, AuditLog audit) {
        this.neo4j = neo4j;
        this.reference = reference;
        this.audit = audit;
    }

    @PreAuthorize(RegistryDesk.DESK)
    @Transactional
    public void add(String firearmId, NewFirearm.NewMarking marking, String reason) {
        RegistryDesk.requireReason(reason);
        check(marking);
        requireFirearm(firearmId);
        String id = UUID.randomUUID().toString();
        Versions.supersede(neo4j, "Firearm", firearmId, Map.of(), Map.of(), List.of(),
                List.of("marking=" + describe(marking)), reason.strip(), RegistryDesk.provenance());
        neo4j.query("""
                        MATCH (f:Firearm {id: $firearm})
                        CREATE (f)-[:HAS_MARKING]->(m:Marking)
                        SET m = $props
                        """)
                .bindAll(CypherParams.of("firearm", firearmId, "props", props(id, marking))).run();
        audit.record("marking.added", List.of("Firearm:" + firearmId, "Marking:" + id), reason.strip());
    }

    /** Corrects the marking of the weapon that reads {@code current} (kind, text and position). */
    @PreAuthorize(RegistryDesk.DESK)
    @Transactional
    public void correct(String firearmId, Firearm.Marking current, NewFirearm.NewMarking next, String reason) {
        RegistryDesk.requireReason(reason);
        check(next);
        String id = markingId(firearmId, current);
        String before = describe(current);
        String after = describe(next);
        if (before.equals(after) && Objects.equals(current.country(), next.country())
                && Objects.equals(current.year(), next.year())) {
            throw new DeskRejected("desk.nothing-changed");
        }
        Versions.supersede(neo4j, "Firearm", firearmId, Map.of(), Map.of(), List.of("marking=" + before),
                List.of("marking=" + after), reason.strip(), RegistryDesk.provenance());
        neo4j.query("MATCH (m:Marking {id: $id}) SET m = $props")
                .bindAll(CypherParams.of("id", id, "props", props(id, next))).run();
        audit.record("marking.corrected", List.of("Firearm:" + firearmId, "Marking:" + id), reason.strip());
    }

    /** Retires a marking read in error or no longer on the weapon; it stays on record, out of the search. */
    @PreAuthorize(RegistryDesk.DESK)
    @Transactional
    public void retire(String firearmId, Firearm.Marking current, String reason) {
        RegistryDesk.requireReason(reason);
        String id = markingId(firearmId, current);
        Versions.supersede(neo4j, "Firearm", firearmId, Map.of(), Map.of(), List.of("marking=" + describe(current)),
                List.of(), reason.strip(), RegistryDesk.provenance());
        neo4j.query("""
                        MATCH (f:Firearm {id: $firearm})-[has:HAS_MARKING]->(m:Marking {id: $id})
                        DELETE has
                        CREATE (f)-[:HAD_MARKING {at: $now, by: $by, reason: $reason}]->(m)
                        """)
                .bindAll(CypherParams.of("firearm", firearmId, "id", id, "now", ZonedDateTime.now(ZoneOffset.UTC),
                        "by", AuditLog.currentActor(), "reason", reason.strip()))
                .run();
        audit.record("marking.retired", List.of("Firearm:" + firearmId, "Marking:" + id), reason.strip());
    }

    private void check(NewFirearm.NewMarking m) {
        if (m == null || m.kind() == null || m.text() == null || m.text().isBlank() || m.text().length() > 100) {
            throw new DeskRejected("desk.marking-invalid");
        }
        if (m.country() != null && reference.country(m.country()).isEmpty()) {
            throw new DeskRejected("desk.unknown-country", m.country());
        }
        if (m.year() != null && (m.year() > Dates.today().getYear() || m.year() < 1800)) {
            throw new DeskRejected("desk.bad-year", m.year());
        }
    }

    private void requireFirearm(String firearmId) {
        boolean found = firearmId != null && neo4j.query("RETURN EXISTS { MATCH (:Firearm {id: $id}) } AS found")
                .bind(firearmId).to("id").fetchAs(Boolean.class).one().orElse(false);
        if (!found) {
            throw new DeskRejected("desk.no-record");
        }
    }

    /** The marking's id; the first when a weapon carries the same marking twice (either is the one meant). */
    private String markingId(String firearmId, Firearm.Marking m) {
        return neo4j.query("""
                        MATCH (:Firearm {id: $firearm})-[:HAS_MARKING]->(m:Marking {kind: $kind, text: $text})
                        WHERE m.position IS NULL AND $position IS NULL OR m.position = $position
                        RETURN m.id AS id ORDER BY m.recordedAt LIMIT 1
                        """)
                .bindAll(CypherParams.of("firearm", firearmId, "kind", m.kind(), "text", m.text(), "position", m.position()))
                .fetchAs(String.class).one().orElseThrow(() -> new DeskRejected("desk.no-record"));
    }

    private static Map<String, Object> props(String id, NewFirearm.NewMarking m) {
        var props = new HashMap<String, Object>();
        props.put("id", id);
        props.put("kind", m.kind().name());
        props.put("text", m.text().strip());
        props.putAll(SerialNumbers.markingKeys(m.text().strip()));
        props.put("position", blankToNull(m.position()));
        props.put("country", m.country());
        props.put("year", m.year());
        Provenance p = RegistryDesk.provenance();
        props.put("source", p.source());
        props.put("confidence", p.confidence().name());
        props.put("recordedAt", ZonedDateTime.now(ZoneOffset.UTC));
        return props;
    }

    /** How a marking reads in a version: kind, text and where it is. */
    static String describe(NewFirearm.NewMarking m) {
        return describe(m.kind().name(), m.text().strip(), blankToNull(m.position()));
    }

    static String describe(Firearm.Marking m) {
        return describe(m.kind(), m.text(), m.position());
    }

    private static String describe(String kind, String text, String position) {
        return kind + " " + text + (position == null ? "" : " (" + position + ")");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
