package org.armstrace.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Slows down password guessing: after {@value #FREE_FAILURES_PER_NAME} failures for one user name
 * (whether or not it exists, so the answer reveals nothing) or {@value #FREE_FAILURES_PER_ADDRESS}
 * from one address, further attempts are refused for a delay that doubles with each failure,
 * up to {@link #MAX_DELAY}. A success clears the name's count.
 *
 * <p>Kept in memory: a restart forgives, which is acceptable for a throttle (not a lockout).
 */
class LoginThrottle {

    static final int FREE_FAILURES_PER_NAME = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant blockedUntil) {
    }

    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** @return how long the caller must still wait, or {@link Duration#ZERO} */
    Duration blockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : keys(username, address)) {
            Failures f = failures.get(key);
            if (f != null && f.blockedUntil() != null && f.blockedUntil().isAfter(now)) {
                Duration d = Duration.between(now, f.blockedUntil());
                wait = d.compareTo(wait) > 0 ? d : wait;
            }
        }
        return wait;
    }

    void failed(String username, String address) {
        if (failures.size() > MAX_TRACKED) {
            failures.clear(); // a flood of distinct names must not exhaust memory
        }
        failures.compute(nameKey(username), (k, f) -> next(f, FREE_FAILURES_PER_NAME));
        if (address != null) {
            failures.compute(addressKey(address), (k, f) -> next(f, FREE_FAILURES_PER_ADDRESS));
        }
    }

    void succeeded(String username) {
        failures.remove(nameKey(username));
    }

    private Failures next(Failures previous, int free) {
        int count = previous == null ? 1 : previous.count() + 1;
        if (count < free) {
            return new Failures(count, null);
        }
        int doublings = Math.min(count - free, 10);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        if (delay.compareTo(MAX_DELAY) > 0) {
            delay = MAX_DELAY;
        }
        return new Failures(count, clock.instant().plus(delay));
    }

    private static String[] keys(String username, String address) {
        return address == null ? new String[] {nameKey(username)} : new String[] {nameKey(username), addressKey(address)};
    }

    private static String nameKey(String username) {
        return "name:" + UserAccountService.normalise(username);
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
