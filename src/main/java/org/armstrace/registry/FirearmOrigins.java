package org.armstrace.registry;

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
}
