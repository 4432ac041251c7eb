package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.armstrace.registry.PersonMatching.Decision;
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
    void twins_share_everything_but_their_given_names_and_are_never_merged_automatically() {
        // Twins and a nickname missing from the name list look alike: an analyst tells them apart.
        assertThat(decide(side("Arben", "Krasniqi", "Ilir", "1990-02-02", "Ferizaj", null),
                side("Besnik", "Krasniqi", "Ilir", "1990-02-02", "Ferizaj", null))).isEqualTo(Decision.REVIEW);
    }

    @Test
    void family_name_written_first_is_the_same_person_in_latin_and_in_cyrillic() {
        var written = side("Shpend", "Gashi", null, "1982-06-11", "Prishtinë", null);
        PersonMatching.Comparison swapped = PersonMatching.compare(written,
                side("Gashi", "Shpend", null, "1982-06-11", "Prishtinë", null));
        assertThat(swapped.decision()).isEqualTo(Decision.SAME);
        assertThat(swapped.reasons()).contains("name-swapped", "given-equal", "family-equal", "born-equal");
        assertThat(decide(written, side("Гаши", "Шпенд", null, "1982-06-11", "Приштина", null))).isEqualTo(Decision.SAME);
    }

    @Test
    void a_missing_date_of_birth_with_name_and_place_agreeing_is_for_an_analyst_with_its_reasons() {
        PersonMatching.Comparison c = PersonMatching.compare(side("Shpend", "Gashi", null, "1982-06-11", "Prishtinë", null),
                side("Gashi", "Shpend", null, null, "Prishtinë", null));
        assertThat(c.decision()).isEqualTo(Decision.REVIEW);
        assertThat(c.reasons()).contains("name-swapped", "born-missing", "place-equal");
    }

    @Test
    void a_parents_name_in_the_middle_of_the_given_name_is_the_same_person() {
        PersonMatching.Comparison c = PersonMatching.compare(side("Shpend", "Gashi", "Agim", "1982-06-11", "Prishtinë", null),
                side("Shpend Agim", "Gashi", null, "1982-06-11", "Prishtinë", null));
        assertThat(c.decision()).isEqualTo(Decision.SAME);
        assertThat(c.reasons()).contains("given-equal", "parent-in-name");
        PersonMatching.Comparison noParent = PersonMatching.compare(side("Shpend", "Gashi", null, "1982-06-11", "Prishtinë", null),
                side("Shpend Agim", "Gashi", null, "1982-06-11", "Prishtinë", null));
        assertThat(noParent.decision()).isEqualTo(Decision.SAME);
        assertThat(noParent.reasons()).contains("given-extra-name");
        PersonMatching.Comparison both = PersonMatching.compare(side("Shpend", "Gashi", "Agim", "1982-06-11", null, null),
                side("Shpend Agim", "Gashi", "Agim", "1982-06-11", null, null));
        assertThat(both.reasons()).contains("given-equal", "parent-in-name");
        assertThat(both.decision()).isEqualTo(Decision.SAME);
    }

    @Test
    void albanian_and_serbian_forms_and_short_forms_of_one_given_name_are_the_same_person() {
        assertThat(decide(side("Gjergj", "Marku", null, "1975-04-23", "Prizren", null),
                side("Đorđe", "Marku", null, "1975-04-23", "Prizren", null))).isEqualTo(Decision.SAME);
        assertThat(decide(side("Gjergj", "Marku", null, "1975-04-23", "Prizren", null),
                side("Георгије", "Марку", null, "1975-04-23", "Призрен", null))).isEqualTo(Decision.SAME);
        assertThat(decide(side("Xhemajl", "Berisha", null, "1961-09-30", null, null),
                side("Džemail", "Beriša", null, "1961-09-30", null, null))).isEqualTo(Decision.SAME);
        PersonMatching.Comparison c = PersonMatching.compare(side("Gjon", "Gjoka", null, "1958-12-01", "Gjakovë", null),
                side("Jovan", "Gjoka", null, "1958-12-01", "Gjakovë", null));
        assertThat(c.decision()).isEqualTo(Decision.SAME);
        assertThat(c.reasons()).contains("given-variant");
    }

    @Test
    void a_date_of_birth_one_digit_off_or_with_day_and_month_swapped_merges_with_parent_and_place_and_is_reviewed_without() {
        assertThat(decide(side("Milica", "Ilić", "Zoran", "1978-03-08", "Gračanica", null),
                side("Milica", "Ilić", "Zoran", "1978-08-03", "Gračanica", null))).isEqualTo(Decision.SAME);
        assertThat(decide(side("Milica", "Ilić", "Zoran", "1978-03-18", "Gračanica", null),
                side("Milica", "Ilić", "Zoran", "1978-03-19", "Gračanica", null))).isEqualTo(Decision.SAME);
        assertThat(decide(side("Milica", "Ilić", null, "1978-03-18", "Gračanica", null),
                side("Milica", "Ilić", null, "1978-03-19", "Gračanica", null))).isEqualTo(Decision.REVIEW);
    }

    @Test
    void the_same_person_with_and_without_a_personal_number_is_the_same_person() {
        PersonMatching.Comparison c = PersonMatching.compare(side("Agim", "Gashi", "Naim", "1971-03-14", "Prizren", "1234567890"),
                side("Agim", "Gashi", "Naim", "1971-03-14", "Prizren", null));
        assertThat(c.decision()).isEqualTo(Decision.SAME);
        assertThat(c.reasons()).contains("nid-one-side");
    }

    @Test
    void a_typo_in_each_name_and_a_date_one_digit_off_is_for_an_analyst_not_merged() {
        // Each slip alone is a typo; all three at once are as likely cousins.
        assertThat(decide(side("Filaab", "Zvraab", "Agim", "1930-01-01", "Prizren", null),
                side("Filaac", "Zvraac", "Agim", "1930-01-06", "Prizren", null))).isNotEqualTo(Decision.SAME);
    }

    @Test
    void namesakes_of_one_town_born_on_different_days_are_different_people_and_not_queued() {
        assertThat(decide(side("Agim", "Gashi", null, "1971-03-14", "Prizren", null),
                side("Agim", "Gashi", null, "1984-07-02", "Prizren", null))).isEqualTo(Decision.DIFFERENT);
    }

    @Test
    void a_parents_name_that_is_the_other_records_given_name_does_not_make_father_and_son_one_person() {
        assertThat(decide(side("Shpend", "Gashi", "Agim", "1982-06-11", "Prishtinë", null),
                side("Agim", "Gashi", null, "1982-06-11", "Prishtinë", null))).isNotEqualTo(Decision.SAME);
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
