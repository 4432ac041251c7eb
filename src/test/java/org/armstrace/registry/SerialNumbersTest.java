package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SerialNumbersTest {

    @Test
    void separators_case_and_full_width_digits_do_not_change_the_key() {
        assertThat(SerialNumbers.normalise(" ab-12 34.5/6_7 ")).isEqualTo("AB1234567");
        assertThat(SerialNumbers.normalise("ＡＢ１２")).isEqualTo("AB12");
    }

    @Test
    void cyrillic_letters_that_look_latin_become_latin() {
        assertThat(SerialNumbers.normalise("МН-АВЕ 1234")).isEqualTo("MHABE1234");
        assertThat(SerialNumbers.normalise("ТХ0РС")).isEqualTo("TX0PC");
    }

    @Test
    void a_question_mark_is_one_unreadable_position_and_a_star_a_run_of_any_length() {
        assertThat(SerialNumbers.normalise("AB*12?4")).isEqualTo("AB*12?4");
        assertThat(SerialNumbers.normalise("AB**-*12")).as("a run of stars is one run").isEqualTo("AB*12");
        assertThat(SerialNumbers.isPartial("AB?12")).isTrue();
        assertThat(SerialNumbers.isPartial("AB*12")).isTrue();
        assertThat(SerialNumbers.readableLength("AB?12")).isEqualTo(4);
        assertThat(SerialNumbers.readableLength("AB*12?")).isEqualTo(4);
    }

    @Test
    void control_characters_emoji_and_cypher_text_leave_only_serial_characters() {
        assertThat(SerialNumbers.normalise("A\u0000B\u202E1😀2")).isEqualTo("AB12");
        assertThat(SerialNumbers.normalise("' OR 1=1 //")).isEqualTo("OR11");
        assertThat(SerialNumbers.normalise(null)).isEmpty();
    }

    @Test
    void a_huge_input_is_cut_to_a_bounded_key() {
        assertThat(SerialNumbers.normalise("9".repeat(10_000))).hasSizeLessThanOrEqualTo(SerialNumbers.MAX_LENGTH + 1);
    }

    @Test
    void confusable_characters_fold_to_one_key() {
        assertThat(SerialNumbers.fold("S0I2B6")).isEqualTo(SerialNumbers.fold("5O128G"));
        assertThat(SerialNumbers.fold("DQO0")).isEqualTo("0000");
        assertThat(SerialNumbers.fold("XY")).isEqualTo("XY");
        assertThat(SerialNumbers.confusable('Z', '2')).isTrue();
        assertThat(SerialNumbers.confusable('Z', '3')).isFalse();
    }

    @Test
    void serials_within_two_edits_always_share_a_neighbourhood_token() {
        var random = new Random(7);
        String alphabet = "ACFHJKMNPRTUWXY0123456789";
        for (int trial = 0; trial < 2_000; trial++) {
            var key = new StringBuilder();
            for (int i = 0, n = 4 + random.nextInt(8); i < n; i++) {
                key.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String original = key.toString();
            for (int edit = 0; edit < 2; edit++) {
                int p = random.nextInt(key.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(4)) {
                    case 0 -> key.setCharAt(p, c);
                    case 1 -> key.insert(p, c);
                    case 2 -> { if (key.length() > 2) key.deleteCharAt(p); }
                    default -> { if (p + 1 < key.length()) { char t = key.charAt(p); key.setCharAt(p, key.charAt(p + 1)); key.setCharAt(p + 1, t); } }
                }
            }
            var shared = new HashSet<>(SerialNumbers.neighbourhood(original));
            shared.retainAll(SerialNumbers.neighbourhood(key.toString()));
            assertThat(shared).as("%s vs %s", original, key).isNotEmpty();
        }
    }

    @Test
    void the_neighbourhood_is_every_subsequence_left_by_deleting_up_to_two_characters_and_never_all() {
        var random = new Random(11);
        for (int trial = 0; trial < 3_000; trial++) {
            var key = new StringBuilder();
            // A small alphabet, so that runs of one character (which give the same deletion twice) are common.
            for (int i = 0, n = random.nextInt(26); i < n; i++) {
                key.append("AB0".charAt(random.nextInt(3)));
            }
            String k = key.toString();
            int deletions = k.length() > SerialNumbers.TWO_EDIT_MAX_LENGTH ? 1 : 2;
            var expected = new HashSet<String>();
            subsequences(k, 0, "", deletions, Math.max(Math.min(1, k.length()), k.length() - deletions), expected);

            assertThat(SerialNumbers.neighbourhood(k)).as(k).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** Every subsequence of {@code key} from {@code at} on with at most {@code skips} characters left out and at least {@code min} long. */
    private static void subsequences(String key, int at, String kept, int skips, int min, Set<String> into) {
        if (at == key.length()) {
            if (kept.length() >= min) {
                into.add(kept);
            }
            return;
        }
        subsequences(key, at + 1, kept + key.charAt(at), skips, min, into);
        if (skips > 0) {
            subsequences(key, at + 1, kept, skips - 1, min, into);
        }
    }
}
