package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.security.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

@ArmsTraceTest
class ManufacturerMergesTests {

    @Autowired
    ManufacturerMerges merges;
    @Autowired
    ReferenceData reference;
    @Autowired
    FirearmRegistry registry;
    @Autowired
    SerialSearch search;
    @Autowired
    AuditLog audit;
    @Autowired
    Neo4jClient neo4j;

    static final Provenance DESK = new Provenance("test", Provenance.Confidence.HIGH);

    @Test
    void a_maker_entered_twice_is_merged_weapons_models_and_spellings_move_and_it_stays_marked_with_both_histories() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT).replace('-', '0');
        String kept = "KZ" + tag;
        String twice = "CZK" + tag;
        Actors.admin(() -> reference.saveManufacturer(new Manufacturer(kept, "Kept Zastava " + tag, "RS",
                List.of("KZA " + tag), "MANUFACTURER", false), "test maker"));
        Actors.admin(() -> reference.saveManufacturer(new Manufacturer(twice, "Crvena Kept " + tag, "RS",
                List.of("CK " + tag), "MANUFACTURER", false), "entered again by another clerk"));
        FirearmModel m70 = Actors.admin(() -> reference.saveModel(new FirearmModel(null, kept, "M70", List.of(), false), "m"));
        FirearmModel sameM70 = Actors.admin(() -> reference.saveModel(new FirearmModel(null, twice, "M 70",
                List.of("M70 AP"), false), "m"));
        FirearmModel m57 = Actors.admin(() -> reference.saveModel(new FirearmModel(null, twice, "M57", List.of(), false), "m"));
        Firearm weapon = Actors.admin(() -> registry.register(NewFirearms.newFirearm().type("pistol")
                .make("CK " + tag).model("M57").calibre("7.62x25").serial("MRG" + tag).build(), DESK));
        assertThat(weapon.makeCode()).isEqualTo(twice);

        var merged = Actors.admin(() -> merges.merge(twice, kept, "the same factory in Kragujevac"));

        assertThat(merged.weapons()).isEqualTo(1);
        assertThat(merged.models()).isEqualTo(2);
        assertThat(merged.survivor().aliases()).containsExactly("KZA " + tag, "Crvena Kept " + tag, twice, "CK " + tag);
        for (String spelling : List.of(twice, "Crvena Kept " + tag, "CK " + tag)) {
            assertThat(reference.resolveManufacturer(spelling)).map(Manufacturer::code).contains(kept);
        }
        assertThat(reference.manufacturers()).extracting(Manufacturer::code).contains(kept).doesNotContain(twice);
        assertThat(Actors.analyst(() -> registry.find(weapon.id())).orElseThrow().makeCode()).isEqualTo(kept);
        assertThat(Actors.analyst(() -> search.search(new SerialQuery("MRG" + tag, "Crvena Kept " + tag, null, null, 5))))
                .filteredOn(h -> h.firearm().id().equals(weapon.id())).singleElement().satisfies(h -> {
                    assertThat(h.reasons()).contains(MatchReason.of("make-matches", "Kept Zastava " + tag));
                });
        // A typo and an unreadable position: the serial keys scoped to the maker followed the weapon.
        assertThat(Actors.analyst(() -> search.search(new SerialQuery("MRG" + tag.substring(1), "Kept Zastava " + tag, null, null, 5))))
                .extracting(h -> h.firearm().id()).contains(weapon.id());
        assertThat(Actors.analyst(() -> search.search(new SerialQuery("MR?" + tag, "Kept Zastava " + tag, null, null, 5))))
                .extracting(h -> h.firearm().id()).contains(weapon.id());
        assertThat(neo4j.query("""
                        MATCH (f:Firearm {id: $id})-[:MADE_BY]->(o:Organisation) RETURN collect(o.code) AS makers
                        """).bind(weapon.id()).to("id").fetch().one().orElseThrow().get("makers"))
                .isEqualTo(List.of(kept));

        // Models: M57 moved; the second M70 joined the survivor's M70 and is kept, marked.
        assertThat(reference.models(kept)).extracting(FirearmModel::id).containsExactlyInAnyOrder(m70.id(), m57.id());
        assertThat(reference.resolveModel(kept, "M70 AP").map(FirearmModel::id)).contains(m70.id());
        assertThat(reference.models(twice)).isEmpty();

        Map<String, Object> record = neo4j.query("""
                        MATCH (o:Organisation {id: 'MANUFACTURER:' + $code})
                        RETURN o.mergedInto AS into, o.retired AS retired, o.name AS name,
                               EXISTS { (o)-[:MERGED_INTO]->(:Organisation {code: $kept}) } AS linked,
                               COLLECT { MATCH (m:FirearmModel {id: $model}) RETURN m.mergedInto }[0] AS modelInto
                        """).bindAll(Map.of("code", twice, "kept", kept, "model", sameM70.id())).fetch().one().orElseThrow();
        assertThat(record).containsEntry("into", kept).containsEntry("retired", true)
                .containsEntry("name", "Crvena Kept " + tag).containsEntry("linked", true)
                .containsEntry("modelInto", m70.id());

        String why = "merged " + twice + " into " + kept + ": the same factory in Kragujevac";
        assertThat(Actors.admin(() -> reference.history(ReferenceKind.MANUFACTURER, twice))).last()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(why));
        assertThat(Actors.admin(() -> reference.history(ReferenceKind.MANUFACTURER, kept))).last()
                .satisfies(r -> {
                    assertThat(r.reason()).isEqualTo(why);
                    assertThat(r.before()).contains("aliases=[KZA " + tag + "]");
                });
        assertThat(Actors.admin(() -> audit.page(0, 5, "admin", "reference.merged")))
                .anySatisfy(e -> assertThat(e.entities()).containsExactly("Organisation:" + twice, "Organisation:" + kept));
    }

    @Test
    void only_administrators_merge_and_a_maker_is_not_merged_into_itself() {
        assertThatThrownBy(() -> Actors.analyst(() -> merges.merge("ZASTAVA", "CZ", "no")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Actors.admin(() -> merges.merge("ZASTAVA", "ZASTAVA", "typo")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(reference.resolveManufacturer("ZASTAVA")).isPresent();
    }
}
