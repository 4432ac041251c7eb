package org.armstrace.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The reference data as one immutable read of the graph, with the alias indexes that resolve what
 * people write. {@link ReferenceData} keeps one and replaces it after every edit.
 */
record ReferenceSnapshot(List<Country> countries, List<FirearmType> types, List<Calibre> calibres,
                         List<Manufacturer> manufacturers, Map<String, Calibre> calibreByKey,
                         Map<String, Manufacturer> manufacturerByKey, Map<String, FirearmType> typeByKey,
                         Map<String, Country> countryByKey, Map<String, List<FirearmModel>> modelsByMaker,
                         Map<String, Map<String, FirearmModel>> modelByMakerAndKey) {

    static ReferenceSnapshot load(Neo4jClient neo4j) {
        List<Country> countries = neo4j.query("MATCH (c:Country) RETURN c ORDER BY c.nameEn")
                .fetchAs(Country.class).mappedBy((t, r) -> {
                    Node n = r.get("c").asNode();
                    return new Country(n.get("code").asString(), n.get("nameEn").asString(),
                            n.get("nameSq").asString(), n.get("nameSr").asString(), strings(n, "aliases"));
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
        // A merged maker lives on in its survivor's aliases; its own node is history only.
        List<Manufacturer> makers = neo4j.query("""
                        MATCH (o:Organisation {kind: 'MANUFACTURER'}) WHERE o.mergedInto IS NULL
                        OPTIONAL MATCH (o)-[:BASED_IN]->(c:Country)
                        RETURN o, c.code AS country ORDER BY o.name
                        """)
                .fetchAs(Manufacturer.class).mappedBy((t, r) -> {
                    Node n = r.get("o").asNode();
                    return new Manufacturer(n.get("code").asString(), n.get("name").asString(),
                            r.get("country").asString(""), strings(n, "aliases"), n.get("makerKind").asString("MANUFACTURER"),
                            n.get("retired").asBoolean(false));
                }).all().stream().toList();
        List<FirearmModel> models = neo4j.query("""
                        MATCH (m:FirearmModel) WHERE m.mergedInto IS NULL RETURN m ORDER BY m.makerCode, m.name
                        """)
                .fetchAs(FirearmModel.class).mappedBy((t, r) -> {
                    Node n = r.get("m").asNode();
                    return new FirearmModel(n.get("id").asString(), n.get("makerCode").asString(), n.get("name").asString(),
                            strings(n, "aliases"), n.get("retired").asBoolean(false));
                }).all().stream().toList();
        var byMaker = new LinkedHashMap<String, List<FirearmModel>>();
        for (FirearmModel m : models) {
            byMaker.computeIfAbsent(m.makerCode(), k -> new ArrayList<>()).add(m);
        }
        var modelIndex = new HashMap<String, Map<String, FirearmModel>>();
        byMaker.forEach((maker, list) -> modelIndex.put(maker, index(list, m -> names(m.name(), m.name(), m.aliases()))));
        byMaker.replaceAll((maker, list) -> List.copyOf(list));
        return new ReferenceSnapshot(countries, types, calibres, makers,
                index(calibres, c -> names(c.code(), c.name(), c.aliases())),
                index(makers, m -> names(m.code(), m.name(), m.aliases())),
                index(types, t -> {
                    var all = new ArrayList<>(names(t.code(), t.nameEn(), t.aliases()));
                    all.add(t.nameSq());
                    all.add(t.nameSr());
                    return all;
                }),
                index(countries, c -> {
                    var all = new ArrayList<>(names(c.code(), c.nameEn(), c.aliases()));
                    all.add(c.nameSq());
                    all.add(c.nameSr());
                    return all;
                }),
                Map.copyOf(byMaker), Map.copyOf(modelIndex));
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
}
