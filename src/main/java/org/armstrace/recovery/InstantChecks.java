package org.armstrace.recovery;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.armstrace.graph.CypherParams;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.SerialHit;
import org.armstrace.registry.SerialSearch;
import org.armstrace.security.PersonalDataPath;
import org.armstrace.security.PersonalDataReads;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The "known weapon?" answer at the scene. Each recovered weapon's serial goes through the
 * registry's own search (same engine, same reasons as the analysts'), scoped to the make read off
 * it, with the model ranking. Every hit is then checked for what makes it matter: registered,
 * reported lost or stolen, seen in an earlier recovery, subject of an open trace request. Hits
 * are kept as {@code :MatchCandidate} nodes for the analyst to confirm or reject.
 *
 * <p>Reads registry's {@code :Firearm} and {@code :Licence} in its own Cypher: the checks at the
 * scene are one query per recovery, inside the field officer's wait (owners:
 * graph-model/README.md).
 *
 * <p>The officer learns that a weapon has a licensed holder, not who: holders' names are for the
 * roles that may see personal data, and showing them is audited.
 */
@Component
class InstantChecks {

    /** Candidates kept per weapon: the closest ones, plus every flagged one among the search's first page. */
    static final int KEEP = 5;
    static final int SEARCHED = 10;
    private final Neo4jClient neo4j;
    private final SerialSearch search;
    private final FirearmRegistry firearms;
    private final OpenTraces traces;
    private final PersonalDataReads reads;

    InstantChecks(Neo4jClient neo4j, SerialSearch search, FirearmRegistry firearms, OpenTraces traces,
                  PersonalDataReads reads) {
        this.neo4j = neo4j;
        this.search = search;
        this.firearms = firearms;
        this.traces = traces;
        this.reads = reads;
    }

