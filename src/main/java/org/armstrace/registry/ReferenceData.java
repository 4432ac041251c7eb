package org.armstrace.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.armstrace.security.AuditLog;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Countries, firearm types, calibres and manufacturers: the pick-lists of every form, and the
 * alias tables that let search and import recognise "9mm Luger" as 9×19 or "ZCZ" as Zastava.
 *
 * <p>Read from the graph once and kept in memory (a few hundred entries); an edit writes a
 * {@code :ReferenceRevision} with the old and new values and an audit event, then refreshes the
 * snapshot. Entries are retired, never deleted, because registered weapons point at them.
 */
@Service
public class ReferenceData {

    private record Snapshot(List<Country> countries, List<FirearmType> types, List<Calibre> calibres,
                            List<Manufacturer> manufacturers, Map<String, Calibre> calibreByKey,
                            Map<String, Manufacturer> manufacturerByKey, Map<String, FirearmType> typeByKey) {
    }

    private final Neo4jClient neo4j;
    private final AuditLog audit;
    private volatile Snapshot snapshot;

    ReferenceData(Neo4jClient neo4j, AuditLog audit) {
        this.neo4j = neo4j;
        this.audit = audit;
    }

    public List<Country> countries() {
        return snapshot().countries();
    }

    /** A country by its ISO code (case as stored: upper). */
    public Optional<Country> country(String code) {
        return countries().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public List<FirearmType> firearmTypes() {
        return snapshot().types();
    }

    public List<Calibre> calibres() {
        return snapshot().calibres();
    }

    public List<Manufacturer> manufacturers() {
        return snapshot().manufacturers();
    }

    /** The calibre a clerk or officer meant, by code, name or any alias; retired entries still resolve. */
    public Optional<Calibre> resolveCalibre(String text) {
        return Optional.ofNullable(snapshot().calibreByKey().get(ReferenceKeys.key(text)));
    }

    public Optional<Manufacturer> resolveManufacturer(String text) {
        return Optional.ofNullable(snapshot().manufacturerByKey().get(ReferenceKeys.key(text)));
    }

    /**
     * The manufacturer a field reading most likely means when it is no known spelling: the one whose
     * code, name or an alias is within a typo of it (two for names of eight letters or more, none
     * under five), or of which it is a longer or shorter form ("Zastava Arms Kragujevac" for
     * "Zastava"; both at least four letters). Empty when nothing is that close, or when two makers
     * are equally close: a guess between two makers would hide the right weapon.
     */
    public Optional<Manufacturer> closestManufacturer(String text) {
        String typed = ReferenceKeys.key(text);
        Manufacturer best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean ambiguous = false;
        for (var known : snapshot().manufacturerByKey().entrySet()) {
            int d = NameDistance.within(typed, known.getKey());
            if (d < bestDistance) {
                best = known.getValue();
                bestDistance = d;
                ambiguous = false;
            } else if (d == bestDistance && best != null && !best.code().equals(known.getValue().code())) {
                ambiguous = true;
            }
        }
        return best == null || ambiguous || bestDistance == Integer.MAX_VALUE ? Optional.empty() : Optional.of(best);
    }

    public Optional<FirearmType> resolveFirearmType(String text) {
        return Optional.ofNullable(snapshot().typeByKey().get(ReferenceKeys.key(text)));
    }

    /**
     * Display names: what a person reads where the graph holds a code ({@code REVOLVER},
     * {@code 38SPL}, {@code SMITH_WESSON}, {@code US}), in the reader's language where the reference
     * data has one. Codes stay for machines (API fields, exports' code columns); an unknown code or
     * free text is shown as it is, and none as an empty string.
     */
    public String typeName(String code, Locale locale) {
        return code == null ? "" : resolveFirearmType(code).map(t -> t.name(locale)).orElse(code);
    }

    public String calibreName(String code) {
        return code == null ? "" : resolveCalibre(code).map(Calibre::name).orElse(code);
    }

    public String manufacturerName(String code) {
        return code == null ? "" : resolveManufacturer(code).map(Manufacturer::name).orElse(code);
    }

    public String countryName(String code, Locale locale) {
        return code == null ? "" : country(code.toUpperCase(Locale.ROOT)).map(c -> c.name(locale)).orElse(code);
    }

    /** The make as people name it: the manufacturer's name when recognised, else as read off the weapon. */
    public String makeName(String makeCode, String makeAsRead) {
        return makeCode == null ? (makeAsRead == null ? "" : makeAsRead) : manufacturerName(makeCode);
    }

    /** Active calibres whose name or an alias starts with what was typed, best (shortest) first. */
    public List<Calibre> suggestCalibres(String typed, int limit) {
        return suggest(calibres(), typed, limit, c -> names(c.code(), c.name(), c.aliases()), Calibre::retired);
    }

    public List<Manufacturer> suggestManufacturers(String typed, int limit) {
        return suggest(manufacturers(), typed, limit, m -> names(m.code(), m.name(), m.aliases()), Manufacturer::retired);
    }

    /**
     * Adds or corrects a calibre. The previous values are kept in a revision; nothing is overwritten
     * without trace.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Calibre saveCalibre(Calibre calibre, String reason) {
        requireUniqueAliases(calibre.code(), names(calibre.code(), calibre.name(), calibre.aliases()),
                snapshot().calibreByKey(), Calibre::code);
        revise("Calibre", calibre.code(), Map.of("name", calibre.name(), "aliases", calibre.aliases(),
                "type", calibre.type(), "retired", calibre.retired()), reason);
        return resolveCalibre(calibre.code()).orElseThrow();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Manufacturer saveManufacturer(Manufacturer m, String reason) {
        requireUniqueAliases(m.code(), names(m.code(), m.name(), m.aliases()), snapshot().manufacturerByKey(),
                Manufacturer::code);
        if (country(m.country()).isEmpty()) {
            throw new IllegalArgumentException("Unknown country code " + m.country());
        }
        revise("Organisation", m.code(), Map.of("name", m.name(), "aliases", m.aliases(), "country", m.country(),
                "makerKind", m.kind(), "retired", m.retired()), reason);
        neo4j.query("""
                        MATCH (o:Organisation {id: 'MANUFACTURER:' + $code})
                        OPTIONAL MATCH (o)-[old:BASED_IN]->()
                        DELETE old
                        WITH DISTINCT o
                        MATCH (c:Country {code: $country})
                        MERGE (o)-[:BASED_IN]->(c)
                        """).bindAll(Map.of("code", m.code(), "country", m.country())).run();
        return resolveManufacturer(m.code()).orElseThrow();
    }

    private void revise(String label, String code, Map<String, Object> after, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A reason is required for changing reference data");
        }
        // Labels come from this class only (never from input), so the text block stays parameterised.
        String match = label.equals("Organisation")
                ? "MERGE (e:Organisation {id: 'MANUFACTURER:' + $code}) ON CREATE SET e.code = $code, e.kind = 'MANUFACTURER'"
                : "MERGE (e:" + label + " {code: $code})";
        neo4j.query(match + """

                        WITH e, properties(e) AS before
                        CREATE (r:ReferenceRevision {at: datetime(), by: $by, reason: $reason,
                                                     before: [k IN keys(before) | k + '=' + %s],
                                                     after: [k IN keys($after) | k + '=' + %s]})
                        CREATE (r)-[:REVISES]->(e)
                        SET e += $after, e.source = 'user:' + $by, e.recordedAt = datetime(), e.confidence = 'HIGH'
                        """.formatted(text("before[k]"), text("$after[k]")))
                .bindAll(Map.of("code", code, "after", after, "by", AuditLog.currentActor(), "reason", reason))
                .run();
        audit.record("reference.changed", List.of(label + ":" + code), reason);
        snapshot = null;
    }

    /** Cypher for a property value as text; lists become [a|b|c] (toString() refuses lists). */
    private static String text(String value) {
        return "CASE WHEN " + value + " IS :: LIST<ANY> THEN '[' + reduce(s = '', x IN " + value
                + " | s + CASE WHEN s = '' THEN '' ELSE '|' END + toString(x)) + ']' ELSE toString(" + value + ") END";
    }

    /** Forgets the in-memory copy, e.g. after an import. */
    void refresh() {
        snapshot = null;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    private Snapshot load() {
        List<Country> countries = neo4j.query("MATCH (c:Country) RETURN c ORDER BY c.nameEn")
                .fetchAs(Country.class).mappedBy((t, r) -> {
                    Node n = r.get("c").asNode();
                    return new Country(n.get("code").asString(), n.get("nameEn").asString(),
                            n.get("nameSq").asString(), n.get("nameSr").asString());
                }).all().stream().toList();
        List<FirearmType> types = neo4j.query("MATCH (t:FirearmType) RETURN t ORDER BY t.code")
                .fetchAs(FirearmType.class).mappedBy((t, r) -> {
                    Node n = r.get("t").asNode();
                    return new FirearmType(n.get("code").asString(), n.get("nameEn").asString(),
                            n.get("nameSq").asString(), n.get("nameSr").asString(), n.get("category").asString(""),
                            strings(n, "aliases"), n.get("retired").asBoolean(false));
                }).all().stream().toList();
        List<Calibre> calibres = neo4j.query("MATCH (c:Calibre) RETURN c ORDER BY c.name")
                .fetchAs(Calibre.class).mappedBy((t, r) -> {
                    Node n = r.get("c").asNode();
                    return new Calibre(n.get("code").asString(), n.get("name").asString(), strings(n, "aliases"),
                            n.get("type").asString(""), n.get("retired").asBoolean(false));
                }).all().stream().toList();
        List<Manufacturer> makers = neo4j.query("""
                        MATCH (o:Organisation {kind: 'MANUFACTURER'})
                        OPTIONAL MATCH (o)-[:BASED_IN]->(c:Country)
                        RETURN o, c.code AS country ORDER BY o.name
                        """)
                .fetchAs(Manufacturer.class).mappedBy((t, r) -> {
                    Node n = r.get("o").asNode();
                    return new Manufacturer(n.get("code").asString(), n.get("name").asString(),
                            r.get("country").asString(""), strings(n, "aliases"), n.get("makerKind").asString("MANUFACTURER"),
                            n.get("retired").asBoolean(false));
                }).all().stream().toList();
        return new Snapshot(countries, types, calibres, makers,
                index(calibres, c -> names(c.code(), c.name(), c.aliases())),
                index(makers, m -> names(m.code(), m.name(), m.aliases())),
                index(types, t -> {
                    var all = new ArrayList<>(names(t.code(), t.nameEn(), t.aliases()));
                    all.add(t.nameSq());
                    all.add(t.nameSr());
                    return all;
                }));
    }

    private static List<String> strings(Node n, String key) {
        return n.get(key).isNull() ? List.of() : n.get(key).asList(v -> v.asString());
    }

    static List<String> names(String code, String name, List<String> aliases) {
        var all = new ArrayList<String>(aliases.size() + 2);
        all.add(code);
        all.add(name);
        all.addAll(aliases);
        return all;
    }

    private static <T> Map<String, T> index(List<T> entries, Function<T, List<String>> names) {
        var byKey = new HashMap<String, T>();
        for (T e : entries) {
            for (String n : names.apply(e)) {
                String k = ReferenceKeys.key(n);
                if (!k.isEmpty()) {
                    byKey.putIfAbsent(k, e);
                }
            }
        }
        return Map.copyOf(byKey);
    }

    private static <T> void requireUniqueAliases(String code, List<String> names, Map<String, T> byKey,
                                                 Function<T, String> codeOf) {
        for (String n : names) {
            T other = byKey.get(ReferenceKeys.key(n));
            if (other != null && !codeOf.apply(other).equals(code)) {
                throw new IllegalArgumentException("'" + n + "' already names " + codeOf.apply(other));
            }
        }
    }

    private static <T> List<T> suggest(List<T> entries, String typed, int limit, Function<T, List<String>> names,
                                       Predicate<T> retired) {
        String k = ReferenceKeys.key(typed);
        record Hit<T>(T entry, int length) {
        }
        var hits = new ArrayList<Hit<T>>();
        for (T e : entries) {
            if (retired.test(e)) {
                continue;
            }
            names.apply(e).stream().map(ReferenceKeys::key).filter(n -> n.startsWith(k))
                    .mapToInt(String::length).min().ifPresent(len -> hits.add(new Hit<>(e, len)));
        }
        return hits.stream().sorted(Comparator.comparingInt(Hit::length)).limit(Math.max(0, limit))
                .map(Hit::entry).toList();
    }
}
