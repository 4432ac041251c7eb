package org.armstrace.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Account lockout (CJIS Security Policy 5.5.3: at most five consecutive invalid attempts, then the
 * account is locked for at least ten minutes), and the same per client address, so that one
 * attacker guessing across many names is stopped before they can lock out everyone.
 *
 * <p>An attempt is {@linkplain #reserve reserved} before the password is looked at: one Cypher
 * statement locks both counters, refuses when either is locked, and otherwise counts the attempt
 * as a failure in advance. Parallel guesses therefore queue on the counters' write locks and at
 * most {@code attempts} of them ever reach the password check. A success takes its count back.
 * Counters live in the graph ({@code :SignInFailures}), so a restart does not lift a lock.
 *
 * <p>Unknown names are counted like real ones, so the answer reveals nothing about which exist.
 * Any provider (password, directory) is wrapped by {@link ThrottledAuthenticationProvider}, which
 * calls this.
 */
@Component
class SignInLockout {

    static final String ACCOUNT = "account";
    static final String ADDRESS = "address";
    /** Names longer than any real user name (64) are cut: they can only be unknown names. */
    static final int MAX_NAME = 64;

    /** The outcome of {@link #reserve}: whether the credentials may be checked at all. */
    record Attempt(List<Map<String, Object>> keys, boolean allowed) {
    }

    private final Neo4jClient neo4j;
    private final Clock clock;
    private final int attempts;
    private final int addressAttempts;
    private final Duration duration;

    SignInLockout(Neo4jClient neo4j,
                  @Value("${armstrace.security.lockout.attempts:5}") int attempts,
                  @Value("${armstrace.security.lockout.address-attempts:20}") int addressAttempts,
                  @Value("${armstrace.security.lockout.duration:10m}") Duration duration) {
        this.neo4j = neo4j;
        this.clock = Clock.systemUTC();
        this.attempts = attempts;
        this.addressAttempts = addressAttempts;
        this.duration = duration;
    }

    int attempts() {
        return attempts;
    }

    int addressAttempts() {
        return addressAttempts;
    }

    /** Locks the counters of this name (and address, if known), checks them, and counts the attempt. */
    Attempt reserve(String name, String address) {
        List<Map<String, Object>> keys = keys(name, address);
        ZonedDateTime now = now();
        // Counters untouched for a whole lockout period start again from zero ("consecutive").
        boolean locked = withRetry(() -> neo4j.query("""
                        UNWIND $keys AS k
                        MERGE (f:SignInFailures {key: k.key})
                          ON CREATE SET f.kind = k.kind, f.count = 0
                        SET f.touchedAt = $now
                        WITH f, k.limit AS limit,
                             CASE WHEN f.lastFailureAt IS NULL OR f.lastFailureAt < $forgetBefore THEN 0
                                  ELSE f.count END AS current
                        WITH collect({f: f, limit: limit, current: current}) AS rows
                        WITH rows, any(r IN rows WHERE r.f.lockedUntil IS NOT NULL AND r.f.lockedUntil > $now) AS locked
                        UNWIND rows AS r
                        WITH r.f AS f, r.limit AS limit, r.current AS current, locked
                        FOREACH (_ IN CASE WHEN locked THEN [] ELSE [1] END |
                          SET f.count = current + 1, f.lastFailureAt = $now,
                              f.lockedUntil = CASE WHEN current + 1 >= limit THEN $until ELSE null END)
                        RETURN DISTINCT locked
                        """)
                .bindAll(Map.of("keys", keys, "now", now, "forgetBefore", now.minus(duration),
                        "until", now.plus(duration)))
                .fetchAs(Boolean.class).one().orElse(false));
        return new Attempt(keys, !locked);
    }

    /** The credentials were right: the name starts afresh, and the address gets its attempt back. */
    void succeeded(Attempt attempt) {
        giveBack(attempt, true);
    }

    /** The check could not be made (e.g. the directory was down): the attempt does not count. */
    void released(Attempt attempt) {
        giveBack(attempt, false);
    }

    private void giveBack(Attempt attempt, boolean clearAccount) {
        if (!attempt.allowed()) {
            return;
        }
        withRetry(() -> neo4j.query("""
                        UNWIND $keys AS k
                        MATCH (f:SignInFailures {key: k.key})
                        WITH f, k, CASE WHEN $clear AND k.kind = 'account' THEN 0
                                        WHEN f.count > 0 THEN f.count - 1 ELSE 0 END AS left
                        SET f.count = left,
                            f.lockedUntil = CASE WHEN left < k.limit THEN null ELSE f.lockedUntil END
                        """)
                .bindAll(Map.of("keys", attempt.keys(), "clear", clearAccount)).run());
    }

    /** Forgets counters nobody has failed on for a whole lockout period (and whose lock has ended). */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void forgetOld() {
        ZonedDateTime now = now();
        neo4j.query("""
                        MATCH (f:SignInFailures) WHERE f.lastFailureAt < $forgetBefore
                          AND (f.lockedUntil IS NULL OR f.lockedUntil < $now)
                        WITH f LIMIT 10000
                        DELETE f
                        """)
                .bindAll(Map.of("forgetBefore", now.minus(duration), "now", now)).run();
    }

    private List<Map<String, Object>> keys(String name, String address) {
        // Always the account first, then the address: one locking order, so no deadlocks.
        var keys = new ArrayList<Map<String, Object>>(2);
        keys.add(Map.of("key", ACCOUNT + ":" + cut(name), "kind", ACCOUNT, "limit", attempts));
        if (address != null && !address.isBlank()) {
            keys.add(Map.of("key", ADDRESS + ":" + cut(address), "kind", ADDRESS, "limit", addressAttempts));
        }
        return List.copyOf(keys);
    }

    /** A name or address as stored and logged: at most {@value #MAX_NAME} characters, no control characters. */
    static String cut(String s) {
        if (s == null) {
            return "";
        }
        String head = s.length() > MAX_NAME ? s.substring(0, MAX_NAME) : s;
        return head.replaceAll("\\p{Cntrl}", "?");
    }

    private ZonedDateTime now() {
        return ZonedDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }

    /** Parallel attempts on one counter can meet in a deadlock Neo4j detects; trying again resolves it. */
    private static <T> T withRetry(Supplier<T> work) {
        for (int i = 1; ; i++) {
            try {
                return work.get();
            } catch (TransientDataAccessException e) {
                if (i == 5) {
                    throw e;
                }
            }
        }
    }

    private static void withRetry(Runnable work) {
        withRetry(() -> {
            work.run();
            return null;
        });
    }
}
