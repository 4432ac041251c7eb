package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.QueryPlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

@ArmsTraceTest
class SerialSearchTests {

    @Autowired
    FirearmRegistry registry;
    @Autowired
    SerialSearch search;
    @Autowired
    Neo4jClient neo4j;

    /** A serial unique to this test run, so that tests sharing the database do not see each other. */
    String base;
    Firearm zastava;
    Firearm glock;

    @BeforeEach
    void plant() {
        base = "Q" + Integer.toString(Math.abs(UUID.randomUUID().hashCode()) % 46656, 36).toUpperCase() + "7";
        zastava = register("Zastava", "M70", "7.65 Browning", base + "S2519");
        glock = register("Glock", "17", "9mm", base + "S2519");
        register("Zastava", "M57", "7.62x25", base + "X9999");
    }

    private Firearm register(String make, String model, String calibre, String serial) {
        return Actors.analyst(() -> registry.register(
                NewFirearms.newFirearm().type("pistol").make(make).model(model).calibre(calibre).serial(serial).build(),
                new Provenance("test", Provenance.Confidence.HIGH)));
    }

    private List<SerialHit> find(String serial, String make) {
        return Actors.analyst(() -> search.search(new SerialQuery(serial, make, null, null, 10)));
    }

    @Test
    void the_same_serial_of_two_makers_gives_two_weapons_and_the_make_filter_picks_one() {
        assertThat(find(base + "S2519", null)).extracting(h -> h.firearm().id()).contains(zastava.id(), glock.id());
        assertThat(find(base + "-S 2519", "Crvena Zastava")).extracting(h -> h.firearm().id()).containsExactly(zastava.id());
        assertThat(find(base + "S2519", "ZCZ").getFirst().reasons())
                .containsExactly("serial matches exactly", "make matches (Zastava Oružje)");
    }

    @Test
    void confusions_and_cyrillic_look_alikes_still_find_the_weapon_with_the_reason() {
        String misread = (base + "52S19").replace('Q', 'O'); // S read as 5, 5 read as S, Q as O
        List<SerialHit> hits = find(misread, "Zastava");

        assertThat(hits).extracting(h -> h.firearm().id()).first().isEqualTo(zastava.id());
        assertThat(hits.getFirst().reasons().getFirst()).contains("S read as 5", "5 read as S");
        String cyrillicS = base + "\u04212519"; // Cyrillic capital ES where the marking has a Latin S
        assertThat(find(cyrillicS, "Zastava")).extracting(h -> h.firearm().id()).contains(zastava.id());
    }

    @Test
    void a_dropped_and_a_swapped_character_are_tolerated() {
        String dropped = base + "S219";
        String droppedAndSwapped = base + "S291";

        assertThat(find(dropped, "Zastava")).extracting(h -> h.firearm().id()).contains(zastava.id());
        assertThat(find(droppedAndSwapped, "Zastava")).extracting(h -> h.firearm().id()).contains(zastava.id());
        assertThat(find(dropped, "Zastava").getFirst().reasons().getFirst()).contains("'5' missing");
    }

    @Test
    void the_exact_mode_finds_only_the_normalised_serial() {
        List<SerialHit> exact = Actors.analyst("a", () -> search.search(
                new SerialQuery(base.toLowerCase() + "-s 2519", "Zastava", null, null, 10, SerialQuery.Mode.EXACT)));
        List<SerialHit> nearMiss = Actors.analyst("a", () -> search.search(
                new SerialQuery(base + "S2518", "Zastava", null, null, 10, SerialQuery.Mode.EXACT)));

        assertThat(exact).extracting(h -> h.firearm().id()).containsExactly(zastava.id());
        assertThat(nearMiss).isEmpty();
        assertThatThrownBy(() -> Actors.analyst("a", () -> search.search(
                new SerialQuery(base + "S25?9", null, null, null, 10, SerialQuery.Mode.EXACT))))
                .hasMessage("search.exact-with-wildcards");
    }

    @Test
    void unreadable_positions_match_any_character() {
        List<SerialHit> hits = find(base + "S2?1*", null);

        assertThat(hits).extracting(h -> h.firearm().id()).contains(zastava.id(), glock.id());
        assertThat(hits.getFirst().reasons().getFirst()).contains("unreadable");
    }

    @Test
    void bad_queries_get_a_clear_refusal_or_nothing_never_an_error() {
        assertThatThrownBy(() -> find("", null)).isInstanceOf(SearchRejected.class).hasMessage("search.empty");
        assertThatThrownBy(() -> find("9".repeat(10_000), null)).hasMessage("search.too-long");
        assertThatThrownBy(() -> find("??**?", null)).hasMessage("search.too-short");
        assertThatThrownBy(() -> find("AB😀\u0000", null)).hasMessage("search.too-short");
        assertThatThrownBy(() -> find(base, "No Such Maker Ltd")).hasMessage("search.unknown-make");
        assertThatThrownBy(() -> Actors.analyst("a",
                () -> search.search(new SerialQuery(base + "S2519", null, null, null, -1)))).hasMessage("search.bad-limit");
        assertThatThrownBy(() -> Actors.analyst("a",
                () -> search.search(new SerialQuery(base + "S2519", null, null, null, 1_000_000)))).hasMessage("search.bad-limit");
        assertThat(find("' OR 1=1 MATCH (n) DETACH DELETE n //", null)).isEmpty();
        assertThat(find(base + "S2519", null)).isNotEmpty();
    }

    @Test
    void an_exact_search_seeks_the_serial_index_with_or_without_a_make() {
        for (String make : new String[] {"ZASTAVA", null}) {
            var params = new HashMap<String, Object>();
            params.put("key", base + "S2519");
            params.put("make", make);
            params.put("limit", 10);

            List<String> operators = QueryPlans.explain(neo4j, SerialSearch.EXACT, params).operators();

            assertThat(operators).as("make " + make).anyMatch(o -> o.startsWith("NodeIndexSeek") && o.contains("(serialKey)"))
                    .noneMatch(o -> o.startsWith("NodeByLabelScan") || o.startsWith("AllNodesScan"));
        }
    }
}
