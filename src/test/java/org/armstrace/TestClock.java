package org.armstrace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The system clock, which a test can move forward: what takes half an hour (a page idle for the session
 * timeout) is then seen at once. Given to the beans that take a {@link Clock} from the context.
 */
public final class TestClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    /** Moves this clock forward; it never goes back. */
    public void advance(Duration by) {
        ahead = ahead.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock is in UTC");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {
        @Bean
        TestClock testClock() {
            return new TestClock();
        }
    }
}
