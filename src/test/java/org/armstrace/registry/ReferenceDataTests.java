package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.security.AuditLog;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@ArmsTraceTest
class ReferenceDataTests {

    @Autowired
    ReferenceData reference;
    @Autowired
    ReferenceDataImport importer;
    @Autowired
    AuditLog audit;
    @Autowired
    Driver driver;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    FirearmRegistry registry;
    @Autowired
    SerialSearch search;

    @Test
    void every_iso_country_and_kosovo_are_named_in_the_three_languages() {
        assertThat(reference.countries()).hasSizeGreaterThanOrEqualTo(250);
        // Compared without the aliases: country-aliases.csv gives Kosovo "Kosova" and others.
        assertThat(reference.country("XK")).hasValueSatisfying(c -> assertThat(new Country(c.code(), c.nameEn(),
                c.nameSq(), c.nameSr())).isEqualTo(new Country("XK", "Kosovo", "Kosovë", "Kosovo")));
        assertThat(reference.countries()).anySatisfy(c -> {
            assertThat(c.code()).isEqualTo("DE");
            assertThat(c.nameSq()).isEqualTo("Gjermani");
            assertThat(c.nameSr()).isEqualTo("Nemačka");
        });
    }

    @Test
    void the_reference_tables_are_complete_enough_for_the_region() {
        assertThat(reference.calibres()).hasSizeGreaterThanOrEqualTo(150);
        assertThat(reference.manufacturers()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(reference.firearmTypes()).extracting(FirearmType::code)
                .contains("REVOLVER", "PISTOL", "SHOTGUN", "SUBMACHINE_GUN", "ASSAULT_RIFLE", "LIGHT_MACHINE_GUN");
    }

    @Test
    void aliases_resolve_to_the_canonical_entry() {
        assertThat(reference.resolveCalibre("9mm Luger")).map(Calibre::code).contains("9X19");
        assertThat(reference.resolveCalibre("9 × 19 mm Parabellum")).map(Calibre::code).contains("9X19");
        assertThat(reference.resolveCalibre("7,62x39")).map(Calibre::code).contains("762X39");
        assertThat(reference.resolveCalibre(".32 ACP")).isEqualTo(reference.resolveCalibre("7.65 Browning"));
        assertThat(reference.resolveManufacturer("ZCZ")).hasValueSatisfying(m -> {
            assertThat(m.code()).isEqualTo("ZASTAVA");
            assertThat(m.country()).isEqualTo("RS");
        });
        assertThat(reference.resolveManufacturer("Crvena Zastava")).map(Manufacturer::code).contains("ZASTAVA");
        assertThat(reference.resolveFirearmType("pištolj")).map(FirearmType::code).contains("PISTOL");
        assertThat(reference.resolveCalibre("no such calibre")).isEmpty();
    }

    @Test
    void suggestions_complete_what_was_typed_shortest_first() {
        assertThat(reference.suggestCalibres("9x1", 5)).extracting(Calibre::code).contains("9X19");
        assertThat(reference.suggestManufacturers("zast", 3)).extracting(Manufacturer::code).first().isEqualTo("ZASTAVA");
        assertThat(reference.suggestCalibres("9x1", -1)).isEmpty();
    }

    @Test
    void importing_again_creates_nothing_and_keeps_edits() {
        Actors.admin(() -> reference.saveCalibre(new Calibre("9X19", "9×19 mm Parabellum",
                List.of("9mm", "9 mm", "9x19", "9mm Luger", "9mm Parabellum", "9 Para", "9mm NATO", "Luger 9"),
                "PISTOL", false), "regional spelling 'Luger 9' seen in the 2019 registry"));
        long before = count();

        importer.run(null);

        assertThat(count()).isEqualTo(before);
        assertThat(reference.resolveCalibre("Luger 9")).map(Calibre::code).contains("9X19");
    }

    @Test
    void an_edit_keeps_the_old_values_in_a_revision_and_is_audited() {
        Actors.admin(() -> reference.saveCalibre(new Calibre("TEST1", "Test calibre",
                List.of("test-one"), "OTHER", false), "created for a test"));
        Actors.admin(() -> reference.saveCalibre(new Calibre("TEST1", "Test calibre renamed",
                List.of("test-one"), "OTHER", true), "retired in a test"));

        try (var s = driver.session()) {
            var revisions = s.run("""
                    MATCH (r:ReferenceRevision)-[:REVISES]->(:Calibre {code: 'TEST1'})
                    RETURN r.before AS before, r.reason AS reason ORDER BY r.at""").list();
            assertThat(revisions).hasSize(2);
            assertThat(revisions.get(1).get("before").asList(v -> v.asString())).contains("name=Test calibre");
            assertThat(revisions.get(1).get("reason").asString()).isEqualTo("retired in a test");
        }
        assertThat(Actors.admin(() -> audit.page(0, 5, "admin", "reference.changed")))
                .anySatisfy(e -> assertThat(e.entities()).containsExactly("Calibre:TEST1"));
        assertThat(reference.resolveCalibre("test-one")).map(Calibre::retired).contains(true);
        assertThat(reference.suggestCalibres("test", 5)).extracting(Calibre::code).doesNotContain("TEST1");
    }

    @Test
    void an_alias_that_already_names_another_calibre_is_refused() {
        assertThatThrownBy(() -> Actors.admin(() -> reference.saveCalibre(
                new Calibre("TEST2", "Another", List.of("9mm Luger"), "OTHER", false), "collision")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9X19");
    }

    @Test
    void only_administrators_change_reference_data() {
        assertThatThrownBy(() -> Actors.analyst("analyst", () -> reference.saveCalibre(
                new Calibre("TEST3", "x", List.of(), "OTHER", false), "no")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_manufacturer_is_added_and_corrected_with_country_and_spellings_each_edit_in_its_history() {
        String code = "TM" + tag();
        Actors.admin(() -> reference.saveManufacturer(new Manufacturer(code, "Test Maker " + code, "RS",
                List.of(), "MANUFACTURER", false), "seen on a seizure"));
        Actors.admin(() -> reference.saveManufacturer(new Manufacturer(code, "Test Works " + code, "BA",
                List.of("TW-" + code), "MANUFACTURER", false), "company renamed and moved"));

        assertThat(reference.resolveManufacturer("TW-" + code)).hasValueSatisfying(m -> {
            assertThat(m.name()).isEqualTo("Test Works " + code);
            assertThat(m.country()).isEqualTo("BA");
        });
        List<ReferenceRevision> history = Actors.admin(() -> reference.history(ReferenceKind.MANUFACTURER, code));
        assertThat(history).extracting(ReferenceRevision::reason).containsExactly("seen on a seizure",
                "company renamed and moved");
        assertThat(history.get(1).before()).contains("name=Test Maker " + code, "country=RS", "source=user:admin");
        assertThat(history.get(1).after()).contains("country=BA", "aliases=[TW-" + code + "]");
        assertThat(history).extracting(ReferenceRevision::by).containsOnly("admin");
    }

    @Test
    void a_firearm_type_and_a_country_are_renamed_in_the_three_languages_and_take_spellings() {
        FirearmType flare = reference.resolveFirearmType("PISTOL").orElseThrow();
        String spelling = "pistoleta " + tag();
        Actors.admin(() -> reference.saveFirearmType(new FirearmType(flare.code(), flare.nameEn(), flare.nameSq(),
                flare.nameSr(), flare.category(), append(flare.aliases(), spelling), false), "local spelling"));
        assertThat(reference.resolveFirearmType(spelling)).map(FirearmType::code).contains("PISTOL");

        // Antarctica: no test's weapon comes from there.
        Country aq = reference.country("AQ").orElseThrow();
        Actors.admin(() -> reference.saveCountry(new Country("AQ", "Antarctica (test)", "Antarktida (test)",
                "Antarktik (test)", List.of("Terra Australis " + tag())), "names as the partner's forms write them"));
        assertThat(reference.country("AQ")).hasValueSatisfying(c -> {
            assertThat(c.nameSq()).isEqualTo("Antarktida (test)");
            assertThat(c.nameSr()).isEqualTo("Antarktik (test)");
        });
        assertThat(reference.countryName("AQ", ReferenceDataImport.ALBANIAN)).isEqualTo("Antarktida (test)");
        assertThat(reference.resolveCountry(reference.country("AQ").orElseThrow().aliases().getFirst()))
                .map(Country::code).contains("AQ");
        assertThat(Actors.admin(() -> reference.history(ReferenceKind.COUNTRY, "AQ"))).last()
                .satisfies(r -> assertThat(r.before()).contains("nameSq=" + aq.nameSq()));
        Actors.admin(() -> reference.saveCountry(aq, "back to the CLDR names"));
    }

    @Test
    void models_belong_to_one_manufacturer_and_resolve_by_their_spellings_through_any_spelling_of_the_make() {
        String code = "MM" + tag();
        Actors.admin(() -> reference.saveManufacturer(new Manufacturer(code, "Model Maker " + code, "RS",
                List.of("MMK-" + code), "MANUFACTURER", false), "test maker"));
        FirearmModel m70 = Actors.admin(() -> reference.saveModel(new FirearmModel(null, code, "M70",
                List.of("M 70", "M70A"), false), "the maker's pistol"));

        assertThat(reference.models(code)).containsExactly(m70);
        assertThat(reference.resolveModel("MMK-" + code, "m-70")).contains(m70);
        assertThat(reference.resolveModel("ZASTAVA", "M70A").map(FirearmModel::id)).isEmpty();
        assertThatThrownBy(() -> Actors.admin(() -> reference.saveModel(new FirearmModel(null, code, "M70 AB",
                List.of("M70A"), false), "collision"))).isInstanceOf(IllegalArgumentException.class);
        Firearm weapon = Actors.admin(() -> registry.register(NewFirearms.newFirearm().type("pistol").make(code)
                .model("M70").calibre("7.65 Browning").serial("MD" + code).build(),
                new Provenance("test", Provenance.Confidence.HIGH)));
        assertThat(Actors.analyst(() -> search.search(new SerialQuery("MD" + code, code, null, null, 5,
                SerialQuery.Mode.TOLERANT, "m 70 a")))).filteredOn(h -> h.firearm().id().equals(weapon.id()))
                .singleElement().satisfies(h -> assertThat(h.reasons()).contains(MatchReason.of("model-matches", "M70")));
        try (var s = driver.session()) {
            assertThat(s.run("MATCH (:FirearmModel {id: $id})-[:MODEL_OF]->(o:Organisation) RETURN o.code AS c",
                    java.util.Map.of("id", m70.id())).single().get("c").asString()).isEqualTo(code);
        }
    }

    @Test
    void an_edit_whose_transaction_rolls_back_leaves_no_spelling_behind_in_search_or_import() {
        String code = "TX" + tag();
        Actors.admin(() -> reference.saveManufacturer(new Manufacturer(code, "Rollback Maker " + code, "RS",
                List.of(), "MANUFACTURER", false), "test maker"));
        Actors.admin(() -> new TransactionTemplate(transactions).execute(status -> {
            var saved = reference.saveManufacturer(new Manufacturer(code, "Rollback Maker " + code, "RS",
                    List.of("Rollbackworks " + code), "MANUFACTURER", false), "a spelling the caller then abandons");
            assertThat(saved.aliases()).containsExactly("Rollbackworks " + code);
            status.setRollbackOnly(); // e.g. a later step of the same request failed
            return saved;
        }));

        assertThat(reference.resolveManufacturer("Rollbackworks " + code)).isEmpty();
        assertThat(reference.resolveManufacturer(code)).map(Manufacturer::aliases).contains(List.of());
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT).replace('-', '0');
    }

    private static List<String> append(List<String> list, String more) {
        var all = new ArrayList<>(list);
        all.add(more);
        return all;
    }

    private long count() {
        try (var s = driver.session()) {
            return s.run("MATCH (n) WHERE n:Country OR n:Calibre OR n:FirearmType OR n:Organisation RETURN count(n) AS n")
                    .single().get("n").asLong();
        }
    }
}
