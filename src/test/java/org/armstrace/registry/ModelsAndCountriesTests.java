package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/** Models and countries as people write them, resolved the same way by the desk, the field and the import. */
@ArmsTraceTest
class ModelsAndCountriesTests {

    @Autowired
    ReferenceData reference;
    @Autowired
    FirearmRegistry registry;
    @Autowired
    ManufacturerMerges merges;
    @Autowired
    Neo4jClient neo4j;

    static final Provenance DESK = new Provenance("test", Provenance.Confidence.HIGH);

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT).replace('-', '0');
    }

    private String maker(String code) {
        Actors.admin(() -> reference.saveManufacturer(new Manufacturer(code, "Models Maker " + code, "RS",
                List.of("MMA " + code), "MANUFACTURER", false), "test maker"));
        return code;
    }

    private Map<String, Object> stored(String id) {
        return neo4j.query("""
                        MATCH (f:Firearm {id: $id})
                        RETURN f.model AS model, f.modelId AS modelId, f.modelAsRead AS modelAsRead,
                               f.countryOfManufacture AS country
                        """).bind(id).to("id").fetch().one().orElseThrow();
    }

    @Test
    void countries_are_recognised_by_the_spellings_registry_extracts_and_officers_write() {
        assertThat(reference.resolveCountry("Kosova")).map(Country::code).contains("XK");
        assertThat(reference.resolveCountry("Srbija")).map(Country::code).contains("RS");
        assertThat(reference.resolveCountry("Germany")).map(Country::code).contains("DE");
        assertThat(reference.resolveCountry("Deutschland")).map(Country::code).contains("DE");
        assertThat(reference.resolveCountry("BiH")).map(Country::code).contains("BA");
        assertThat(reference.resolveCountry("de")).map(Country::code).contains("DE");
        assertThat(reference.resolveCountry("Ruritania")).isEmpty();
    }

    @Test
    void a_weapon_written_with_a_spelling_of_a_known_model_is_stored_under_the_model_and_keeps_the_spelling() {
        String code = maker("MC" + tag());
        FirearmModel m70 = Actors.admin(() -> reference.saveModel(new FirearmModel(null, code, "M70",
                List.of("M 70 A", "M70A"), false), "the maker's pistol"));

        Firearm spelled = Actors.admin(() -> registry.register(NewFirearms.newFirearm().type("pistol")
                .make("MMA " + code).model("m70a").calibre("7.65 Browning").serial("MS" + code).country("Kosova")
                .build(), DESK));
        Firearm unknown = Actors.admin(() -> registry.register(NewFirearms.newFirearm().type("pistol")
                .make(code).model("M99 Special").serial("MU" + code).country("Ruritania").build(), DESK));

        assertThat(spelled.model()).isEqualTo("M70");
        assertThat(stored(spelled.id())).containsEntry("modelId", m70.id()).containsEntry("modelAsRead", "m70a")
                .containsEntry("country", "XK");
        assertThat(unknown.model()).isEqualTo("M99 Special");
        assertThat(stored(unknown.id())).containsEntry("modelId", null).containsEntry("modelAsRead", null)
                .containsEntry("country", "Ruritania");
    }

    @Test
    void the_model_pick_list_offers_the_makers_active_models_by_any_spelling_and_an_edit_at_once() {
        String code = maker("MP" + tag());
        FirearmModel zolja = Actors.admin(() -> reference.saveModel(new FirearmModel(null, code, "Zolja",
                List.of("Z-9"), false), "m"));
        Actors.admin(() -> reference.saveModel(new FirearmModel(null, code, "Old One", List.of(), true), "retired"));

        assertThat(reference.suggestModels("MMA " + code, "")).extracting(FirearmModel::name).containsExactly("Zolja");
        assertThat(reference.suggestModels(code, "z 9")).extracting(FirearmModel::name).containsExactly("Zolja");
        assertThat(reference.suggestModels(null, "z")).isEmpty();
        assertThat(reference.suggestModels(code, "Wasp")).isEmpty();

        Actors.admin(() -> reference.saveModel(new FirearmModel(zolja.id(), code, "Zolja", List.of("Z-9", "Wasp"),
                false), "the export name"));
        assertThat(reference.suggestModels(code, "wasp")).extracting(FirearmModel::name).containsExactly("Zolja");
        assertThat(reference.modelName(code, "WASP")).isEqualTo("Zolja");
        assertThat(reference.modelName(code, "Hornet")).isEqualTo("Hornet");
    }

    @Test
    void a_correction_to_a_spelling_of_the_model_the_weapon_has_changes_nothing_and_keeps_the_first_spelling() {
        String code = maker("MK" + tag());
        Actors.admin(() -> reference.saveModel(new FirearmModel(null, code, "M57", List.of("M 57"), false), "m"));
        Firearm f = Actors.admin(() -> registry.register(NewFirearms.newFirearm().type("pistol").make(code)
                .model("M 57").serial("MK" + code).build(), DESK));

        Actors.admin(() -> registry.correct(f.id(), new FirearmRegistry.Correction(null, null, null, null, null,
                null, 1967), "year from the invoice", DESK));

        assertThat(stored(f.id())).containsEntry("model", "M57").containsEntry("modelAsRead", "M 57");
    }

    @Test
    void each_weapon_a_merge_moves_gets_a_version_saying_its_maker_changed_by_the_merge() {
        String tag = tag();
        String kept = maker("MK" + tag + "K");
        String twice = maker("MT" + tag + "T");
        Firearm weapon = Actors.admin(() -> registry.register(NewFirearms.newFirearm().type("pistol").make(twice)
                .model("M57").serial("MV" + tag).build(), DESK));

        Actors.admin(() -> merges.merge(twice, kept, "one factory"));

        List<RecordVersion> history = Actors.analyst(() -> registry.history(weapon.id()));
        assertThat(history).extracting(RecordVersion::version).containsExactly(1, 2);
        RecordVersion merged = history.getLast();
        assertThat(merged.reason()).isEqualTo("merged " + twice + " into " + kept + ": one factory");
        assertThat(merged.before()).containsExactly("maker=Models Maker " + twice);
        assertThat(merged.after()).containsExactly("maker=Models Maker " + kept);
        assertThat(merged.by()).isEqualTo(Actors.ADMIN);
        Firearm now = Actors.analyst(() -> registry.find(weapon.id())).orElseThrow();
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.source()).as("the record's own provenance stays").isEqualTo("test");
    }
}
