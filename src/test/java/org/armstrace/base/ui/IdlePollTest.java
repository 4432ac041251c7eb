package org.armstrace.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdlePollTest {

    static final long MINUTE = Duration.ofMinutes(1).toMillis();

    @Test
    void polls_alone_for_the_whole_limit_end_the_sign_in() {
        var idle = new IdlePoll(Duration.ofMinutes(30), 6, 0);
        int id = 7;
        for (int minute = 1; minute < 30; minute++) {
            assertThat(idle.poll(id++, minute * MINUTE)).as("minute %d", minute).isTrue();
        }
        assertThat(idle.poll(id, 30 * MINUTE)).isFalse();
    }

    @Test
    void a_request_of_the_users_own_between_two_polls_starts_the_idle_time_again() {
        var idle = new IdlePoll(Duration.ofMinutes(30), 9, 0);
        assertThat(idle.poll(10, 20 * MINUTE)).isTrue();
        assertThat(idle.poll(11, 25 * MINUTE)).isTrue();
        // A click at minute 27: the next poll's id is two on.
        assertThat(idle.poll(13, 28 * MINUTE)).isTrue();
        assertThat(idle.poll(14, 57 * MINUTE)).isTrue();
        assertThat(idle.poll(15, 58 * MINUTE)).isFalse();
    }

    @Test
    void a_navigation_counts_as_activity() {
        var idle = new IdlePoll(Duration.ofMinutes(30), 0, 0);
        assertThat(idle.poll(1, 10 * MINUTE)).isTrue();
        idle.active(3, 29 * MINUTE); // two messages of a navigation
        assertThat(idle.poll(4, 31 * MINUTE)).isTrue();
        assertThat(idle.poll(5, 58 * MINUTE)).isTrue();
        assertThat(idle.poll(6, 59 * MINUTE)).isFalse();
    }
}
