package org.armstrace.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.armstrace.graph.CypherParams;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confusion-aware serial search, the heart of the registry.
 *
 * <p>Candidates come from three indexes: the range index on the normalised key (exact), the
 * full-text keyword index on the folded key (partial, {@code ?} as Lucene wildcard), and the
 * full-text index of each serial's deletion neighbourhood (fuzzy: any serial within two edits
 * shares a token with the query's neighbourhood; confusions cost nothing after folding). Every
 * candidate is then compared character by character ({@link SerialComparison}) and ranked by cost,
 * Lucene relevance breaking ties, with the reasons spelled out. Why this structure:
 * {@code src/bench/README.md}.
 */
@Service
public class SerialSearch {

    static final int MIN_READABLE = 3;
    private static final int CANDIDATES = 200;
    private static final int MAX_EDITS = 2;
    /** Less than one edit: a weapon of another model ranks after equally close ones of the model read. */
    private static final double MODEL_MISMATCH = 0.5;

    private final Neo4jClient neo4j;
    private final ReferenceData reference;

    SerialSearch(Neo4jClient neo4j, ReferenceData reference) {
        this.neo4j = neo4j;
        this.reference = reference;
    }

    /**
     * Runs without a transaction of its own (SUPPORTS): each lookup is one auto-commit read, one
     * network round trip instead of begin/run/commit, which is most of an exact lookup's time.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<SerialHit> search(SerialQuery query) {
        String key = checkedKey(query);
        Filters filters = filters(query);
        Map<String, Candidate> candidates = candidates(query.mode(), key, filters);
        String modelKey = optional(query.model()).map(ReferenceKeys::key).filter(k -> !k.isEmpty()).orElse(null);
        var ranked = new ArrayList<Ranked>();
        int order = 0;
        for (Candidate candidate : candidates.values()) {
            Firearm f = candidate.firearm();
            order++;
            if (!filters.admit(f)) {
                continue;
            }
            SerialComparison c = SerialComparison.of(key, f.serialKey());
            if (c.edits() > MAX_EDITS) {
                continue;
            }
            boolean otherModel = modelKey != null && !modelKey.equals(ReferenceKeys.key(f.model()));
            List<String> reasons = reasons(key, c, filters, modelKey != null && !otherModel, candidate);
            ranked.add(new Ranked(new SerialHit(f, c.similarity(key.length(), f.serialKey().length()), reasons,
                    candidate.flags()), c.cost() + (otherModel ? MODEL_MISMATCH : 0), order));
        }
        return ranked.stream().sorted(Comparator.comparingDouble(Ranked::cost).thenComparingInt(Ranked::order))
                .limit(query.limit()).map(Ranked::hit).toList();
    }

    /** The query's normalised serial key, once the query is one the engine takes. */
    private static String checkedKey(SerialQuery query) {
        if (query.serial() == null || query.serial().isBlank()) {
            throw new SearchRejected("search.empty");
        }
        if (query.serial().length() > SerialQuery.MAX_INPUT) {
            throw new SearchRejected("search.too-long");
        }
        if (query.limit() < 1 || query.limit() > SerialQuery.MAX_LIMIT) {
            throw new SearchRejected("search.bad-limit");
        }
        String key = SerialNumbers.normalise(query.serial());
        if (SerialNumbers.readableLength(key) < MIN_READABLE) {
            throw new SearchRejected("search.too-short");
        }
        return key;
    }

    /** The make, type and calibre asked for, as reference data knows them; one it does not know is refused. */
    private Filters filters(SerialQuery query) {
        Optional<Manufacturer> make = optional(query.make()).map(m -> reference.resolveManufacturer(m)
                .orElseThrow(() -> new SearchRejected("search.unknown-make")));
        Optional<FirearmType> type = optional(query.type()).map(t -> reference.resolveFirearmType(t)
                .orElseThrow(() -> new SearchRejected("search.unknown-type")));
        Optional<Calibre> calibre = optional(query.calibre()).map(c -> reference.resolveCalibre(c)
                .orElseThrow(() -> new SearchRejected("search.unknown-calibre")));
        return new Filters(make, type, calibre);
    }

    /** The weapons the mode's indexes offer for the key, by id, in the order found. */
    private Map<String, Candidate> candidates(SerialQuery.Mode mode, String key, Filters filters) {
        String folded = SerialNumbers.fold(key);
        String makeCode = filters.make().map(Manufacturer::code).orElse(null);
        String scope = filters.scope();
        var candidates = new LinkedHashMap<String, Candidate>();
        if (mode == SerialQuery.Mode.EXACT) {
            if (SerialNumbers.isPartial(key)) {
                throw new SearchRejected("search.exact-with-wildcards");
            }
            exact(key, makeCode, candidates);
        } else if (SerialNumbers.isPartial(key)) {
            fulltext("firearm_serial_folded_ident", scope + "+serialFolded:" + folded, candidates);
        } else {
            exact(key, makeCode, candidates);
            String tokens = String.join(" ", SerialNumbers.neighbourhood(folded));
            fulltext("firearm_serial_neighbourhood_ident", scope + "+serialNeighbourhood:(" + tokens + ")", candidates);
        }
        return candidates;
    }

