package org.armstrace.registry;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.armstrace.security.AuditLog;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges a manufacturer entered twice ("Crvena Zastava" beside "Zastava") into the one that stays.
 * Its weapons and models move to the survivor, its code, name and aliases become the survivor's
 * aliases, and it is kept as a retired record marked {@code mergedInto}, never deleted: old
 * revisions, audit events and exports name it. Both entries' histories record the merge, and so
 * does each weapon moved (a version: maker changed by the merge).
 */
@Service
public class ManufacturerMerges {

    /** What a merge moved. */
    public record Merged(Manufacturer survivor, long weapons, int models) {
    }

    /** Weapons re-pointed per statement: a maker of the first load may have made tens of thousands. */
    static final int BATCH = 5_000;

    private final Neo4jClient neo4j;
    private final ReferenceData reference;
    private final ReferenceRevisions revisions;
    private final AuditLog audit;

    ManufacturerMerges(Neo4jClient neo4j, ReferenceData reference, ReferenceRevisions revisions, AuditLog audit) {
        this.neo4j = neo4j;
        this.reference = reference;
        this.revisions = revisions;
        this.audit = audit;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Merged merge(String mergedCode, String survivorCode, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A reason is required for merging manufacturers");
        }
        Manufacturer merged = current(mergedCode);
        Manufacturer survivor = current(survivorCode);
        if (merged.code().equals(survivor.code())) {
            throw new IllegalArgumentException("A manufacturer cannot be merged into itself");
        }
        String why = "merged " + merged.code() + " into " + survivor.code() + ": " + reason.strip();
        int models = moveModels(merged, survivor, why);
        long weapons = moveWeapons(merged, survivor, why);

        revisions.revise(ReferenceKind.MANUFACTURER, merged.code(), Map.of("aliases", List.of(), "retired", true,
                "mergedInto", survivor.code()), why, "reference.merged");
        revisions.revise(ReferenceKind.MANUFACTURER, survivor.code(), Map.of("aliases", aliases(survivor, merged)),
                why, "reference.merged");
        neo4j.query("""
                        MATCH (m:Organisation {id: 'MANUFACTURER:' + $merged}), (s:Organisation {id: 'MANUFACTURER:' + $survivor})
                        MERGE (m)-[:MERGED_INTO]->(s)
                        """).bindAll(Map.of("merged", merged.code(), "survivor", survivor.code())).run();
        reference.refresh();
        audit.record("reference.merged", List.of("Organisation:" + merged.code(), "Organisation:" + survivor.code()),
                weapons + " weapons, " + models + " models moved; " + reason.strip());
        return new Merged(reference.resolveManufacturer(survivor.code()).orElseThrow(), weapons, models);
    }

    private Manufacturer current(String code) {
        return reference.resolveManufacturer(code).filter(m -> m.code().equals(code))
                .orElseThrow(() -> new IllegalArgumentException("Unknown manufacturer " + code));
    }

