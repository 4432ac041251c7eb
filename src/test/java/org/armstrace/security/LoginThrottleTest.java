package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-23T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void four_failures_are_free_and_the_fifth_blocks_the_name_for_thirty_seconds() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("Officer1", "10.0.0.1");
        }
        assertThat(throttle.blockedFor("officer1", "10.0.0.2")).isZero();

        throttle.failed("officer1", "10.0.0.1");

        assertThat(throttle.blockedFor("OFFICER1", "10.0.0.2")).isEqualTo(Duration.ofSeconds(30));
        clock.now = clock.now.plusSeconds(30);
        assertThat(throttle.blockedFor("officer1", "10.0.0.2")).isZero();
    }

    @Test
    void each_further_failure_doubles_the_delay_up_to_fifteen_minutes() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("x", null);
        }
        assertThat(throttle.blockedFor("x", null)).isEqualTo(Duration.ofSeconds(60));
        for (int i = 0; i < 20; i++) {
            throttle.failed("x", null);
        }
        assertThat(throttle.blockedFor("x", null)).isEqualTo(LoginThrottle.MAX_DELAY);
    }

    @Test
    void a_success_clears_the_name_but_not_a_blocked_address() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "192.0.2.9");
        }
        throttle.succeeded("user19");

        assertThat(throttle.blockedFor("user19", "192.0.2.8")).isZero();
        assertThat(throttle.blockedFor("someone-else", "192.0.2.9")).isPositive();
    }

    @Test
    void unknown_names_are_throttled_like_known_ones_so_the_answer_reveals_nothing() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("no-such-user", null);
        }
        assertThat(throttle.blockedFor("no-such-user", null)).isPositive();
    }
}
