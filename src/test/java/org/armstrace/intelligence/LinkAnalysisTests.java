package org.armstrace.intelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.QueryPlans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

@ArmsTraceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkAnalysisTests {

    @Autowired
    LinkAnalysis links;
    @Autowired
    Neo4jClient neo4j;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    /**
     * A licence holder whose registered pistol was recovered in a case where a second person was
     * found in possession; an unconnected weapon; a maker behind 1,500 weapons (a hub).
     */
    @BeforeAll
    void plant() {
        neo4j.query("""
                CREATE (holder:Person {id: 'holder-' + $run, givenName: 'Agim', familyName: 'Gashi', source: 'test'})
                CREATE (licence:Licence {id: 'lic-' + $run, number: 'L-' + $run, source: 'test'})
                CREATE (gun:Firearm {id: 'gun-' + $run, makeAsRead: 'Zastava', model: 'M70', serialAsRead: 'S1', source: 'test'})
                CREATE (seen:Firearm {id: 'seen-' + $run, status: 'RECOVERED', serialAsRead: 'S1', source: 'test'})
                CREATE (rec:Recovery {id: 'rec-' + $run, kind: 'SEIZED', at: datetime(), source: 'test'})
                CREATE (case:Case {reference: 'CASE-' + $run})
                CREATE (carrier:Person {id: 'carrier-' + $run, givenName: 'Dragan', familyName: 'Ilić', source: 'test'})
                CREATE (loner:Firearm {id: 'loner-' + $run, serialAsRead: 'S9', source: 'test'})
                CREATE (maker:Organisation {id: 'MANUFACTURER:HUB' + $run, name: 'Hub Arms ' + $run, kind: 'MANUFACTURER'})
                CREATE (holder)-[:HOLDS]->(licence)-[:COVERS]->(gun)
                CREATE (rec)-[:RECOVERED]->(seen)-[:IDENTIFIED_AS]->(gun)
                CREATE (rec)-[:PART_OF]->(case)
                CREATE (carrier)-[:POSSESSED]->(rec)
                CREATE (rec)-[:AT]->(:Location {municipality: 'X'})
                WITH maker
                UNWIND range(1, 1500) AS i
                CREATE (:Firearm {id: 'hubgun-' + $run + '-' + i, serialAsRead: 'H' + i, source: 'test'})-[:MADE_BY]->(maker)
                """).bind(run).to("run").run();
    }

    private EntityRef ref(String text) {
        return EntityRef.parse(text.replace("$run", run));
    }

    @Test
    void expanding_a_recovery_shows_its_weapon_case_and_possessor_but_not_its_place() {
        LinkGraph g = Actors.analyst(() -> links.expand(ref("Recovery:rec-$run"), Set.of(), 0, 50));
        assertThat(g.entities()).extracting(LinkGraph.Entity::ref).containsExactlyInAnyOrder("Recovery:rec-" + run,
                "Firearm:seen-" + run, "Case:CASE-" + run, "Person:carrier-" + run);
        assertThat(g.links()).contains(new LinkGraph.Link("Person:carrier-" + run, "Recovery:rec-" + run, "POSSESSED"),
                new LinkGraph.Link("Recovery:rec-" + run, "Case:CASE-" + run, "PART_OF"));
        assertThat(g.more()).isZero();
        assertThat(g.entities()).filteredOn(e -> e.kind().equals("Person")).extracting(LinkGraph.Entity::caption)
                .containsExactly("Dragan Ilić");
    }

    @Test
    void a_hub_is_paged_with_a_count_of_the_rest_and_pages_do_not_overlap() {
        EntityRef hub = ref("Organisation:MANUFACTURER:HUB$run");
        LinkGraph first = Actors.analyst(() -> links.expand(hub, Set.of("MADE_BY"), 0, 200));
        LinkGraph second = Actors.analyst(() -> links.expand(hub, Set.of("MADE_BY"), 200, 200));
        assertThat(first.entities()).hasSize(201);
        assertThat(first.more()).isEqualTo(1300);
        assertThat(second.more()).isEqualTo(1100);
        LinkGraph beyond = Actors.analyst(() -> links.expand(hub, Set.of("MADE_BY"), 5_000, 200));
        assertThat(beyond.entities()).as("past the end: the hub alone").hasSize(1);
        assertThat(beyond.more()).isZero();
        var overlap = new ArrayList<>(first.entities().subList(1, 201));
        overlap.retainAll(second.entities().subList(1, 201));
        assertThat(overlap).isEmpty();
    }

    @Test
    void the_shortest_path_runs_from_the_licence_holder_to_the_person_found_with_the_gun() {
        List<LinkGraph> paths = Actors.analyst(() -> links.shortestPaths(ref("Person:holder-$run"), ref("Person:carrier-$run"),
                Set.of(), 6, 1));
        assertThat(paths).hasSize(1);
        assertThat(paths.getFirst().entities()).extracting(LinkGraph.Entity::ref).containsExactly("Person:holder-" + run,
                "Licence:lic-" + run, "Firearm:gun-" + run, "Firearm:seen-" + run, "Recovery:rec-" + run,
                "Person:carrier-" + run);
        assertThat(paths.getFirst().links()).contains(new LinkGraph.Link("Firearm:seen-" + run, "Firearm:gun-" + run,
                "IDENTIFIED_AS"));

        assertThat(Actors.analyst(() -> links.shortestPaths(ref("Person:holder-$run"), ref("Person:carrier-$run"), Set.of(), 4,
                1))).as("longer than four hops").isEmpty();
        long t0 = System.nanoTime();
        assertThat(Actors.analyst(() -> links.shortestPaths(ref("Person:holder-$run"), ref("Firearm:loner-$run"), Set.of(), 6,
                3))).as("unconnected: no path").isEmpty();
        assertThat((System.nanoTime() - t0) / 1_000_000).as("no path is found quickly").isLessThan(2_000);
    }

    @Test
    void paths_do_not_pass_through_a_maker_unless_made_by_is_chosen() {
        EntityRef one = ref("Firearm:hubgun-$run-1");
        EntityRef two = ref("Firearm:hubgun-$run-2");
        assertThat(Actors.analyst(() -> links.shortestPaths(one, two, Set.of(), 6, 1)))
                .as("two weapons of one maker are not linked by that alone").isEmpty();
        List<LinkGraph> viaMaker = Actors.analyst(() -> links.shortestPaths(one, two, Set.of("MADE_BY"), 6, 1));
        assertThat(viaMaker).singleElement().satisfies(p -> assertThat(p.entities()).extracting(LinkGraph.Entity::ref)
                .containsExactly(one.toString(), "Organisation:MANUFACTURER:HUB" + run, two.toString()));
    }

    @Test
    void a_neighbourhood_reaches_as_far_as_asked_and_a_hub_in_it_is_capped_not_walked() {
        LinkGraph two = Actors.analyst(() -> links.neighbourhood(ref("Person:carrier-$run"), Set.of(), 2));
        assertThat(two.entities()).extracting(LinkGraph.Entity::ref).containsExactlyInAnyOrder(
                ref("Person:carrier-$run").toString(), ref("Recovery:rec-$run").toString(),
                ref("Firearm:seen-$run").toString(), ref("Case:CASE-$run").toString());
        LinkGraph four = Actors.analyst(() -> links.neighbourhood(ref("Person:carrier-$run"), Set.of(), 4));
        assertThat(four.entities()).extracting(LinkGraph.Entity::ref).contains(ref("Licence:lic-$run").toString());
        assertThat(four.links()).contains(new LinkGraph.Link(ref("Licence:lic-$run").toString(),
                ref("Firearm:gun-$run").toString(), "COVERS"));
        assertThat(four.more()).isZero();

        // Two steps from a weapon of the 1,500-weapon maker: the maker's links are capped.
        LinkGraph hub = Actors.analyst(() -> links.neighbourhood(ref("Firearm:hubgun-$run-7"), Set.of(), 2));
        // The weapon, its maker, and the maker's FAN_OUT sampled links: the sample is in store order
        // and may hold the link back to this weapon, which is then drawn once (one entity fewer).
        assertThat(hub.entities()).hasSizeBetween(1 + LinkAnalysis.FAN_OUT, 1 + 1 + LinkAnalysis.FAN_OUT);
        assertThat(hub.more()).isEqualTo(1);
        assertThatThrownBy(() -> Actors.analyst(() -> links.neighbourhood(ref("Person:carrier-$run"), Set.of(), 5)))
                .hasMessage("intelligence.bad-bound");
    }

    @Test
    void hostile_or_unknown_input_is_refused_before_any_query() {
        assertThatThrownBy(() -> EntityRef.parse("Firearm")).hasMessage("intelligence.bad-entity");
        assertThatThrownBy(() -> EntityRef.parse("User:admin")).hasMessage("intelligence.bad-entity");
        assertThatThrownBy(() -> EntityRef.parse("Firearm:x\u0000y")).hasMessage("intelligence.bad-entity");
        assertThatThrownBy(() -> EntityRef.parse("Firearm:" + "9".repeat(201))).hasMessage("intelligence.bad-entity");
        assertThatThrownBy(() -> Actors.analyst(() -> links.expand(ref("Recovery:rec-$run"), Set.of("HOLDS] DETACH DELETE n //"),
                0, 10))).hasMessage("intelligence.bad-type");
        assertThatThrownBy(() -> Actors.analyst(() -> links.expand(ref("Recovery:rec-$run"), Set.of(), 0, 100_000)))
                .hasMessage("intelligence.bad-page");
        assertThatThrownBy(() -> Actors.analyst(() -> links.shortestPaths(ref("Person:holder-$run"), ref("Person:carrier-$run"),
                Set.of(), 50, 1))).hasMessage("intelligence.bad-bound");
        assertThatThrownBy(() -> Actors.analyst(() -> links.expand(ref("Recovery:nothing-$run"), Set.of(), 0, 10)))
                .hasMessage("intelligence.no-such-entity");
        assertThatThrownBy(() -> Actors.officer(
                () -> links.expand(ref("Recovery:rec-$run"), Set.of(), 0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void no_analysis_query_plans_a_cartesian_product_an_unbounded_expansion_or_an_exhaustive_shortest_path() {
        var queries = Map.of(
                "expand", LinkAnalysis.expandQuery(ref("Person:holder-$run")),
                "paths", LinkAnalysis.pathQuery(ref("Person:holder-$run"), ref("Person:carrier-$run"),
                        List.copyOf(LinkAnalysis.TYPES), LinkAnalysis.MAX_HOPS,
                        LinkAnalysis.MAX_PATHS),
                "neighbours", LinkAnalysis.NEIGHBOURS);
        for (var q : queries.entrySet()) {
            var plan = QueryPlans.explain(neo4j, q.getValue(), Map.of("aKey", "x", "bKey", "y",
                    "types", List.copyOf(LinkAnalysis.TYPES), "offset", 0, "limit", 10, "paths", 1,
                    "labels", List.of("Person"), "frontier", List.of("x"), "fan", 20));
            assertThat(plan.boundedAndConnected()).as(q.getKey() + " plan " + plan).isTrue();
            if (q.getKey().equals("paths")) {
                // Both ends are bound before the search, whatever the store's statistics say.
                assertThat(plan.operators()).anyMatch(o -> o.startsWith("StatefulShortestPath(Into"));
            }
        }
    }
}
