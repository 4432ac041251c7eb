package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.QueryPlans;
import org.armstrace.base.Translations;
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
        // Seven random characters: with three, two tests' serials were often within two edits of each
        // other, and a tolerant search rightly returned the other test's weapon too; with five it still
        // happened once (a second Zastava hit in the whole suite's run of af8ac9b).
        base = "Q" + Long.toString(36L * 36 * 36 * 36 * 36 * 36 + Math.floorMod(UUID.randomUUID().getMostSignificantBits(),
                35L * 36 * 36 * 36 * 36 * 36 * 36), 36).toUpperCase() + "7";
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
        assertThat(find(base + "S2519", "ZCZ").getFirst().reasonTexts(Locale.ENGLISH))
                .containsExactly("serial matches exactly", "make matches (Zastava Oružje)");
    }

    @Test
    void confusions_and_cyrillic_look_alikes_still_find_the_weapon_with_the_reason() {
        String misread = (base + "52S19").replace('Q', 'O'); // S read as 5, 5 read as S, Q as O
        List<SerialHit> hits = find(misread, "Zastava");

        assertThat(hits).extracting(h -> h.firearm().id()).first().isEqualTo(zastava.id());
        assertThat(String.join("; ", hits.getFirst().reasonTexts(Locale.ENGLISH))).contains("S read as 5", "5 read as S");
        String cyrillicS = base + "\u04212519"; // Cyrillic capital ES where the marking has a Latin S
        assertThat(find(cyrillicS, "Zastava")).extracting(h -> h.firearm().id()).contains(zastava.id());
    }

    @Test
    void a_dropped_and_a_swapped_character_are_tolerated() {
        String dropped = base + "S219";
        String droppedAndSwapped = base + "S291";

        assertThat(find(dropped, "Zastava")).extracting(h -> h.firearm().id()).contains(zastava.id());
        assertThat(find(droppedAndSwapped, "Zastava")).extracting(h -> h.firearm().id()).contains(zastava.id());
        assertThat(find(dropped, "Zastava").getFirst().reasonTexts(Locale.ENGLISH).getFirst()).contains("'5' missing");
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
        assertThat(hits.getFirst().reasonTexts(Locale.ENGLISH).getFirst()).contains("unreadable");
    }

    @Test
    void bad_queries_get_a_clear_refusal_or_nothing_never_an_error() {
        assertThatThrownBy(() -> find("", null)).isInstanceOf(SearchRejected.class).hasMessage("search.empty");
        assertThatThrownBy(() -> find("9".repeat(10_000), null)).hasMessage("search.too-long");
        assertThatThrownBy(() -> find("??**?", null)).hasMessage("search.too-short");
        assertThatThrownBy(() -> find("AB😀\u0000", null)).hasMessage("search.too-short");
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

    @Test
    void an_unknown_make_does_not_refuse_the_query_it_is_ignored_with_a_note() {
        List<SerialHit> hits = find(base + "S2519", "No Such Maker Ltd");

        assertThat(hits).extracting(h -> h.firearm().id()).contains(zastava.id(), glock.id());
        assertThat(hits).allSatisfy(h -> assertThat(h.reasonTexts(Locale.ENGLISH))
                .contains("make No Such Maker Ltd not known; searched all makes"));
        assertThat(hits.getFirst().reasons()).contains(MatchReason.of("make-unknown", "No Such Maker Ltd"));
    }

    @Test
    void a_misspelt_or_longer_make_is_taken_for_the_closest_maker_and_says_so() {
        List<SerialHit> misspelt = find(base + "S2519", "Zastva");
        List<SerialHit> longer = find(base + "S2519", "Glock Ges.m.b.H. Deutsch-Wagram");

        assertThat(misspelt).extracting(h -> h.firearm().id()).containsExactly(zastava.id());
        assertThat(misspelt.getFirst().reasonTexts(Locale.ENGLISH)).contains("make 'Zastva' taken as Zastava Oružje");
        assertThat(longer).extracting(h -> h.firearm().id()).containsExactly(glock.id());
    }

    @Test
    void a_star_stands_for_any_number_of_unreadable_characters_none_included() {
        List<SerialHit> three = find(base + "S*9", "Zastava");
        List<SerialHit> none = find(base + "S25*19", "Zastava");
        List<SerialHit> leading = find("*" + base.substring(1) + "S2519", "Zastava");

        assertThat(three).extracting(h -> h.firearm().id()).containsExactly(zastava.id());
        int from = base.length() + 2;
        assertThat(three.getFirst().reasonTexts(Locale.ENGLISH))
                .contains("positions " + from + "–" + (from + 2) + " unreadable (registered '251')");
        assertThat(none).extracting(h -> h.firearm().id()).containsExactly(zastava.id());
        assertThat(leading).extracting(h -> h.firearm().id()).containsExactly(zastava.id());
    }

    @Test
    void an_unreadable_position_combines_with_a_typo() {
        List<SerialHit> unreadableAndWrong = find(base + "S2?18", "Zastava"); // 1 unreadable, 9 read as 8
        List<SerialHit> unreadableAndDropped = find(base + "?219", "Zastava"); // S unreadable, 5 lost

        assertThat(unreadableAndWrong).extracting(h -> h.firearm().id()).first().isEqualTo(zastava.id());
        assertThat(unreadableAndWrong.getFirst().reasonTexts(Locale.ENGLISH)).anySatisfy(r -> assertThat(r).contains("unreadable"))
                .anySatisfy(r -> assertThat(r).contains("'8' instead of '9'"));
        assertThat(unreadableAndDropped).extracting(h -> h.firearm().id()).first().isEqualTo(zastava.id());
    }

    @Test
    void a_weapon_is_found_by_its_import_mark_alone_and_the_hit_names_the_marking() {
        String mark = "IM " + base + "-K 4471";
        Firearm imported = Actors.analyst(() -> registry.register(NewFirearms.newFirearm().type("pistol").make("CZ")
                .model("75").calibre("9mm").serial(base + "Z0001")
                .marking(NewFirearm.MarkingKind.IMPORT, mark, "frame, left", "XK", 2019).build(),
                new Provenance("test", Provenance.Confidence.HIGH)));
        String misread = ("IM" + base + "K447").replace('Q', 'O'); // last digit lost, Q read as O

        List<SerialHit> tolerant = find(misread, null);
        List<SerialHit> exact = Actors.analyst(() -> search.search(
                new SerialQuery(mark, null, null, null, 10, SerialQuery.Mode.EXACT)));

        assertThat(tolerant).extracting(h -> h.firearm().id()).first().isEqualTo(imported.id());
        SerialHit hit = tolerant.getFirst();
        assertThat(hit.marking()).extracting(Firearm.Marking::kind, Firearm.Marking::text).containsExactly("IMPORT", mark);
        assertThat(hit.reasonTexts(Locale.ENGLISH)).startsWith("import mark '" + mark + "' matches")
                .anySatisfy(r -> assertThat(r).contains("missing"));
        assertThat(exact).extracting(h -> h.firearm().id()).containsExactly(imported.id());
        assertThat(exact.getFirst().reasons().getFirst()).isEqualTo(MatchReason.of("marking-import", mark));
    }

    @Test
    void with_more_close_weapons_than_the_limit_the_closest_are_shown_in_order_with_their_whole_records() {
        // Ranked on light rows, then only the shown weapons' records are read: the cut must fall
        // after the closest ones, and what is shown must be whole.
        Firearm oneConfusion = register("Zastava", "M70", "7.65 Browning", base + "S2S19"); // 5 read as S
        Firearm oneDrop = register("Zastava", "M70", "7.65 Browning", base + "S219");

        List<SerialHit> top2 = Actors.analyst(() -> search.search(
                new SerialQuery(base + "S2519", "Zastava", null, null, 2, SerialQuery.Mode.TOLERANT, "M70")));
        List<SerialHit> top3 = Actors.analyst(() -> search.search(
                new SerialQuery(base + "S2519", "Zastava", null, null, 3, SerialQuery.Mode.TOLERANT, "M70")));

        assertThat(top2).extracting(h -> h.firearm().id()).containsExactly(zastava.id(), oneConfusion.id());
        assertThat(top3).extracting(h -> h.firearm().id()).containsExactly(zastava.id(), oneConfusion.id(), oneDrop.id());
        assertThat(top3.getLast().firearm()).extracting(Firearm::serialAsRead, Firearm::model, Firearm::source)
                .containsExactly(base + "S219", "M70", "test");
        assertThat(top3.getFirst().reasonTexts(Locale.ENGLISH)).contains("serial matches exactly");
    }

    @Test
    void reasons_are_translated_into_albanian_and_serbian() {
        SerialHit exact = find(base + "S2519", "ZCZ").getFirst();
        SerialHit misread = find(base + "52519", "Zastava").getFirst();
        SerialHit unknown = find(base + "S2519", "Nepoznat").getFirst();

        assertThat(exact.reasonTexts(Translations.ALBANIAN))
                .containsExactly("numri serik përputhet saktësisht", "prodhuesi përputhet (Zastava Oružje)");
        assertThat(misread.reasonTexts(Translations.ALBANIAN))
                .contains("S u lexua si 5 në pozicionin " + (base.length() + 1));
        assertThat(unknown.reasonTexts(Translations.ALBANIAN))
                .contains("prodhuesi Nepoznat nuk njihet; u kërkuan të gjithë prodhuesit");
        assertThat(exact.reasonTexts(Translations.SERBIAN_LATIN)).contains("serijski broj se tačno poklapa");
        assertThat(MatchReason.texts(exact.storedReasons(), Translations.ALBANIAN))
                .as("stored with a weapon, shown later in the reader's language")
                .isEqualTo(exact.reasonTexts(Translations.ALBANIAN));
        assertThat(MatchReason.texts(List.of("serial matches exactly"), Translations.ALBANIAN))
                .as("reasons stored as English text before they had codes are shown as they are")
                .containsExactly("serial matches exactly");
    }

    @Test
    void markings_written_before_the_migration_get_the_same_search_keys_from_it_as_new_ones_get_from_the_code()
            throws Exception {
        String migration;
        try (var in = getClass().getResourceAsStream("/graph-model/migrations/V0020__marking_search.cypher")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String backfill = migration.substring(migration.indexOf("MATCH (m:Marking)"), migration.lastIndexOf(';'));
        var texts = List.of("ARS " + base + "/1987-DZ", "IMP-" + base + "-VESTEL-ANKARA-2015-0042", "L5", "Z");
        var ids = new java.util.ArrayList<String>();
        for (String text : texts) {
            String id = "legacy-" + UUID.randomUUID();
            ids.add(id);
            neo4j.query("CREATE (:Marking {id: $id, kind: 'OTHER', text: $text, key: $key})")
                    .bindAll(java.util.Map.of("id", id, "text", text, "key", SerialNumbers.normalise(text))).run();
        }

        neo4j.query(backfill).run();

        for (int i = 0; i < texts.size(); i++) {
            var stored = neo4j.query("MATCH (m:Marking {id: $id}) RETURN m.folded AS folded, m.neighbourhood AS nb")
                    .bindAll(java.util.Map.of("id", ids.get(i))).fetch().one().orElseThrow();
            var expected = SerialNumbers.markingKeys(texts.get(i));
            assertThat(stored.get("folded")).as(texts.get(i)).isEqualTo(expected.get("folded"));
            assertThat(List.of(((String) stored.get("nb")).split(" "))).as(texts.get(i))
                    .containsExactlyElementsOf(List.of(((String) expected.get("neighbourhood")).split(" ")));
        }
    }

    @Test
    void a_weapon_whose_make_is_corrected_is_found_with_a_typo_under_the_new_make_and_no_longer_under_the_old() {
        Firearm f = register("Glock", "17", "9mm", base + "K4711");

        Actors.analyst(() -> registry.correct(f.id(), new FirearmRegistry.Correction(null, "Zastava", "M70",
                "7.65 Browning", null, null, null), "make misread at registration",
                new Provenance("user:analyst1", Provenance.Confidence.HIGH)));

        // One dropped character, and a '?' with one more: the maker's own scoped keys are read.
        assertThat(find(base + "K471", "Zastava")).extracting(h -> h.firearm().id()).contains(f.id());
        assertThat(find(base + "K4?1", "Zastava")).extracting(h -> h.firearm().id()).contains(f.id());
        assertThat(find("*" + base.substring(1) + "K47?1", "Zastava")).extracting(h -> h.firearm().id()).contains(f.id());
        assertThat(find(base + "K471", "Glock")).extracting(h -> h.firearm().id()).doesNotContain(f.id());
        assertThat(find(base + "K471", null)).extracting(h -> h.firearm().id()).contains(f.id());
    }

    @Test
    void weapons_written_before_the_maker_scoped_keys_get_the_same_keys_from_the_migration_as_from_the_code()
            throws Exception {
        String migration;
        try (var in = getClass().getResourceAsStream("/graph-model/migrations/V0039__serial_keys_scoped_to_maker.cypher")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String backfill = migration.substring(migration.indexOf("MATCH (f:Firearm)"), migration.indexOf(";", migration.indexOf("MATCH (f:Firearm)")));
        for (Firearm f : List.of(zastava, glock)) {
            neo4j.query("MATCH (f:Firearm {id: $id}) REMOVE f.makeSerialFolded, f.makeNeighbourhood")
                    .bind(f.id()).to("id").run();
        }

        neo4j.query(backfill).run();

        var expected = registry.identification("pistol", "Zastava", "M70", "7.65 Browning", base + "S2519", null, null, false);
        assertThat(expected.get("makeSerialFolded")).isEqualTo("ZASTAVA." + SerialNumbers.fold(SerialNumbers.normalise(base + "S2519")));
        var stored = neo4j.query("MATCH (f:Firearm {id: $id}) RETURN f.makeSerialFolded AS folded, f.makeNeighbourhood AS nb")
                .bind(zastava.id()).to("id").fetch().one().orElseThrow();
        assertThat(stored.get("folded")).isEqualTo(expected.get("makeSerialFolded"));
        assertThat(List.of(((String) stored.get("nb")).split(" ")))
                .containsExactlyElementsOf(List.of(((String) expected.get("makeNeighbourhood")).split(" ")));
        assertThat(find(base + "S259", "Glock")).extracting(h -> h.firearm().id()).containsExactly(glock.id());
    }
}