    /** Why a weapon is a hit, for the person reading the list: the serial first, then each filter it matched. */
    private static List<String> reasons(String key, SerialComparison c, Filters filters, boolean modelMatches,
                                        Candidate candidate) {
        Firearm f = candidate.firearm();
        var reasons = new ArrayList<String>();
        reasons.add(c.cost() == 0 && !SerialNumbers.isPartial(key) ? "serial matches exactly" : "serial: "
                + (c.reasons().isEmpty() ? "same after normalisation" : String.join("; ", c.reasons())));
        filters.make().ifPresent(m -> reasons.add("make matches (" + m.name() + ")"));
        filters.type().ifPresent(t -> reasons.add("type matches"));
        filters.calibre().ifPresent(cal -> reasons.add("calibre matches (" + cal.name() + ")"));
        if (modelMatches) {
            reasons.add("model matches (" + f.model() + ")");
        }
        candidate.flags().forEach(flag -> reasons.add("reported " + flag.toLowerCase(Locale.ROOT)));
        return reasons;
    }

    /**
     * A serial as read off a weapon by someone reporting it (an officer at a recovery, a partner's
     * request): scoped to the make read, or on the serial alone when reference data does not know
     * that make. A reading the engine refuses (empty, too short, too long) finds nothing rather
     * than failing the report it belongs to.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<SerialHit> searchAsRead(String serial, String make, String model, int limit) {
        try {
            return search(new SerialQuery(serial, make, null, null, limit, SerialQuery.Mode.TOLERANT, model));
        } catch (SearchRejected rejected) {
            if (make == null || make.isBlank()) {
                return List.of();
            }
            try {
                return search(new SerialQuery(serial, null, null, null, limit, SerialQuery.Mode.TOLERANT, model));
            } catch (SearchRejected unsearchable) {
                return List.of();
            }
        }
    }

    private record Candidate(Firearm firearm, List<String> flags) {
    }

    private record Ranked(SerialHit hit, double cost, int order) {
    }

    /** The make, type and calibre a search is narrowed to; each may be absent. */
    private record Filters(Optional<Manufacturer> make, Optional<FirearmType> type, Optional<Calibre> calibre) {

        /** The filters also scope the index query, so that candidates are weapons of that kind only. */
        String scope() {
            return clause("makeCode", make.map(Manufacturer::code).orElse(null))
                    + clause("typeCode", type.map(FirearmType::code).orElse(null))
                    + clause("calibreCode", calibre.map(Calibre::code).orElse(null));
        }

        /** Whether the weapon is of the make, type and calibre asked for (the index scope may have left codes out). */
        boolean admit(Firearm f) {
            return !(make.isPresent() && !make.get().code().equals(f.makeCode())
                    || type.isPresent() && !type.get().code().equals(f.typeCode())
                    || calibre.isPresent() && !calibre.get().code().equals(f.calibreCode()));
        }
    }

    private static final String RETURN_CANDIDATE = """
            RETURN f, COLLECT { MATCH (f)-[:HAS_MARKING]->(m) RETURN m } AS markings,
                   COLLECT { MATCH (f)<-[:CONCERNS]-(r:LostStolenReport {status: 'ACTIVE'}) RETURN DISTINCT r.kind } AS flags
            """;

    /** The serial key's own index; the make, which may be absent, is filtered after the seek. */
    static final String EXACT = """
            MATCH (f:Firearm {serialKey: $key})
            WHERE $make IS NULL OR f.makeCode = $make
            """ + RETURN_CANDIDATE + " LIMIT $limit";

    private static Candidate candidate(Record r) {
        return new Candidate(FirearmRegistry.toFirearm(r.get("f").asNode(), r.get("markings")),
                r.get("flags").asList(Value::asString));
    }

    private void exact(String key, String makeCode, Map<String, Candidate> into) {
        neo4j.query(EXACT)
                .bindAll(CypherParams.of("key", key, "make", makeCode, "limit", CANDIDATES))
                .fetchAs(Candidate.class).mappedBy((t, r) -> candidate(r))
                .all().forEach(c -> into.putIfAbsent(c.firearm().id(), c));
    }

    /** Query text is built only from [A-Z0-9?] keys and reference codes, so nothing needs escaping. */
    private void fulltext(String index, String lucene, Map<String, Candidate> into) {
        neo4j.query("""
                        CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node AS f
                        """ + RETURN_CANDIDATE)
                .bindAll(Map.of("index", index, "query", lucene, "limit", CANDIDATES))
                .fetchAs(Candidate.class).mappedBy((t, r) -> candidate(r))
                .all().forEach(c -> into.putIfAbsent(c.firearm().id(), c));
    }

    /** A required Lucene term for a reference code; codes outside [A-Z0-9_] are left to the filter after the query. */
    private static String clause(String field, String code) {
        return code != null && code.matches("[A-Z0-9_]+") ? "+" + field + ":" + code + " " : "";
    }

    private static Optional<String> optional(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
