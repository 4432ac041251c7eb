package org.armstrace.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The weapons a serial search considers, from the indexes on weapons' serials and on their other
 * markings, in one round trip per search (the sources are branches of one {@code UNION ALL}).
 *
 * <ul>
 * <li>exact: the range indexes on {@code Firearm.serialKey} and {@code Marking.key};
 * <li>partial: the keyword full-text indexes on the folded serial and the folded marking, the
 *     query's {@code ?} and {@code *} being Lucene's own wildcards;
 * <li>fuzzy: the deletion-neighbourhood full-text indexes of serials and markings.
 * </ul>
 * Every branch returns at most {@value #LIMIT} weapons, so a search reads at most a few hundred
 * however the query is written.
 */
final class SerialCandidates {

    /** Per branch; the union keeps twice as many (LIMIT 400 in the text below). */
    static final int LIMIT = 200;

    static final String FIREARM_FOLDED = "firearm_serial_folded_ident";
    static final String FIREARM_NEIGHBOURHOOD = "firearm_serial_neighbourhood_ident";
    /** The same keys scoped to the maker ({@link SerialNumbers#scoped}), for searches that know the make. */
    static final String FIREARM_SCOPED_FOLDED = "firearm_scoped_serial_folded";
    static final String FIREARM_SCOPED_NEIGHBOURHOOD = "firearm_scoped_serial_neighbourhood";
    static final String MARKING_FOLDED = "marking_folded";
    static final String MARKING_NEIGHBOURHOOD = "marking_neighbourhood";

    private static final String SERIAL_KEY = """
            MATCH (f:Firearm {serialKey: $key}) WHERE $make IS NULL OR f.makeCode = $make
            RETURN f, 0 AS via, 0.0 AS score
            """;
    private static final String MARKING_KEY = """
            MATCH (f:Firearm)-[:HAS_MARKING]->(:Marking {key: $key}) WHERE $make IS NULL OR f.makeCode = $make
            RETURN f, 1 AS via, 0.0 AS score
            """;
    private static final String FIREARM_TEXT = """
            CALL db.index.fulltext.queryNodes($index%1$d, $query%1$d, {limit: $limit}) YIELD node AS f, score
            RETURN f, 2 AS via, score
            """;
    private static final String MARKING_TEXT = """
            CALL db.index.fulltext.queryNodes($index%1$d, $query%1$d, {limit: $limit}) YIELD node AS m, score
            MATCH (f:Firearm)-[:HAS_MARKING]->(m)
            RETURN f, 3 AS via, score
            """;
    /** Each weapon once, exact finds first, then by Lucene relevance (which breaks ties in the ranking). */
    static final String RETURN = """
            }
            WITH f, min(via) AS via, max(score) AS score
            ORDER BY via, score DESC
            LIMIT 400
            RETURN f, COLLECT { MATCH (f)-[:HAS_MARKING]->(m) RETURN m } AS markings,
                   COLLECT { MATCH (f)<-[:CONCERNS]-(r:LostStolenReport {status: 'ACTIVE'}) RETURN DISTINCT r.kind } AS flags
            """;

    /**
     * A tolerant search's candidates as light rows: what ranking on the serial needs (the keys of the
     * serial and the markings, the model and the codes the filters check), not the whole record.
     */
    private static final String LIGHT = """
            }
            WITH f, min(via) AS via, max(score) AS score
            ORDER BY via, score DESC
            LIMIT 400
            RETURN elementId(f) AS ref, f.serialKey AS key, f.model AS model, f.makeCode AS make, f.typeCode AS type,
                   f.calibreCode AS calibre, COLLECT { MATCH (f)-[:HAS_MARKING]->(m) RETURN m.key } AS markings
            """;
    /**
     * The ending of {@link #LIGHT} for many searches in one query ({@link #fetchLight(List)}): each
     * search's candidates, ranked and cut as one search's are, collected into one row per search.
     */
    private static final String LIGHT_EACH = """
              }
              WITH f, min(via) AS via, max(score) AS score
              ORDER BY via, score DESC
              LIMIT 400
              WITH f, COLLECT { MATCH (f)-[:HAS_MARKING]->(m) RETURN m.key } AS markings
              RETURN collect({ref: elementId(f), key: f.serialKey, model: f.model, make: f.makeCode, type: f.typeCode,
                              calibre: f.calibreCode, markings: markings}) AS candidates
            }
            RETURN q.i AS i, candidates
            """;
    /** The full records of the ranked candidates shown, with their markings and active reports. */
    private static final String RECORDS = """
            UNWIND $refs AS ref
            MATCH (f:Firearm) WHERE elementId(f) = ref
            RETURN ref, f, COLLECT { MATCH (f)-[:HAS_MARKING]->(m) RETURN m } AS markings,
                   COLLECT { MATCH (f)<-[:CONCERNS]-(r:LostStolenReport {status: 'ACTIVE'}) RETURN DISTINCT r.kind } AS flags
            """;

    /** The exact lookup: a weapon whose serial or one of whose markings has the normalised key. */
    static final String EXACT = "CALL () {\n" + SERIAL_KEY + "UNION ALL\n" + MARKING_KEY + RETURN;

    record Candidate(Firearm firearm, List<String> flags) {
    }

    /**
     * A candidate before its record is read: enough to rank it. {@code markings} carry their keys
     * only; {@code ref} finds the record again ({@link #records}).
     */
    record Light(String ref, String serialKey, String model, String makeCode, String typeCode, String calibreCode,
                 List<Firearm.Marking> markings) {
    }

    private final Neo4jClient neo4j;

    SerialCandidates(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** A search's sources, added in the order they are worth; then {@link #fetch}. */
    final class Sources {
        private final List<String> branches = new ArrayList<>();
        private final Map<String, Object> params = new HashMap<>();

        Sources(String key, String makeCode) {
            params.put("key", key);
            params.put("make", makeCode);
            params.put("limit", LIMIT);
        }

        Sources exact() {
            branches.add(SERIAL_KEY);
            branches.add(MARKING_KEY);
            return this;
        }

        /** A Lucene query on a weapons' index; its text is built only from [A-Z0-9?*_] keys, codes and fields. */
        Sources firearms(String index, String lucene) {
            return text(FIREARM_TEXT, index, lucene);
        }

        /** A Lucene query on a markings' index. */
        Sources markings(String index, String lucene) {
            return text(MARKING_TEXT, index, lucene);
        }

        private Sources text(String branch, String index, String lucene) {
            int n = branches.size();
            branches.add(branch.formatted(n));
            params.put("index" + n, index);
            params.put("query" + n, lucene);
            return this;
        }

        /**
         * The same sources with another ending, its rows counted: the registry benchmark's phase
         * timings (index only, light rows, full records) run the search's own branches this way.
         */
        long probe(String ending) {
            if (branches.isEmpty()) {
                return 0;
            }
            return neo4j.query("CALL () {\n" + String.join("UNION ALL\n", branches) + ending).bindAll(params)
                    .fetch().all().size();
        }

        /** The candidates as light rows, in the order of {@link #fetch}. */
        List<Light> fetchLight() {
            if (branches.isEmpty()) {
                return List.of();
            }
            return neo4j.query("CALL () {\n" + String.join("UNION ALL\n", branches) + LIGHT)
                    .bindAll(params)
                    .fetchAs(Light.class)
                    .mappedBy((t, r) -> new Light(r.get("ref").asString(), r.get("key").asString(""),
                            r.get("model").asString(null), r.get("make").asString(null), r.get("type").asString(null),
                            r.get("calibre").asString(null), r.get("markings").asList(v -> new Firearm.Marking(null, null,
                                    v.asString(""), null, null, null))))
                    .all().stream().toList();
        }

        List<Candidate> fetch() {
            if (branches.isEmpty()) {
                return List.of();
            }
            return neo4j.query("CALL () {\n" + String.join("UNION ALL\n", branches) + RETURN)
                    .bindAll(params)
                    .fetchAs(Candidate.class)
                    .mappedBy((t, r) -> new Candidate(FirearmRegistry.toFirearm(r.get("f").asNode(), r.get("markings")),
                            r.get("flags").asList(Value::asString)))
                    .all().stream().toList();
        }
    }

    /** The full records of the given light candidates, in the same order (one round trip). */
    List<Candidate> records(List<Light> ranked) {
        Map<String, Candidate> byRef = recordsByRef(ranked.stream().map(Light::ref).toList());
        // A weapon deleted between the two reads (an erasure order) is left out rather than failing the search.
        return ranked.stream().map(l -> byRef.get(l.ref())).filter(Objects::nonNull).toList();
    }

    /** The full records of the candidates named by {@link Light#ref}, by ref (one round trip). */
    Map<String, Candidate> recordsByRef(Collection<String> refs) {
        var byRef = new HashMap<String, Candidate>();
        if (refs.isEmpty()) {
            return byRef;
        }
        neo4j.query(RECORDS).bind(List.copyOf(new LinkedHashSet<>(refs))).to("refs")
                .fetchAs(Map.Entry.class)
                .mappedBy((t, r) -> Map.entry(r.get("ref").asString(), new Candidate(
                        FirearmRegistry.toFirearm(r.get("f").asNode(), r.get("markings")), r.get("flags").asList(Value::asString))))
                .all().forEach(e -> byRef.put((String) e.getKey(), (Candidate) e.getValue()));
        return byRef;
    }

    /**
     * The candidates of many searches as light rows, each search's as {@link Sources#fetchLight} gives
     * them, in one round trip per group of searches with the same branches (the reports of an import
     * are all of one shape): each search's lookups run inside the query, one after another, and only
     * the round trips are saved. Searches without sources have none.
     */
    List<List<Light>> fetchLight(List<Sources> searches) {
        var out = new ArrayList<List<Light>>(searches.size());
        var groups = new LinkedHashMap<String, List<Map<String, Object>>>();
        for (int i = 0; i < searches.size(); i++) {
            out.add(List.of());
            Sources s = searches.get(i);
            if (!s.branches.isEmpty()) {
                var row = new HashMap<>(s.params);
                row.put("i", i);
                groups.computeIfAbsent(String.join("UNION ALL\n", s.branches), b -> new ArrayList<>()).add(row);
            }
        }
        groups.forEach((branches, rows) -> neo4j.query("UNWIND $searches AS q\nCALL (q) {\n  CALL (q) {\n"
                        + perSearch(branches) + LIGHT_EACH)
                .bindAll(Map.of("searches", rows, "limit", LIMIT))
                .fetch().all().forEach(r -> out.set(((Number) r.get("i")).intValue(),
                        ((List<?>) r.get("candidates")).stream().map(c -> light((Map<?, ?>) c)).toList())));
        return out;
    }

    /** A search's branches reading their parameters from the row {@code q} of many searches' query. */
    private static String perSearch(String branches) {
        return branches.replace("$key", "q.key").replace("$make", "q.make").replace("$index", "q.index")
                .replace("$query", "q.query");
    }

    private static Light light(Map<?, ?> c) {
        return new Light((String) c.get("ref"), c.get("key") == null ? "" : (String) c.get("key"), (String) c.get("model"),
                (String) c.get("make"), (String) c.get("type"), (String) c.get("calibre"),
                ((List<?>) c.get("markings")).stream().map(k -> new Firearm.Marking(null, null,
                        k == null ? "" : (String) k, null, null, null)).toList());
    }

    Sources sources(String key, String makeCode) {
        return new Sources(key, makeCode);
    }
}
