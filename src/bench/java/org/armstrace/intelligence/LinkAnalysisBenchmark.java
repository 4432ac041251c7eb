package org.armstrace.intelligence;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.Latencies;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.Holdings;
import org.armstrace.registry.LostStolenRegister;
import org.armstrace.registry.PersonRegistry;
import org.armstrace.registry.SyntheticRegistry;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The link chart's queries on dataset S: expanding a weapon, a person and a maker (a hub),
 * shortest paths between people, cold (first time for each pair) and warm (the same pairs again),
 * and the timeline and map around a weapon, a person and a whole canvas of 200 entities.
 *
 * <pre>
 * S: ./mvnw test -Dtest=LinkAnalysisBenchmark -Dbench.excluded=none -Dbench.firearms=500000 -Dbench.people=300000
 * </pre>
 */
@Tag("benchmark")
@ArmsTraceTest
class LinkAnalysisBenchmark {

    @Autowired
    FirearmRegistry registry;
    @Autowired
    PersonRegistry people;
    @Autowired
    Holdings holdings;
    @Autowired
    LostStolenRegister lostStolen;
    @Autowired
    LinkAnalysis links;
    @Autowired
    TimeAndPlace timeAndPlace;
    @Autowired
    Neo4jClient neo4j;

    @Test
    void expand_and_shortest_paths_on_s() throws Exception {
        int n = Integer.getInteger("bench.firearms", 20_000);
        int p = Integer.getInteger("bench.people", n * 3 / 5);
        System.out.printf("dataset: %,d firearms, %,d people, seed 2026%n", n, p);
        SyntheticRegistry.Loaded data = SyntheticRegistry.load(n, p, registry, people, holdings, lostStolen);
        neo4j.query("CALL db.resampleOutdatedIndexes()").run();
        Thread.sleep(3_000);
        var random = new Random(7);

        time("expand a weapon (page of 50)", 300, i -> links.expand(new EntityRef(EntityRef.Kind.FIREARM,
                data.ids().get(random.nextInt(data.ids().size()))), Set.of(), 0, 50));
        time("expand a person (page of 50)", 300, i -> links.expand(new EntityRef(EntityRef.Kind.PERSON,
                data.personIds().get(random.nextInt(p))), Set.of(), 0, 50));
        String maker = neo4j.query("""
                        MATCH (o:Organisation)<-[:MADE_BY]-() WITH o, count(*) AS c ORDER BY c DESC LIMIT 1 RETURN o.id""")
                .fetchAs(String.class).one().orElseThrow();
        long degree = neo4j.query("MATCH (o:Organisation {id: $id}) RETURN COUNT { (o)<-[:MADE_BY]-() }")
                .bind(maker).to("id").fetchAs(Long.class).one().orElseThrow();
        time(String.format("expand the largest maker (%,d weapons, page of 200)", degree), 50,
                i -> links.expand(new EntityRef(EntityRef.Kind.ORGANISATION, maker), Set.of("MADE_BY"), i * 200 % 10_000, 200));

        // Pairs of licence holders whose weapons passed through the same dealer: paths exist within 6 hops.
        var pairs = new ArrayList<String[]>();
        for (int i = 0; i < 100; i++) {
            pairs.add(new String[] {data.personIds().get(random.nextInt(p)), data.personIds().get(random.nextInt(p))});
        }
        int[] found = new int[1];
        time("shortest path, person to person, cold", pairs.size(), i -> {
            var paths = links.shortestPaths(new EntityRef(EntityRef.Kind.PERSON, pairs.get(i)[0]),
                    new EntityRef(EntityRef.Kind.PERSON, pairs.get(i)[1]), Set.of(), 6, 1);
            found[0] += paths.isEmpty() ? 0 : 1;
            return paths;
        });
        System.out.printf("pairs with a path within 6 hops: %d of %d%n", found[0], pairs.size());
        time("shortest path, person to person, warm", pairs.size(), i -> links.shortestPaths(
                new EntityRef(EntityRef.Kind.PERSON, pairs.get(i)[0]), new EntityRef(EntityRef.Kind.PERSON, pairs.get(i)[1]),
                Set.of(), 6, 1));
        // Pairs that are connected, 4 hops apart: a licence holder and the dealer that sold or took back a weapon
        // the licence covered (person -HOLDS- licence -COVERS- weapon -OF- transfer -FROM|TO- dealer). In S,
        // transfers run between people and dealers, so no two people are within 6 hops of each other.
        var linked = neo4j.query("""
                        MATCH (a:Person)-[:HOLDS]->(:Licence)-[:COVERS]->(:Firearm)<-[:OF]-(:Transfer)-[:FROM|TO]-(b:Organisation)
                        WITH a, b LIMIT 5000
                        RETURN a.id AS a, b.id AS b ORDER BY a.id LIMIT 100""")
                .fetchAs(String[].class).mappedBy((t, r) -> new String[] {r.get("a").asString(), r.get("b").asString()})
                .all().stream().toList();
        if (linked.isEmpty()) {
            throw new IllegalStateException("S holds no licence holder linked to a dealer: the generator changed");
        }
        int[] connected = new int[1];
        time("shortest path, holder to dealer (4 hops), cold", linked.size(), i -> {
            var paths = links.shortestPaths(new EntityRef(EntityRef.Kind.PERSON, linked.get(i)[0]),
                    new EntityRef(EntityRef.Kind.ORGANISATION, linked.get(i)[1]), Set.of(), 6, 1);
            connected[0] += paths.isEmpty() ? 0 : 1;
            return paths;
        });
        System.out.printf("holder-dealer pairs with a path found: %d of %d%n", connected[0], linked.size());
        time("shortest path, holder to dealer (4 hops), warm", linked.size(), i -> links.shortestPaths(
                new EntityRef(EntityRef.Kind.PERSON, linked.get(i)[0]), new EntityRef(EntityRef.Kind.ORGANISATION,
                        linked.get(i)[1]), Set.of(), 6, 1));

        time("timeline and map around a weapon", 300, i -> timeAndPlace.around(List.of(new EntityRef(
                EntityRef.Kind.FIREARM, data.ids().get(random.nextInt(data.ids().size()))))));
        time("timeline and map around a person", 300, i -> timeAndPlace.around(List.of(new EntityRef(
                EntityRef.Kind.PERSON, data.personIds().get(random.nextInt(p))))));
        // Nothing selected on a full canvas: the maker hub, 100 weapons and 99 people.
        time("timeline and map around a canvas of 200 entities", 50, i -> {
            var canvas = new ArrayList<EntityRef>();
            canvas.add(new EntityRef(EntityRef.Kind.ORGANISATION, maker));
            for (int k = 0; k < 100; k++) {
                canvas.add(new EntityRef(EntityRef.Kind.FIREARM, data.ids().get(random.nextInt(data.ids().size()))));
            }
            for (int k = 0; k < 99; k++) {
                canvas.add(new EntityRef(EntityRef.Kind.PERSON, data.personIds().get(random.nextInt(p))));
            }
            return timeAndPlace.around(canvas);
        });
    }

    /** Times the action once per run, with no warm-up: the first runs are the cold ones. */
    private static void time(String what, int runs, IntFunction<Object> action) {
        Latencies.print(what, Latencies.time(0, runs, i -> as(() -> action.apply(i))));
    }

    private static <T> T as(Supplier<T> action) {
        return Actors.as("bench-analyst", Role.ANALYST, action);
    }
}
