package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonNamesTest {

    @ParameterizedTest(name = "{0} and {1} share a key")
    @CsvSource({
            "Gashi, Gaši", "Gashi, Gasi", "Xhemajl, Džemajl", "Xhemajl, Dzemajl", "Đorđević, Djordjevic",
            "Ђорђевић, Djordjević", "Ђорђевић, Gjorgjeviq", "Шабани, Shabani", "Rrahmani, Rahmani",
            "Ymeri, Imeri", "Krasniqi, Krasnići", "Krasniqi, Красничи", "Hoxha, Hodža", "Çeku, Čeku", "Ljubiša, Љубиша",
    })
    void spellings_of_one_name_in_both_languages_and_scripts_share_a_key(String a, String b) {
        assertThat(PersonNames.fold(a)).isEqualTo(PersonNames.fold(b));
    }

    @ParameterizedTest(name = "{0} and {1} stay apart")
    @CsvSource({"Gashi, Gashti", "Berisha, Bytyqi", "Petrović, Petković", "Marko, Marija"})
    void different_names_keep_different_keys(String a, String b) {
        assertThat(PersonNames.fold(a)).isNotEqualTo(PersonNames.fold(b));
    }

    @Test
    void a_name_written_in_cyrillic_for_synthetic_extracts_reads_back_as_the_same_latin_name() {
        assertThat(PersonNames.cyrillic("Đorđe Džajić Ljubica Njegoš")).isEqualTo("Ђорђе Џајић Љубица Његош");
        assertThat(PersonNames.latin(PersonNames.cyrillic("Ćirić Žarko"))).isEqualTo("Ćirić Žarko");
        assertThat(PersonNames.typedWithoutDiacritics("Đorđe Gaši Gëzim")).isEqualTo("Djordje Gasi Gezim");
    }

    @Test
    void serbian_cyrillic_is_shown_in_serbian_latin_not_a_generic_transliteration() {
        assertThat(PersonNames.latin("Ђорђе Џајић Љубица Његош")).isEqualTo("Đorđe Džajić Ljubica Njegoš");
        assertThat(PersonNames.latin("Agim Gashi")).isEqualTo("Agim Gashi");
    }

    @Test
    void keys_split_the_words_of_all_parts_and_drop_punctuation_digits_and_emoji() {
        assertThat(PersonNames.keys("Ana-Marija", "O'Brien 😀 42", null)).containsExactly("ana", "marija", "o", "brien");
        assertThat(PersonNames.keys("  ", "🔫")).isEmpty();
    }
}
