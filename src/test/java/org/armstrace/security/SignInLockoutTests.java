package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The lockout through the real sign-in path: the provider the login form uses, its Argon2 password
 * check and the embedded Neo4j that keeps the counters.
 */
@ArmsTraceTest
class SignInLockoutTests {

    @Autowired
    ThrottledAuthenticationProvider provider;
    @Autowired
    UserAccountService users;
    @Autowired
    Neo4jClient neo4j;

    /** The application's sign-in: a ProviderManager over the one provider, as the form login has it. */
    private AuthenticationManager signIn() {
        return new ProviderManager(provider);
    }

    private static String uniqueName() {
        return "l" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String uniqueAddress() {
        var r = UUID.randomUUID().getLeastSignificantBits();
        return "198.18." + (r & 0x7f) + "." + ((r >> 8) & 0xff);
    }

    private Authentication attempt(String name, String password, String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return signIn().authenticate(token);
    }

    private String newAccount(String name) {
        return Actors.admin(() -> users.create(name, "", EnumSet.of(Role.ANALYST)));
    }

    @Test
    void twenty_parallel_wrong_guesses_reach_the_password_check_at_most_five_times() throws Exception {
        String name = uniqueName();
        String oneTime = newAccount(name);
        var start = new CountDownLatch(1);
        List<Future<Class<?>>> outcomes = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                String address = uniqueAddress();
                Callable<Class<?>> guess = () -> {
                    start.await();
                    try {
                        attempt(name, "wrong-" + UUID.randomUUID(), address);
                        return Authentication.class;
                    } catch (RuntimeException e) {
                        return e.getClass();
                    }
                };
                outcomes.add(pool.submit(guess));
            }
            start.countDown();
        }
        List<Class<?>> results = new ArrayList<>();
        for (var f : outcomes) {
            results.add(f.get());
        }

        // BadCredentials: the password was checked and was wrong. Locked: it was never checked.
        assertThat(results).filteredOn(c -> c == BadCredentialsException.class).hasSize(5);
        assertThat(results).filteredOn(c -> c == LockedException.class).hasSize(15);
        assertThatThrownBy(() -> attempt(name, oneTime, uniqueAddress())).isExactlyInstanceOf(LockedException.class);
    }

    @Test
    void a_locked_account_gives_the_same_answer_to_the_right_and_to_a_wrong_password() {
        String name = uniqueName();
        String oneTime = newAccount(name);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> attempt(name, "wrong", uniqueAddress())).isExactlyInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> attempt(name, oneTime, uniqueAddress())).isExactlyInstanceOf(LockedException.class)
                .hasMessage("Too many failed sign-in attempts");
        assertThatThrownBy(() -> attempt(name, "wrong", uniqueAddress())).isExactlyInstanceOf(LockedException.class)
                .hasMessage("Too many failed sign-in attempts");
    }

    @Test
    void the_lock_is_kept_in_the_graph_lasts_ten_minutes_and_holds_for_a_new_instance_as_after_a_restart() {
        String name = uniqueName();
        String oneTime = newAccount(name);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> attempt(name, "wrong", null)).isInstanceOf(BadCredentialsException.class);
        }

        Map<String, Object> stored = neo4j.query("""
                        MATCH (f:SignInFailures {key: $key})
                        RETURN f.count AS count, duration.inSeconds(f.lastFailureAt, f.lockedUntil).seconds AS seconds
                        """).bind("account:" + name).to("key").fetch().one().orElseThrow();
        assertThat(stored).isEqualTo(Map.of("count", 5L, "seconds", 600L));

        // What a restart gives: a new lockout on the same store, with nothing in memory.
        var afterRestart = new SignInLockout(neo4j, 5, 20, Duration.ofMinutes(10));
        assertThat(afterRestart.reserve(name, null).allowed()).isFalse();
        assertThatThrownBy(() -> attempt(name, oneTime, null)).isInstanceOf(LockedException.class);

        // Ten minutes later (moved back in the graph) the right password works and clears the count.
        neo4j.query("""
                        MATCH (f:SignInFailures {key: $key})
                        SET f.lockedUntil = f.lockedUntil - duration('PT11M'), f.lastFailureAt = f.lastFailureAt - duration('PT11M')
                        """).bind("account:" + name).to("key").run();
        assertThat(attempt(name, oneTime, null).isAuthenticated()).isTrue();
        assertThat(neo4j.query("MATCH (f:SignInFailures {key: $key}) RETURN f.count").bind("account:" + name).to("key")
                .fetchAs(Long.class).one()).contains(0L);
    }

    @Test
    void one_address_guessing_across_names_is_stopped_before_it_can_lock_out_everyone() {
        String attacker = uniqueAddress();
        String victim = uniqueName();
        String victimsPassword = newAccount(victim);
        for (int n = 0; n < 4; n++) {
            String guessed = uniqueName();
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> attempt(guessed, "wrong", attacker)).isInstanceOf(BadCredentialsException.class);
            }
        }
        // Twenty failures: the address is locked, so its guesses at the victim are not even counted.
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> attempt(victim, "wrong", attacker)).isInstanceOf(LockedException.class);
        }

        assertThat(attempt(victim, victimsPassword, uniqueAddress()).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> attempt(victim, victimsPassword, attacker)).isInstanceOf(LockedException.class);
    }

    @Test
    void a_disabled_account_and_an_expired_one_time_password_get_the_answer_of_a_wrong_password() {
        String disabled = uniqueName();
        String disabledPassword = newAccount(disabled);
        Actors.admin(() -> users.update(disabled, "", EnumSet.of(Role.ANALYST), false));
        String expired = uniqueName();
        String expiredPassword = newAccount(expired);
        UserAccount fresh = users.find(expired).orElseThrow();
        assertThat(Duration.between(fresh.createdAt(), fresh.oneTimePasswordExpiresAt()))
                .isBetween(Duration.ofHours(24).minusSeconds(5), Duration.ofHours(24));
        // 25 hours later: the one-time password's expiry moved into the past.
        neo4j.query("MATCH (u:User {username: $u}) SET u.oneTimePasswordExpiresAt = $at")
                .bindAll(Map.of("u", expired, "at", ZonedDateTime.now(ZoneOffset.UTC).minusHours(1))).run();

        assertThatThrownBy(() -> attempt(disabled, disabledPassword, uniqueAddress()))
                .isExactlyInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
        assertThatThrownBy(() -> attempt(expired, expiredPassword, uniqueAddress()))
                .isExactlyInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
        assertThatThrownBy(() -> attempt(expired, "wrong", uniqueAddress()))
                .isExactlyInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
        UserAccount listed = Actors.admin(() -> users.list()).stream()
                .filter(a -> a.username().equals(expired)).findFirst().orElseThrow();
        assertThat(listed.oneTimePasswordExpired(Instant.now())).isTrue();

        // A reset hands out a new one-time password with a new day to use it.
        String again = Actors.admin(() -> users.resetPassword(expired));
        assertThat(attempt(expired, again, uniqueAddress()).isAuthenticated()).isTrue();
    }

    @Test
    void a_user_learns_when_and_from_where_they_signed_in_before() {
        String name = uniqueName();
        String password = newAccount(name);
        attempt(name, password, "10.0.0.7");
        Authentication now = attempt(name, password, "10.0.0.8");

        SecurityContextHolder.setContext(new SecurityContextImpl(now));
        try {
            SignIn previous = users.previousSignIn().orElseThrow();
            assertThat(previous.address()).isEqualTo("10.0.0.7");
            assertThat(previous.at()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