    /** The survivor's aliases followed by the merged one's name, code and aliases, each spelling once. */
    private static List<String> aliases(Manufacturer survivor, Manufacturer merged) {
        var byKey = new LinkedHashMap<String, String>();
        for (String a : survivor.aliases()) {
            byKey.putIfAbsent(ReferenceKeys.key(a), a);
        }
        for (String a : ReferenceData.names(merged.name(), merged.code(), merged.aliases())) {
            String k = ReferenceKeys.key(a);
            if (!k.isEmpty() && !k.equals(ReferenceKeys.key(survivor.code())) && !k.equals(ReferenceKeys.key(survivor.name()))) {
                byKey.putIfAbsent(k, a);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * Moves each model of the merged maker to the survivor; a model the survivor already has under
     * the same spelling is merged into that one instead (its aliases join, it is kept marked).
     */
    private int moveModels(Manufacturer merged, Manufacturer survivor, String why) {
        var survivorModels = new HashMap<String, FirearmModel>();
        for (FirearmModel m : reference.models(survivor.code())) {
            for (String n : ReferenceData.names(m.name(), m.name(), m.aliases())) {
                survivorModels.putIfAbsent(ReferenceKeys.key(n), m);
            }
        }
        List<FirearmModel> moving = reference.models(merged.code());
        for (FirearmModel m : moving) {
            FirearmModel same = survivorModels.get(ReferenceKeys.key(m.name()));
            if (same == null) {
                revisions.revise(ReferenceKind.MODEL, m.id(), Map.of("makerCode", survivor.code()), why, "reference.merged");
                neo4j.query("""
                                MATCH (m:FirearmModel {id: $id}), (s:Organisation {id: 'MANUFACTURER:' + $survivor})
                                OPTIONAL MATCH (m)-[old:MODEL_OF]->()
                                DELETE old
                                WITH DISTINCT m, s
                                MERGE (m)-[:MODEL_OF]->(s)
                                """).bindAll(Map.of("id", m.id(), "survivor", survivor.code())).run();
                continue;
            }
            var joined = new LinkedHashMap<String, String>();
            for (String a : ReferenceData.names(same.name(), same.name(), same.aliases())) {
                joined.putIfAbsent(ReferenceKeys.key(a), a);
            }
            for (String a : m.aliases()) {
                joined.putIfAbsent(ReferenceKeys.key(a), a);
            }
            joined.remove(ReferenceKeys.key(same.name()));
            revisions.revise(ReferenceKind.MODEL, same.id(), Map.of("aliases", new ArrayList<>(joined.values())), why,
                    "reference.merged");
            revisions.revise(ReferenceKind.MODEL, m.id(), Map.of("retired", true, "mergedInto", same.id(),
                    "makerCode", survivor.code()), why, "reference.merged");
        }
        return moving.size();
    }

    /**
     * Re-points the merged maker's weapons in batches. Each weapon gets a version saying its maker
     * changed by the merge (by whom, why), so its page's history tells it; {@code makeCode} is derived
     * from the make, which stays as read, so the version names the makers rather than the codes.
     * The weapon's own provenance stays that of its record: the merge changed the reference data, not
     * what the source said of the weapon.
     */
    private long moveWeapons(Manufacturer merged, Manufacturer survivor, String why) {
        var params = new HashMap<String, Object>();
        params.put("merged", merged.code());
        params.put("survivor", survivor.code());
        params.put("scoped", SerialNumbers.isScope(survivor.code()));
        params.put("batch", BATCH);
        params.put("before", List.of("maker=" + merged.name()));
        params.put("after", List.of("maker=" + survivor.name()));
        params.put("why", why);
        params.put("by", AuditLog.currentActor());
        params.put("now", ZonedDateTime.now(ZoneOffset.UTC));
        long moved = 0;
        while (true) {
            long n = neo4j.query("""
                            MATCH (m:Organisation {id: 'MANUFACTURER:' + $merged})<-[r:MADE_BY]-(f:Firearm)
                            WITH m, r, f LIMIT $batch
                            MATCH (s:Organisation {id: 'MANUFACTURER:' + $survivor})
                            DELETE r
                            MERGE (f)-[:MADE_BY]->(s)
                            SET f.makeCode = $survivor, f.version = coalesce(f.version, 1) + 1,
                                // the serial's search keys scoped to the maker follow it (SerialNumbers.scoped)
                                f.makeSerialFolded = CASE WHEN $scoped THEN $survivor + '.' + f.serialFolded END,
                                f.makeNeighbourhood = CASE WHEN $scoped THEN reduce(acc = '', t IN split(f.serialNeighbourhood, ' ') |
                                    acc + CASE WHEN acc = '' THEN '' ELSE ' ' END + $survivor + '.' + t) END
                            CREATE (f)-[:HAS_VERSION]->(:FirearmVersion {version: f.version, at: $now, by: $by,
                                   source: 'user:' + $by, confidence: 'HIGH', reason: $why,
                                   before: $before, after: $after})
                            RETURN count(f) AS moved
                            """)
                    .bindAll(params)
                    .fetchAs(Long.class).one().orElse(0L);
            moved += n;
            if (n < BATCH) {
                return moved;
            }
        }
    }
}
