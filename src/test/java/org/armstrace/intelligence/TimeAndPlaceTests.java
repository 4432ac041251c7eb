package org.armstrace.intelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
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
class TimeAndPlaceTests {

    @Autowired
    TimeAndPlace timeAndPlace;
    @Autowired
    Neo4jClient neo4j;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    /**
     * A pistol made in Serbia and last imported legally through Albania, licensed and sold to a
     * buyer, reported stolen, then seized in Prishtina; a partner's request from North Macedonia
     * about a German rifle; a domestic weapon seized at home; a holder of 60 licences.
     */
    @BeforeAll
    void plant() {
        neo4j.query("""
                CREATE (buyer:Person {id: 'buyer-' + $run, givenName: 'Arben', familyName: 'Krasniqi', source: 'test'})
                CREATE (gun:Firearm {id: 'gun-' + $run, makeAsRead: 'Zastava', model: 'CZ99', serialAsRead: 'T1',
                                     countryOfManufacture: 'RS', source: 'test'})
                CREATE (gun)-[:HAS_MARKING]->(:Marking {kind: 'IMPORT', country: 'AL', year: 2015})
                CREATE (buyer)-[:HOLDS]->(:Licence {id: 'lic-' + $run, number: 'L-' + $run, validFrom: date('2016-01-01')})
                       -[:COVERS]->(gun)
                CREATE (sale:Transfer {id: 'sale-' + $run, kind: 'SALE', date: date('2016-02-01')})-[:OF]->(gun)
                CREATE (sale)-[:TO]->(buyer)
                CREATE (:LostStolenReport {id: 'theft-' + $run, kind: 'STOLEN', occurredOn: date('2023-05-01')})
                       -[:CONCERNS]->(gun)
                CREATE (seen:Firearm {id: 'seen-' + $run, status: 'RECOVERED', serialAsRead: 'T1', source: 'test'})
                       -[:IDENTIFIED_AS]->(gun)
                CREATE (rec:Recovery {id: 'rec-' + $run, kind: 'SEIZED', at: datetime('2024-03-10T10:00:00Z')})
                       -[:RECOVERED]->(seen)
                CREATE (rec)-[:AT]->(:Location {latitude: 42.6629, longitude: 21.1655, municipality: 'prishtina'})
                CREATE (rifle:Firearm {id: 'rifle-' + $run, countryOfManufacture: 'DE', source: 'test'})
                CREATE (:TraceRequest {id: 'req-' + $run, number: 'IN-' + $run, direction: 'INCOMING', counterpart: 'MK',
                                       receivedAt: datetime('2024-06-01T08:00:00Z')})-[:CONCERNS]->(rifle)
                CREATE (home:Firearm {id: 'home-' + $run, status: 'RECOVERED', countryOfManufacture: 'XK'})
                CREATE (rec2:Recovery {id: 'rec2-' + $run, kind: 'FOUND', at: datetime('2024-04-01T10:00:00Z')})
                       -[:RECOVERED]->(home)
                CREATE (rec2)-[:AT]->(:Location {latitude: 42.2139, longitude: 20.7397, municipality: 'prizren'})
                CREATE (hub:Person {id: 'hub-' + $run, givenName: 'Many', familyName: 'Licences', source: 'test'})
                WITH hub
                UNWIND range(1, 60) AS i
                CREATE (hub)-[:HOLDS]->(:Licence {id: 'hl-' + $run + '-' + i, number: 'HL' + i,
                                                  validFrom: date('2010-01-01') + duration({days: i})})
                """).bind(run).to("run").run();
    }

    private TimeAndPlace.Picture around(String... refs) {
        var parsed = Arrays.stream(refs).map(r -> EntityRef.parse(r.replace("$run", run))).toList();
        return Actors.analyst(() -> timeAndPlace.around(parsed));
    }

