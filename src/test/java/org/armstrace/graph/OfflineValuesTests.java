package org.armstrace.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain JUnit: the column type and the cell text of each value the offline load writes. */
class OfflineValuesTests {

    @Test
    void numbers_are_typed_as_cypher_stores_them_and_lists_and_arrays_as_their_elements() {
        assertThat(OfflineValues.type("n", 3)).isEqualTo("long");
        assertThat(OfflineValues.type("n", 1.5f)).isEqualTo("double");
        assertThat(OfflineValues.type("d", LocalDate.of(2024, 2, 29))).isEqualTo("date");
        assertThat(OfflineValues.type("l", List.of("a", "b"))).isEqualTo("string[]");
        assertThat(OfflineValues.type("a", new long[]{1, 2})).isEqualTo("long[]");
        assertThat(OfflineValues.type("t", Duration.ofHours(2))).isEqualTo("duration");
    }

    @Test
    void a_list_is_one_cell_joined_by_the_array_delimiter_and_times_keep_their_zone() {
        assertThat(OfflineValues.text("l", List.of("a", "b"))).isEqualTo("a" + OfflineLoad.ARRAY_DELIMITER + "b");
        assertThat(OfflineValues.text("t", LocalDateTime.of(2024, 1, 2, 3, 4, 5))).isEqualTo("2024-01-02T03:04:05.000000000");
        assertThat(OfflineValues.text("z", ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)))
                .isEqualTo("2024-01-02T03:04:05.000000000+00:00");
        assertThat(OfflineValues.text("z", ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneId.of("Europe/Belgrade"))))
                .isEqualTo("2024-01-02T03:04:05.000000000+01:00[Europe/Belgrade]");
    }

    @Test
    void empty_and_blank_lists_are_told_apart_from_values_and_an_unknown_type_or_a_delimiter_is_refused() {
        assertThat(OfflineValues.isEmptyList(List.of())).isTrue();
        assertThat(OfflineValues.isEmptyList(new String[0])).isTrue();
        assertThat(OfflineValues.isBlankList(List.of(""))).isTrue();
        assertThat(OfflineValues.isBlankList("")).isFalse();
        assertThatThrownBy(() -> OfflineValues.type("x", new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(x)");
        assertThatThrownBy(() -> OfflineValues.text("l", List.of("a" + OfflineLoad.ARRAY_DELIMITER)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
