package org.armstrace.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a weapon last entered the legal market, as Cypher, so that the statistics and the
 * intelligence patterns read "country of last legal import" the same way: the newest import
 * marking on the weapon (as recovered or as registered), otherwise our own country when our
 * registry holds an import of it.
 */
public final class FirearmOrigins {

    private FirearmOrigins() {
    }

    /**
     * A list of at most one country code: the newest import marking on the recovered weapon
     * {@code f} or on the registered weapon {@code g} it was identified as (null when not).
     */
    public static String importMarks(String f, String g) {
        return """
                COLLECT { UNWIND [%s, %s] AS x WITH x WHERE x IS NOT NULL
                          MATCH (x)-[:HAS_MARKING]->(m:Marking {kind: 'IMPORT'}) WHERE m.country IS NOT NULL
                          RETURN m.country ORDER BY coalesce(m.year, 0) DESC LIMIT 1 }""".formatted(f, g);
    }

    /** Whether our registry holds an import of the registered weapon {@code g} (false when null). */
    public static String importedHere(String g) {
        return "%s IS NOT NULL AND EXISTS { (%s)<-[:OF]-(:Transfer {kind: 'IMPORT'}) }".formatted(g, g);
    }

    /**
     * Turns the columns read with the queries above into a weapon's two countries. One reading (a
     * query's rows) looks each maker's country up once.
     */
    public static final class Reading {
        private final ReferenceData reference;
        private final String home;
        private final Map<String, Optional<String>> makerCountry = new HashMap<>();

        /** {@code home}: our own country, the importer of a weapon our registry holds an import of. */
        public Reading(ReferenceData reference, String home) {
            this.reference = reference;
            this.home = home;
        }

        /** The country of manufacture as marked on the weapon, otherwise its maker's country; null when neither is known. */
        public String made(String marked, String makeCode) {
            if (marked != null || makeCode == null) {
                return marked;
            }
            return makerCountry.computeIfAbsent(makeCode, c -> reference.resolveManufacturer(c).map(Manufacturer::country))
                    .orElse(null);
        }

        /** The country of last legal import: the newest import marking, otherwise ours when we registered an import. */
        public String imported(List<String> marks, boolean importedHere) {
            return !marks.isEmpty() ? marks.getFirst() : importedHere ? home : null;
        }
    }
}
