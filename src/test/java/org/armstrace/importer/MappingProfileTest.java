package org.armstrace.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MappingProfileTest {

    @Test
    void every_shipped_profile_parses_and_survives_a_round_trip() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("import/mappings"))) {
            List<Path> json = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertThat(json).hasSizeGreaterThanOrEqualTo(9);
            for (Path p : json) {
                MappingProfile m = MappingProfile.parse(Files.readString(p, StandardCharsets.UTF_8));
                assertThat(MappingProfile.parse(m.toJson())).isEqualTo(m);
                assertThat(p.getFileName().toString()).isEqualTo(m.name() + ".json");
            }
        }
    }

    @Test
    void a_broken_profile_is_refused_with_the_reason() {
        assertThatThrownBy(() -> MappingProfile.parse("{not json")).hasMessageStartingWith("import.profile.not-json");
        assertThatThrownBy(() -> MappingProfile.parse("""
                {"name": "x", "kind": "FIREARMS", "columns": [{"header": "Marka", "target": "firearm.make"}]}
                """)).hasMessage("import.profile.missing-targets: firearm.serial");
        assertThatThrownBy(() -> MappingProfile.parse("""
                {"name": "x", "kind": "PEOPLE", "columns": [{"header": "A", "target": "person.shoeSize"}]}
                """)).hasMessage("import.profile.unknown-target: person.shoeSize");
        assertThatThrownBy(() -> MappingProfile.parse("""
                {"name": "../etc", "kind": "PEOPLE", "columns": []}
                """)).hasMessageStartingWith("import.profile.bad-name");
        assertThatThrownBy(() -> MappingProfile.parse("""
                {"name": "x", "kind": "PEOPLE", "columns": [{"header": "N", "target": "person.fullName", "transforms": ["rot13"]}]}
                """)).hasMessage("import.profile.bad-transform: rot13");
        assertThatThrownBy(() -> MappingProfile.parse("""
                {"name": "x", "kind": "PEOPLE", "format": {"encoding": "klingon"},
                 "columns": [{"header": "N", "target": "person.fullName"}]}
                """)).hasMessage("import.profile.bad-encoding: klingon");
    }

    @Test
    void the_same_replacements_give_the_same_json_and_hash_whatever_order_they_were_given_in() {
        var forward = new LinkedHashMap<String, String>();
        var backward = new LinkedHashMap<String, String>();
        for (int i = 0; i < 20; i++) {
            forward.put("K" + i, "V" + i);
            backward.put("K" + (19 - i), "V" + (19 - i));
        }
        var a = new MappingProfile.Column("X", "licence.kind", List.of(), forward, null);
        var b = new MappingProfile.Column("X", "licence.kind", List.of(), backward, null);
        assertThat(List.copyOf(a.values().keySet())).isEqualTo(List.copyOf(b.values().keySet()));
        assertThat(List.copyOf(a.values().keySet())).isSorted();
    }

    @Test
    void transformations_apply_in_order_then_replacements_then_the_fallback() {
        var c = new MappingProfile.Column("X", "licence.kind", List.of("after:/", "upper"), Map.of("GJ", "HUNTING"), "POSSESSION");
        assertThat(Values.transform(c, "2020/gj")).isEqualTo("HUNTING");
        assertThat(Values.transform(c, "  ")).isEqualTo("POSSESSION");
        var part = new MappingProfile.Column("X", "person.givenName", List.of("part: :-1"), null, null);
        assertThat(Values.transform(part, "Gashi Agim")).isEqualTo("Agim");
        var digits = new MappingProfile.Column("X", "person.nationalId", List.of("digits"), null, null);
        assertThat(Values.transform(digits, "1403 971-123456")).isEqualTo("1403971123456");
    }

    @Test
    void dates_are_read_in_the_five_layouts_and_impossible_ones_are_not() {
        var f = Values.dateFormatters(List.of());
        for (String d : List.of("1971-03-14", "14.03.1971", "14.3.1971.", "14/03/1971", "14-3-1971", "19710314",
                "1971-03-14T00:00:00")) {
            assertThat(Values.date(d, f)).as(d).isEqualTo("1971-03-14");
        }
        assertThat(Values.date("31.02.1971", f)).isNull();
        assertThat(Values.date("14.03.71", f)).isNull(); // two-digit years are never guessed
    }
}
