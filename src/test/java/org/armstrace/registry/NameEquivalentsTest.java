package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameEquivalentsTest {

    @Test
    void one_name_in_albanian_serbian_and_cyrillic_belongs_to_one_group() {
        assertThat(NameEquivalents.equivalent(PersonNames.fold("Gjergj"), PersonNames.fold("Георгије"))).isTrue();
        assertThat(NameEquivalents.equivalent(PersonNames.fold("Đorđe"), PersonNames.fold("Gjergji"))).isTrue();
        assertThat(NameEquivalents.equivalent(PersonNames.fold("Gjon"), PersonNames.fold("Јован"))).isTrue();
        assertThat(NameEquivalents.equivalent(PersonNames.fold("Gjon"), PersonNames.fold("Gjergj"))).isFalse();
    }

    @Test
    void the_order_free_name_key_is_the_same_for_swapped_names_a_middle_name_a_short_form_and_cyrillic() {
        String key = PersonNames.blocks("Shpend", "Gashi", null).pair();
        assertThat(PersonNames.blocks("Gashi", "Shpend", java.time.LocalDate.of(1982, 6, 11)).pair()).isEqualTo(key);
        assertThat(PersonNames.blocks("Shpend Agim", "Gashi", null).pair()).isEqualTo(key);
        assertThat(PersonNames.blocks("Гаши", "Шпенд", null).pair()).isEqualTo(key);
        assertThat(PersonNames.blocks("Jovan", "Gjoka", null).pair()).isEqualTo(PersonNames.blocks("Gjon", "Gjoka", null).pair());
    }
}
