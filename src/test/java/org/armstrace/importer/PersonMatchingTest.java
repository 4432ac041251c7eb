package org.armstrace.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.armstrace.importer.PersonMatching.Decision;
import org.armstrace.registry.NewPeople;
import org.junit.jupiter.api.Test;

class PersonMatchingTest {

    static PersonMatching.Side side(String given, String family, String parent, String born, String place, String nid) {
        return PersonMatching.Side.of(NewPeople.newPerson(given, family).parent(parent)
                .born(born == null ? null : LocalDate.parse(born)).bornIn(place).nationalId(nid).build());
    }

    static Decision decide(PersonMatching.Side a, PersonMatching.Side b) {
        return PersonMatching.compare(a, b).decision();
    }

    @Test
    void the_same_name_in_cyrillic_and_latin_with_the_same_birth_date_is_the_same_person() {
        assertThat(decide(side("Đorđe", "Đorđević", "Milan", "1971-03-14", "Zveçan", null),
                side("Ђорђе", "Ђорђевић", "Милан", "1971-03-14", "Звечан", null))).isEqualTo(Decision.SAME);
        assertThat(decide(side("Dzemajl", "Gashi", null, "1965-01-02", null, null),
                side("Xhemajl", "Gaši", null, "1965-01-02", null, null))).isEqualTo(Decision.SAME);
    }

    @Test
    void namesakes_born_on_different_days_are_different_people() {
        assertThat(decide(side("Agim", "Gashi", "Naim", "1971-03-14", "Prizren", null),
                side("Agim", "Gashi", "Ramë", "1984-07-02", "Pejë", null))).isEqualTo(Decision.DIFFERENT);
    }

    @Test
    void different_personal_numbers_outweigh_identical_names_and_dates() {
        assertThat(decide(side("Agim", "Gashi", null, "1971-03-14", null, "1403971123456"),
                side("Agim", "Gashi", null, "1971-03-14", null, "1403971999999"))).isEqualTo(Decision.DIFFERENT);
    }

    @Test
    void the_same_personal_number_with_another_name_is_for_an_analyst() {
        assertThat(decide(side("Agim", "Gashi", null, null, null, "1403971123456"),
                side("Drita", "Morina", null, null, null, "1403971123456"))).isEqualTo(Decision.REVIEW);
    }

    @Test
    void a_typo_in_the_given_name_with_everything_else_equal_is_the_same_person() {
        assertThat(decide(side("Nenad", "Stojanović", "Goran", "1980-05-06", "Gjilan", null),
                side("Neand", "Stojanović", "Goran", "1980-05-06", "Gjilan", null))).isEqualTo(Decision.SAME);
    }

    @Test
    void day_and_month_swapped_with_only_the_names_to_go_by_is_for_an_analyst() {
        assertThat(decide(side("Milica", "Ilić", null, "1978-03-08", null, null),
                side("Milica", "Ilić", null, "1978-08-03", null, null))).isEqualTo(Decision.REVIEW);
    }

    @Test
    void twins_share_everything_but_their_given_names() {
        assertThat(decide(side("Arben", "Krasniqi", "Ilir", "1990-02-02", "Ferizaj", null),
                side("Besnik", "Krasniqi", "Ilir", "1990-02-02", "Ferizaj", null))).isEqualTo(Decision.DIFFERENT);
    }

    @Test
    void dates_one_digit_apart_or_with_day_and_month_swapped_are_near() {
        assertThat(PersonMatching.nearDate(LocalDate.of(1971, 3, 14), LocalDate.of(1971, 3, 15))).isTrue();
        assertThat(PersonMatching.nearDate(LocalDate.of(1971, 3, 4), LocalDate.of(1971, 4, 3))).isTrue();
        assertThat(PersonMatching.nearDate(LocalDate.of(1971, 3, 14), LocalDate.of(1917, 3, 14))).isTrue();
        assertThat(PersonMatching.nearDate(LocalDate.of(1971, 3, 14), LocalDate.of(1981, 4, 14))).isFalse();
        assertThat(PersonMatching.nearDate(LocalDate.of(1971, 3, 14), LocalDate.of(1971, 3, 27))).isFalse();
    }
}