    @Test
    void a_recovered_weapon_shows_its_whole_history_in_date_order_and_its_route_from_maker_to_seizure() {
        var picture = around("Firearm:seen-$run");
        assertThat(picture.events()).extracting(TimeAndPlace.Event::ref).containsExactly("Licence:lic-" + run,
                "Transfer:sale-" + run, "LostStolenReport:theft-" + run, "Recovery:rec-" + run);
        assertThat(picture.events()).extracting(TimeAndPlace.Event::date).containsExactly(LocalDate.of(2016, 1, 1),
                LocalDate.of(2016, 2, 1), LocalDate.of(2023, 5, 1), LocalDate.of(2024, 3, 10));
        assertThat(picture.events().getLast().place()).isEqualTo(new TimeAndPlace.Place(42.6629, 21.1655, "prishtina",
                false));
        assertThat(picture.events().getFirst().place()).as("a licence has no place").isNull();

        assertThat(picture.routes()).singleElement().satisfies(r -> {
            assertThat(r.weapon()).isEqualTo("Firearm:seen-" + run);
            assertThat(r.event()).isEqualTo("Recovery:rec-" + run);
            assertThat(r.made()).isEqualTo("RS");
            assertThat(r.imported()).isEqualTo("AL");
            assertThat(r.stops()).extracting(TimeAndPlace.Place::name).containsExactly("RS", "AL", "prishtina");
            assertThat(r.stops().getLast().approximate()).isFalse();
        });
        assertThat(picture.capped()).isFalse();
    }

    @Test
    void a_person_shows_the_events_they_took_part_in_and_nothing_further_away() {
        var picture = around("Person:buyer-$run");
        assertThat(picture.events()).extracting(TimeAndPlace.Event::ref).containsExactly("Licence:lic-" + run,
                "Transfer:sale-" + run);
        assertThat(picture.routes()).isEmpty();
    }

    @Test
    void a_partners_request_places_the_recovery_abroad_in_the_requesting_country_approximately() {
        var picture = around("TraceRequest:req-$run");
        var request = picture.events().getFirst();
        assertThat(request.date()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(request.place().name()).isEqualTo("MK");
        assertThat(request.place().approximate()).isTrue();
        assertThat(picture.routes()).singleElement().satisfies(r -> {
            assertThat(r.stops()).extracting(TimeAndPlace.Place::name).containsExactly("DE", "MK");
            assertThat(r.imported()).isNull();
        });
    }

    @Test
    void a_weapon_made_and_seized_at_home_has_a_place_but_no_route() {
        var picture = around("Recovery:rec2-$run");
        assertThat(picture.events()).singleElement().satisfies(e -> assertThat(e.place().name()).isEqualTo("prizren"));
        assertThat(picture.routes()).isEmpty();
    }

    @Test
    void an_entity_with_more_events_than_are_followed_is_capped_and_says_so() {
        var picture = around("Person:hub-$run", "Person:buyer-$run");
        assertThat(picture.capped()).isTrue();
        assertThat(picture.events()).filteredOn(e -> e.ref().startsWith("Licence:hl-")).hasSize(TimeAndPlace.FAN_OUT);
        assertThat(picture.events()).extracting(TimeAndPlace.Event::ref).contains("Transfer:sale-" + run);
    }

    @Test
    void nothing_asked_is_nothing_answered_and_too_much_or_the_wrong_role_is_refused() {
        assertThat(around().events()).isEmpty();
        var many = IntStream.range(0, TimeAndPlace.MAX_ENTITIES + 1).mapToObj(i -> "Firearm:x" + i).toArray(String[]::new);
        assertThatThrownBy(() -> around(many)).hasMessage("intelligence.bad-page");
        assertThatThrownBy(() -> Actors.officer(
                () -> timeAndPlace.around(List.of(EntityRef.parse("Person:buyer-" + run)))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_events_query_plans_no_cartesian_product_and_no_unbounded_expansion() {
        var params = new HashMap<String, Object>(LinkAnalysis.refParams(List.of(EntityRef.parse("Person:x"))));
        params.putAll(Map.of("types", List.copyOf(LinkAnalysis.TYPES), "labels", LinkAnalysis.LABELS, "fan", 50,
                "max", 500, "weapons", 20));
        var plan = QueryPlans.explain(neo4j, TimeAndPlace.AROUND, params);
        assertThat(plan.boundedAndConnected()).as("plan " + plan).isTrue();
    }
}