    /** Searches for one recovered weapon and stores what it finds; returns how many candidates were kept. */
    int store(String recoveredId, NewRecovery.RecoveredWeapon weapon, List<String> sameRecovery) {
        List<SerialHit> hits = search(weapon, sameRecovery);
        if (hits.isEmpty()) {
            return 0;
        }
        Map<String, Facts> facts = facts(hits.stream().map(h -> h.firearm().id()).toList(), true);
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < hits.size(); i++) {
            SerialHit hit = hits.get(i);
            Set<MatchCandidate.Kind> kinds = kinds(hit, facts.get(hit.firearm().id()));
            boolean flagged = kinds.contains(MatchCandidate.Kind.LOST_STOLEN)
                    || kinds.contains(MatchCandidate.Kind.TRACE_REQUEST);
            if (i >= KEEP && !flagged) {
                continue;
            }
            rows.add(Map.of("id", UUID.randomUUID().toString(), "firearm", hit.firearm().id(),
                    "kinds", kinds.stream().map(Enum::name).sorted().toList(), "score", hit.score(),
                    "reasons", hit.storedReasons(), "rank", i + 1));
        }
        neo4j.query("""
                        MATCH (rf:Firearm {id: $recovered})
                        UNWIND $rows AS row
                        MATCH (f:Firearm {id: row.firearm})
                        CREATE (rf)-[:HAS_CANDIDATE]->(c:MatchCandidate {id: row.id, kinds: row.kinds, score: row.score,
                                reasons: row.reasons, rank: row.rank, status: 'OPEN', createdAt: $now})-[:MATCHES]->(f)
                        """)
                .bindAll(Map.of("recovered", recoveredId, "rows", rows, "now", ZonedDateTime.now(ZoneOffset.UTC)))
                .run();
        return rows.size();
    }

    /**
     * Hits on the serial as read, leaving out this recovery's own weapons (visible in its
     * transaction). Nothing under the make read (a make misjudged at the scene): the serial alone,
     * rather than telling the officer the weapon is unknown.
     */
    private List<SerialHit> search(NewRecovery.RecoveredWeapon weapon, List<String> sameRecovery) {
        NewFirearm w = weapon.firearm();
        List<SerialHit> hits = others(search.searchAsRead(w.serialAsRead(), w.make(), w.model(), SEARCHED), sameRecovery);
        if (hits.isEmpty() && w.make() != null && !w.make().isBlank()) {
            hits = others(search.searchAsRead(w.serialAsRead(), null, w.model(), SEARCHED), sameRecovery);
        }
        return hits;
    }

    private static List<SerialHit> others(List<SerialHit> hits, List<String> sameRecovery) {
        return hits.stream().filter(h -> !sameRecovery.contains(h.firearm().id())).toList();
    }

    /** {@code holders} are names (empty unless personal), {@code people} the ids of those who are persons. */
    private record Facts(List<String> holders, int holdersOnFile, List<String> people, int earlierRecoveries,
                         List<String> traces) {
    }

    /**
     * Holders and earlier recoveries of the hit weapons in one round trip, then their open trace
     * requests from tracing, which owns them (a second round trip for the whole batch).
     */
    private Map<String, Facts> facts(List<String> ids, boolean personal) {
        var out = new HashMap<String, Facts>();
        Map<String, List<String>> open = ids.isEmpty() ? Map.of() : traces.openFor(ids);
        neo4j.query("""
                        UNWIND $ids AS fid
                        MATCH (f:Firearm {id: fid})
                        RETURN fid,
                               COLLECT { MATCH (f)<-[c:COVERS]-(:Licence)<-[:HOLDS]-(h) WHERE c.to IS NULL
                                         RETURN DISTINCT {name: coalesce(h.name, h.givenName + ' ' + h.familyName),
                                                          person: CASE WHEN h:Person THEN h.id END} } AS holders,
                               COUNT { MATCH (f)<-[:IDENTIFIED_AS]-(:Firearm)<-[:RECOVERED]-(:Recovery) }
                                 + CASE WHEN f.status = 'RECOVERED' THEN 1 ELSE 0 END AS recoveries
                        """)
                .bindAll(Map.of("ids", ids))
                .fetchAs(Record.class).mappedBy((t, r) -> r).all().forEach(r -> {
                    List<Value> holders = r.get("holders").asList(v -> v);
                    out.put(r.get("fid").asString(), new Facts(
                            personal ? holders.stream().map(h -> h.get("name").asString("")).toList() : List.of(),
                            holders.size(), holders.stream().filter(h -> !h.get("person").isNull())
                                    .map(h -> h.get("person").asString()).toList(),
                            r.get("recoveries").asInt(), open.getOrDefault(r.get("fid").asString(), List.of())));
                });
        return out;
    }

    private static Set<MatchCandidate.Kind> kinds(SerialHit hit, Facts facts) {
        var kinds = EnumSet.noneOf(MatchCandidate.Kind.class);
        if ("REGISTERED".equals(hit.firearm().status())) {
            kinds.add(MatchCandidate.Kind.REGISTERED);
        }
        if (hit.reported()) {
            kinds.add(MatchCandidate.Kind.LOST_STOLEN);
        }
        if (facts != null && facts.earlierRecoveries() > 0) {
            kinds.add(MatchCandidate.Kind.EARLIER_RECOVERY);
        }
        if (facts != null && !facts.traces().isEmpty()) {
            kinds.add(MatchCandidate.Kind.TRACE_REQUEST);
        }
        return kinds;
    }

    /**
     * The candidates of a recovery, per weapon in recording order, best first; with holders' names
     * when {@code personal}, and then the names shown are audited (one event for the recovery).
     */
    List<MatchCandidate> of(String recoveryId, boolean personal, String onlyRecordedBy) {
        var people = new ArrayList<String>();
        List<MatchCandidate> candidates = read("""
                MATCH (r:Recovery {id: $id})-[k:RECOVERED]->(rf:Firearm)-[:HAS_CANDIDATE]->(c:MatchCandidate)-[:MATCHES]->(f)
                WHERE $by IS NULL OR r.recordedBy = $by
                """ + RETURN + " ORDER BY k.position, c.rank", CypherParams.of("id", recoveryId, "by", onlyRecordedBy),
                personal, people);
        if (personal) {
            reads.record(PersonalDataPath.RECOVERY_CHECKS, List.of("Recovery:" + recoveryId), people);
        }
        return candidates;
    }

    MatchCandidate one(String candidateId, boolean personal) {
        return read("""
                MATCH (r:Recovery)-[:RECOVERED]->(rf:Firearm)-[:HAS_CANDIDATE]->(c:MatchCandidate {id: $id})-[:MATCHES]->(f)
                """ + RETURN, Map.of("id", candidateId), personal, new ArrayList<>()).getFirst();
    }

    private static final String RETURN = """
            OPTIONAL MATCH (rf)-[i:IDENTIFIED_AS {candidate: c.id}]->(f)
            RETURN c, rf.id AS recovered, f.id AS firearm, i.timeToCrimeDays AS ttc
            """;

    /** The candidates the query finds; the ids of the people among their holders are added to {@code people}. */
    private List<MatchCandidate> read(String cypher, Map<String, Object> params, boolean personal, List<String> people) {
        List<Record> rows = new ArrayList<>();
        neo4j.query(cypher).bindAll(params).fetchAs(Record.class).mappedBy((t, r) -> r).all().forEach(rows::add);
        Map<String, Facts> facts = facts(rows.stream().map(r -> r.get("firearm").asString()).distinct().toList(), personal);
        facts.values().forEach(f -> people.addAll(f.people()));
        return rows.stream().map(r -> {
            Node c = r.get("c").asNode();
            String firearmId = r.get("firearm").asString();
            Facts f = facts.get(firearmId);
            var kinds = EnumSet.noneOf(MatchCandidate.Kind.class);
            c.get("kinds").asList(v -> MatchCandidate.Kind.valueOf(v.asString())).forEach(kinds::add);
            return new MatchCandidate(c.get("id").asString(), r.get("recovered").asString(),
                    firearms.find(firearmId).orElseThrow(),
                    kinds,
                    c.get("score").asDouble(), c.get("reasons").asList(Value::asString),
                    f == null ? List.of() : f.holders(), f == null ? 0 : f.holdersOnFile(), f == null ? List.of() : f.traces(),
                    MatchCandidate.Status.valueOf(c.get("status").asString()), c.get("decidedBy").asString(null),
                    c.get("decidedAt").isNull() ? null : c.get("decidedAt").asZonedDateTime().toInstant(),
                    c.get("decisionReason").asString(null), r.get("ttc").isNull() ? null : r.get("ttc").asLong());
        }).toList();
    }
}
