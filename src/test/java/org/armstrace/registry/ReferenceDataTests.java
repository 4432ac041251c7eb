package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.security.AuditLog;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

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

    @Test
    void every_iso_country_and_kosovo_are_named_in_the_three_languages() {
        assertThat(reference.countries()).hasSizeGreaterThanOrEqualTo(250);
        assertThat(reference.countries()).contains(new Country("XK", "Kosovo", "Kosovë", "Kosovo"));
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

    private long count() {
        try (var s = driver.session()) {
            return s.run("MATCH (n) WHERE n:Country OR n:Calibre OR n:FirearmType OR n:Organisation RETURN count(n) AS n")
                    .single().get("n").asLong();
        }
    }
}
