package org.armstrace.registry;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Links a newly registered weapon to reported weapons that the serial search finds for its make
 * and serial ({@code RESEMBLES_REPORTED}), so that the registration is flagged. A class of its own
 * so that the register may use the firearms registry (reports of weapons described only) while the
 * registry flags its registrations.
 */
@Component
class RegistrationFlags {

    private final Neo4jClient neo4j;
    private final AuditLog audit;

    RegistrationFlags(Neo4jClient neo4j, AuditLog audit) {
        this.neo4j = neo4j;
        this.audit = audit;
    }

    /** Called inside the registration. */
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
}
