package org.armstrace.recovery;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recovery drafts kept on the server as the officer types, so that nothing typed is lost when the
 * tablet's tab closes or its battery dies. The browser keeps its own copy for the minutes without
 * a connection ({@code armstrace-draft.js}); whichever is newer wins when the form opens again.
 *
 * <p>A draft is the form as field id → text, so it survives any change of the form's code. Drafts
 * belong to the officer who started them; a submitted draft is kept, marked with its recovery,
 * and can no longer change.
 */
@Service
public class RecoveryDrafts {

    public static final int MAX_FIELDS = 2_000;
    public static final int MAX_VALUE = 4_000;

    public record RecoveryDraft(String id, String owner, Map<String, String> fields, long revision, Instant updatedAt,
                                String status, String recoveryId) {
        public RecoveryDraft {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    private final Neo4jClient neo4j;

    RecoveryDrafts(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * Saves the draft's fields whole and returns its new revision. Refused for someone else's
     * draft and for a submitted one (the form then starts a new draft).
     */
    @PreAuthorize(Recoveries.RECORDERS)
    @Transactional
    public long save(String id, Map<String, String> fields) {
        if (id == null || !id.matches("[A-Za-z0-9-]{8,64}")) {
            throw new RecoveryRejected("recovery.bad-key");
        }
        if (fields.size() > MAX_FIELDS || fields.entrySet().stream().anyMatch(e -> e.getKey() == null
                || e.getKey().length() > 100 || e.getValue() != null && e.getValue().length() > MAX_VALUE)) {
            throw new RecoveryRejected("recovery.draft-too-large");
        }
        var keys = new ArrayList<String>(fields.size());
        var values = new ArrayList<String>(fields.size());
        fields.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                keys.add(k);
                values.add(v);
            }
        });
        return neo4j.query("""
                        MERGE (d:RecoveryDraft {id: $id})
                        ON CREATE SET d.owner = $owner, d.status = 'OPEN', d.revision = 0, d.createdAt = $now
                        WITH d
                        WHERE d.owner = $owner AND d.status = 'OPEN'
                        SET d.keys = $keys, d.values = $values, d.revision = d.revision + 1, d.updatedAt = $now
                        RETURN d.revision AS revision
                        """)
                .bindAll(Map.of("id", id, "owner", AuditLog.currentActor(), "keys", keys, "values", values,
                        "now", ZonedDateTime.now(ZoneOffset.UTC)))
                .fetchAs(Long.class).one()
                .orElseThrow(() -> new RecoveryRejected("recovery.draft-closed"));
    }

    /** The signed-in officer's draft with this id, whatever its status. */
    @PreAuthorize(Recoveries.RECORDERS)
    @Transactional(readOnly = true)
    public Optional<RecoveryDraft> find(String id) {
        return neo4j.query("MATCH (d:RecoveryDraft {id: $id, owner: $owner}) RETURN d")
                .bindAll(Map.of("id", id == null ? "" : id, "owner", AuditLog.currentActor()))
                .fetchAs(RecoveryDraft.class).mappedBy((t, r) -> toDraft(r.get("d").asNode())).one();
    }

    /** The signed-in officer's open drafts, most recently changed first. */
    @PreAuthorize(Recoveries.RECORDERS)
    @Transactional(readOnly = true)
    public List<RecoveryDraft> open() {
        return neo4j.query("""
                        MATCH (d:RecoveryDraft {owner: $owner, status: 'OPEN'})
                        RETURN d ORDER BY d.updatedAt DESC LIMIT 20
                        """)
                .bindAll(CypherParams.of("owner", AuditLog.currentActor()))
                .fetchAs(RecoveryDraft.class).mappedBy((t, r) -> toDraft(r.get("d").asNode())).all().stream().toList();
    }

    /** Sets a draft aside without submitting it; kept, never deleted. */
    @PreAuthorize(Recoveries.RECORDERS)
    @Transactional
    public void discard(String id) {
        neo4j.query("""
                        MATCH (d:RecoveryDraft {id: $id, owner: $owner, status: 'OPEN'})
                        SET d.status = 'DISCARDED', d.discardedAt = $now
                        """)
                .bindAll(Map.of("id", id, "owner", AuditLog.currentActor(), "now", ZonedDateTime.now(ZoneOffset.UTC)))
                .run();
    }

    private static RecoveryDraft toDraft(Node d) {
        var fields = new LinkedHashMap<String, String>();
        List<String> keys = d.get("keys").isNull() ? List.of() : d.get("keys").asList(Value::asString);
        List<String> values = d.get("values").isNull() ? List.of() : d.get("values").asList(Value::asString);
        for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
            fields.put(keys.get(i), values.get(i));
        }
        return new RecoveryDraft(d.get("id").asString(), d.get("owner").asString(), fields, d.get("revision").asLong(0),
                d.get("updatedAt").isNull() ? null : d.get("updatedAt").asZonedDateTime().toInstant(),
                d.get("status").asString(), d.get("recoveryId").asString(null));
    }
}
