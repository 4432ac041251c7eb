package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SerialComparisonTest {

    @Test
    void identical_serials_cost_nothing_and_need_no_reason() {
        assertThat(SerialComparison.of("AB12345", "AB12345")).isEqualTo(new SerialComparison(0, 0, List.of()));
    }

    @Test
    void a_confusion_is_cheap_and_explained_with_its_position() {
        var c = SerialComparison.of("AB5123", "ABS123");

        assertThat(c.cost()).isEqualTo(SerialComparison.CONFUSION_COST);
        assertThat(c.edits()).isZero();
        assertThat(c.english()).containsExactly("S read as 5 at position 3");
    }

    @Test
    void a_dropped_character_is_one_edit_named_by_what_is_missing() {
        var c = SerialComparison.of("AB1245", "AB12345");

        assertThat(c.edits()).isEqualTo(1);
        assertThat(c.english()).containsExactly("'3' missing at position 5");
    }

    @Test
    void a_doubled_character_is_one_edit() {
        var c = SerialComparison.of("AB123345", "AB12345");

        assertThat(c.edits()).isEqualTo(1);
        assertThat(c.english()).hasSize(1).first().asString().startsWith("doubled '3'");
        assertThat(c.cost()).isEqualTo(SerialComparison.DOUBLED_COST);
    }

    @Test
    void swapped_neighbours_are_one_edit() {
        var c = SerialComparison.of("AB13245", "AB12345");

        assertThat(c.edits()).isEqualTo(1);
        assertThat(c.english()).containsExactly("'23' swapped at positions 4–5");
    }

    @Test
    void unreadable_positions_match_anything_for_free() {
        var c = SerialComparison.of("AB?23?5", "AB12345");

        assertThat(c.cost()).isZero();
        assertThat(c.english()).containsExactly("position 3 unreadable (registered '1')",
                "position 6 unreadable (registered '4')");
    }

    @Test
    void two_confusions_and_a_drop_add_up_and_keep_reading_order() {
        var c = SerialComparison.of("8Z1245", "B212345");

        assertThat(c.edits()).isEqualTo(1);
        assertThat(c.cost()).isEqualTo(SerialComparison.DROP_COST + 2 * SerialComparison.CONFUSION_COST);
        assertThat(c.english()).containsExactly("B read as 8 at position 1", "2 read as Z at position 2",
                "'3' missing at position 5");
    }

    @Test
    void an_extra_character_that_repeats_no_neighbour_is_a_full_edit() {
        var c = SerialComparison.of("AB1X2345", "AB12345");

        assertThat(c.cost()).isEqualTo(1);
        assertThat(c.english()).containsExactly("extra 'X' after position 3");
    }

    @Test
    void a_drop_and_a_swap_rank_before_two_edits_that_change_a_character() {
        // 123456 read with '12' swapped and '5' dropped; 913461 is also two edits from the reading,
        // but one of them is an arbitrary change, which misreading rarely produces.
        var likely = SerialComparison.of("21346", "123456");
        var unlikely = SerialComparison.of("21346", "913461");

        assertThat(likely.edits()).isEqualTo(2);
        assertThat(unlikely.edits()).isEqualTo(2);
        assertThat(likely.cost()).isLessThan(unlikely.cost());
        assertThat(likely.english()).containsExactly("'12' swapped at positions 1–2", "'5' missing at position 5");
    }

    @Test
    void a_different_character_that_is_not_a_known_confusion_is_a_full_edit() {
        var c = SerialComparison.of("AB1X345", "AB12345");

        assertThat(c.edits()).isEqualTo(1);
        assertThat(c.english()).containsExactly("'X' instead of '2' at position 4");
        assertThat(c.similarity(7, 7)).isCloseTo(6.0 / 7, Offset.offset(1e-9));
    }

    @Test
    void a_star_takes_in_any_number_of_characters_at_no_cost_and_says_which() {
        var three = SerialComparison.of("AB*45", "AB12345");
        var none = SerialComparison.of("AB1*2345", "AB12345");
        var withTypo = SerialComparison.of("AB*4X", "AB12345");

        assertThat(three.cost()).isZero();
        assertThat(three.english()).containsExactly("positions 3–5 unreadable (registered '123')");
        assertThat(none.cost()).isZero();
        assertThat(none.english()).isEmpty();
        assertThat(withTypo.edits()).isEqualTo(1);
        assertThat(withTypo.english()).contains("'X' instead of '5' at position 7");
    }
}
