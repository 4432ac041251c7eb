package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Refused sign-ins cost the audit chain a bounded number of appends, and none of them are lost. */
@ArmsTraceTest
class RefusedSignInsTests {

    private static final Pattern COUNT = Pattern.compile("^count=(\\d+);");

    @Autowired
    ThrottledAuthenticationProvider provider;
    @Autowired
    RefusedSignIns refusals;
    @Autowired
    AuditLog audit;

    private List<AuditEvent> refusalEvents() {
        return Actors.admin(() -> audit.page(0, 1000, RefusedSignIns.ACTOR, RefusedSignIns.ACTION));
    }

    @Test
    void five_thousand_refused_sign_ins_add_a_handful_of_events_whose_counts_add_up() throws Exception {
        refusals.flush();
        long eventsBefore = Actors.admin(() -> audit.count("", ""));
        long refusalEventsBefore = refusalEvents().size();
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> addresses = List.of("203.0.113.1", "203.0.113.2", "203.0.113.3").stream()
                .map(a -> a + "-" + run).toList(); // unique per run, as the counters persist in the store
        String huge = "x".repeat(10_000);
        var manager = new ProviderManager(provider);
        List<Future<?>> work = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (int t = 0; t < 4; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = thread; i < 5_000; i += 4) {
                        String name = i % 5 == 0 ? huge + i : "guess-" + run + "-" + i;
                        var token = UsernamePasswordAuthenticationToken.unauthenticated(name, "wrong");
                        token.setDetails(new WebAuthenticationDetails(addresses.get(i % 3), null));
                        try {
                            manager.authenticate(token);
                        } catch (AuthenticationException refused) {
                            // every one of them is refused
                        }
                    }
                    return null;
                }));
            }
        }
        for (var w : work) {
            w.get();
        }
        refusals.flush();

        List<AuditEvent> added = refusalEvents().subList(0, refusalEvents().size() - (int) refusalEventsBefore);
        long eventsAdded = Actors.admin(() -> audit.count("", "")) - eventsBefore;
        // One per address, perhaps two if the minute's flush fell inside the run.
        assertThat(eventsAdded).isBetween(3L, 6L);
        assertThat(added).hasSize((int) eventsAdded).allSatisfy(e -> {
            assertThat(e.details()).matches("(?s)count=\\d+; failed=\\d+; locked=\\d+; from 203\\.0\\.113\\.\\d-.*");
            assertThat(e.details().length()).isLessThan(1_500);
            assertThat(e.entities()).hasSizeLessThanOrEqualTo(1 + RefusedSignIns.MAX_NAMES)
                    .allSatisfy(entity -> assertThat(entity.length()).isLessThanOrEqualTo(8 + SignInLockout.MAX_NAME));
        });
        long counted = added.stream().mapToLong(e -> {
            var m = COUNT.matcher(e.details());
            assertThat(m.find()).isTrue();
            return Long.parseLong(m.group(1));
        }).sum();
        assertThat(counted).isEqualTo(5_000);
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void beyond_twenty_addresses_in_a_minute_the_rest_share_one_event() {
        refusals.flush();
        String run = UUID.randomUUID().toString().substring(0, 6);
        for (int a = 0; a < 50; a++) {
            refusals.refused("192.0.2." + a + "-" + run, "name" + a, RefusedSignIns.Reason.FAILED);
            refusals.refused("192.0.2." + a + "-" + run, "name" + a, RefusedSignIns.Reason.LOCKED);
        }
        long before = Actors.admin(() -> audit.count(RefusedSignIns.ACTOR, RefusedSignIns.ACTION));

        refusals.flush();

        List<AuditEvent> added = refusalEvents().subList(0, (int) (Actors.admin(
                () -> audit.count(RefusedSignIns.ACTOR, RefusedSignIns.ACTION)) - before));
        assertThat(added).hasSize(RefusedSignIns.MAX_EVENTS + 1);
        assertThat(added).filteredOn(e -> e.details().contains("from " + RefusedSignIns.OTHERS))
                .singleElement().satisfies(e -> assertThat(e.details()).startsWith("count=60; failed=30; locked=30;"));
    }

    @Test
    void a_name_with_control_characters_cannot_fake_a_field_of_the_event() {
        assertThat(SignInLockout.cut("a\u001eb\u001fc\nd")).isEqualTo("a?b?c?d");
        assertThat(SignInLockout.cut("y".repeat(10_000))).hasSize(SignInLockout.MAX_NAME);
        assertThatThrownBy(() -> new ProviderManager(provider).authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("z".repeat(10_000), "p")))
                .isInstanceOf(AuthenticationException.class);
    }
}
