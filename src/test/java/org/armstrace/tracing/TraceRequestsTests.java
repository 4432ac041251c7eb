package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.MatchReason;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.Provenance;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

@ArmsTraceTest
class TraceRequestsTests {

    @Autowired
    TraceRequests traces;
    @Autowired
    OutgoingTraces outgoingTraces;
    @Autowired
    TraceIntake traceIntake;
    @Autowired
    TraceQueues traceQueues;
    @Autowired
    TraceAnswers answers;
    @Autowired
    UserAccountService users;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    FirearmRegistry firearms;

    static <T> T intake(Supplier<T> action) {
        return Actors.intake(action);
    }

    static NewTraceRequest incoming(String from, Priority priority, String key) {
        return new NewTraceRequest(Direction.INCOMING, from, "AL-REF-" + UUID.randomUUID().toString().substring(0, 6),
                priority, "pistol", "Zastava", "M70", "7.65 Browning", "TR-" + UUID.randomUUID().toString().substring(0, 6),
                "RS", "Seized without licence in Durrës", "Law on Weapons art. 12", "Criminal proceedings",
                "Vehicle check", NewTraceRequest.Channel.API, key, null);
    }

    @Test
    void a_hundred_requests_received_at_once_get_a_hundred_consecutive_numbers() throws Exception {
        var pool = Executors.newFixedThreadPool(16);
        var tasks = new ArrayList<Callable<TraceRequest>>();
        for (int i = 0; i < 100; i++) {
            tasks.add(() -> intake(() -> traceIntake.receive(incoming("AL", Priority.ROUTINE, null))));
        }
        var numbers = new ArrayList<Long>();
        for (var f : pool.invokeAll(tasks)) {
            String number = f.get().number();
            assertThat(number).matches("XK-IN-\\d{4}-\\d{6}");
            numbers.add(Long.parseLong(number.substring(number.length() - 6)));
        }
        pool.shutdown();

        assertThat(numbers).doesNotHaveDuplicates().hasSize(100);
        numbers.sort(null);
        assertThat(numbers.getLast() - numbers.getFirst()).as("consecutive, no gaps").isEqualTo(99);
    }

    @Test
    void an_incoming_request_is_acknowledged_given_a_due_date_and_assigned_to_the_least_loaded_analyst() {
        String light = "an-light-" + UUID.randomUUID().toString().substring(0, 4);
        String busy = "an-busy-" + UUID.randomUUID().toString().substring(0, 4);
        Actors.admin(() -> users.create(light, "Light", EnumSet.of(Role.ANALYST)));
        Actors.admin(() -> users.create(busy, "Busy", EnumSet.of(Role.ANALYST)));
        // Every other analyst gets a heavy load, so the two new ones are the lightest; then busy gets one urgent.
        neo4j.query("""
                        MATCH (u:User) WHERE 'ANALYST' IN u.roles AND NOT u.username IN $fresh
                        UNWIND range(1, 50) AS i
                        CREATE (:TraceRequest {id: randomUUID(), number: 'LOAD-' + u.username + '-' + i, direction: 'INCOMING',
                                status: 'IN_PROGRESS', priority: 'URGENT', assignee: u.username})
                        """).bind(List.of(light, busy)).to("fresh").run();
        neo4j.query("""
                        CREATE (:TraceRequest {id: randomUUID(), number: 'LOAD-' + $busy, direction: 'INCOMING',
                                status: 'IN_PROGRESS', priority: 'URGENT', assignee: $busy})
                        """).bind(busy).to("busy").run();

        TraceRequest r = intake(() -> traceIntake.receive(incoming("MK", Priority.URGENT, null)));

        assertThat(r.status()).isEqualTo(TraceStatus.ASSIGNED);
        assertThat(r.assignee()).isEqualTo(light);
        assertThat(Duration.between(r.receivedAt(), r.dueAt())).isGreaterThanOrEqualTo(Duration.ofHours(24));
        assertThat(intake(() -> traces.history(r.id()))).extracting(TraceTransition::to)
                .containsExactly(TraceStatus.RECEIVED, TraceStatus.ACKNOWLEDGED, TraceStatus.ASSIGNED);
        neo4j.query("MATCH (t:TraceRequest) WHERE t.number STARTS WITH 'LOAD-' SET t.status = 'ANSWERED'").run();
    }

    @Test
    void a_retry_with_the_same_key_returns_the_first_request_and_a_different_body_is_refused() {
        String key = "retry-" + UUID.randomUUID();
        NewTraceRequest first = incoming("ME", Priority.PRIORITY, key);

        TraceRequest a = intake(() -> traceIntake.receive(first));
        TraceRequest b = intake(() -> traceIntake.receive(first));

        assertThat(b.id()).isEqualTo(a.id());
        assertThat(b.number()).isEqualTo(a.number());
        NewTraceRequest other = incoming("ME", Priority.PRIORITY, key);
        assertThatThrownBy(() -> intake(() -> traceIntake.receive(other))).hasMessage("trace.idempotency-conflict");
        // The same key from another country is another request.
        assertThat(intake(() -> traceIntake.receive(incoming("AL", Priority.PRIORITY, key))).id()).isNotEqualTo(a.id());
    }

    @Test
    void ten_retries_sent_at_the_same_moment_under_one_key_make_one_request() throws Exception {
        NewTraceRequest r = incoming("BA", Priority.URGENT, "burst-" + UUID.randomUUID());
        var pool = Executors.newFixedThreadPool(10);
        var tasks = new ArrayList<Callable<TraceRequest>>();
        for (int i = 0; i < 10; i++) {
            tasks.add(() -> intake(() -> traceIntake.receive(r)));
        }
        var numbers = new HashSet<String>();
        for (var f : pool.invokeAll(tasks)) {
            numbers.add(f.get().number());
        }
        pool.shutdown();

        assertThat(numbers).hasSize(1);
    }

    @Test
    void an_outgoing_request_becomes_ready_only_with_what_the_iti_requires() {
        NewTraceRequest bare = new NewTraceRequest(Direction.OUTGOING, "RS", null, Priority.ROUTINE, "pistol", "Zastava",
                "M70", "7.65 Browning", "OUT-77012", "RS", null, null, null, "Recovered in Prizren",
                NewTraceRequest.Channel.MANUAL, null, null);
        TraceRequest draft = Actors.as("an1", Role.ANALYST, () -> outgoingTraces.draft(bare));
        assertThat(draft.number()).matches("XK-OUT-\\d{4}-\\d{6}");
        assertThat(draft.status()).isEqualTo(TraceStatus.DRAFT);

        assertThatThrownBy(() -> Actors.as("an1", Role.ANALYST, () -> traces.transition(draft.id(), TraceStatus.READY,
                null))).isInstanceOfSatisfying(ItiContentMissing.class, e -> assertThat(e.fields())
                .containsExactly("whyIllicit", "legalBasis", "intendedUse"));
        assertThat(intake(() -> traces.find(draft.id())).orElseThrow().status()).isEqualTo(TraceStatus.DRAFT);

        TraceRequest complete = Actors.as("an1", Role.ANALYST, () -> outgoingTraces.draft(new NewTraceRequest(
                Direction.OUTGOING, "RS", null, Priority.ROUTINE, "pistol", "Zastava", "M70", "7.65 Browning", "OUT-77013",
                "RS", "Seized from a person without licence", "Law on Weapons art. 12", "Criminal proceedings",
                "Recovered in Prizren", NewTraceRequest.Channel.MANUAL, null, null)));
        assertThat(Actors.as("an1", Role.ANALYST, () -> traces.transition(complete.id(), TraceStatus.READY, null))
                .status()).isEqualTo(TraceStatus.READY);
    }

    @Test
    void unknown_countries_our_own_country_and_control_characters_are_refused_and_store_nothing() {
        long before = neo4j.query("MATCH (t:TraceRequest) RETURN count(t)").fetchAs(Long.class).one().orElseThrow();
        assertThatThrownBy(() -> intake(() -> traceIntake.receive(incoming("QQ", Priority.ROUTINE, null))))
                .hasMessage("trace.unknown-country");
        assertThatThrownBy(() -> intake(() -> traceIntake.receive(incoming("XK", Priority.ROUTINE, null))))
                .hasMessage("trace.unknown-country");
        assertThatThrownBy(() -> incoming("Albania", Priority.ROUTINE, null)).hasMessage("trace.unknown-country");
        assertThatThrownBy(() -> new NewTraceRequest(Direction.INCOMING, "AL", null, null, null, null, null, null,
                "A\u0000B", null, null, null, null, null, null, null, null)).hasMessage("trace.bad-text");
        assertThat(neo4j.query("MATCH (t:TraceRequest) RETURN count(t)").fetchAs(Long.class).one().orElseThrow())
                .isEqualTo(before);
    }

    @Test
    void every_move_is_checked_kept_and_audited_and_only_a_supervisor_approves() {
        TraceRequest r = intake(() -> traceIntake.receive(incoming("AL", Priority.ROUTINE, null)));
        Supplier<TraceRequest> toWork = () -> traces.transition(r.id(), TraceStatus.IN_PROGRESS, null);
        if (r.status() == TraceStatus.ACKNOWLEDGED) { // no analyst existed: taken from the team queue
            Actors.as("sup", Role.SUPERVISOR, () -> traceQueues.assign(r.id(), analyst(), "team queue"));
        }
        Actors.as("an1", Role.ANALYST, toWork);
        assertThatThrownBy(() -> Actors.as("an1", Role.ANALYST, () -> traces.transition(r.id(), TraceStatus.ANSWERED,
                "skip"))).hasMessage("trace.transition-not-allowed");
        assertThatThrownBy(() -> Actors.as("an1", Role.ANALYST, () -> traces.transition(r.id(), TraceStatus.DELAYED,
                ""))).hasMessage("trace.reason-required");
        Actors.as("sup2", Role.SUPERVISOR, () -> answers.draft(r.id(), TraceAnswersTests.TRACED));
        assertThatThrownBy(() -> Actors.as("an1", Role.ANALYST, () -> traces.transition(r.id(), TraceStatus.APPROVED,
                null))).hasMessage("trace.approval-needs-supervisor");
        Actors.as("sup", Role.SUPERVISOR, () -> traces.approve(r.id(), 1, "checked"));
        TraceRequest answered = Actors.as("an1", Role.ANALYST, () -> traces.transition(r.id(), TraceStatus.ANSWERED,
                null));

        assertThat(answered.status()).isEqualTo(TraceStatus.ANSWERED);
        assertThat(answered.overdue()).isFalse();
        List<TraceTransition> history = intake(() -> traces.history(r.id()));
        assertThat(history).extracting(TraceTransition::to).endsWith(TraceStatus.IN_PROGRESS,
                TraceStatus.ANSWER_DRAFTED, TraceStatus.APPROVED, TraceStatus.ANSWERED);
        assertThat(history.get(history.size() - 2).by()).isEqualTo("sup");
        assertThat(neo4j.query("""
                        MATCH (e:AuditEvent) WHERE e.action = 'trace.approved' AND any(x IN e.entities WHERE x = $entity)
                        RETURN count(e)""").bind("TraceRequest:" + r.id()).to("entity").fetchAs(Long.class).one())
                .contains(1L);
        assertThat(history).allSatisfy(t -> assertThat(t.at()).isBeforeOrEqualTo(Instant.now()));
    }

    @Test
    void the_queues_show_what_is_mine_unassigned_overdue_and_soon_due_and_the_supervisor_sees_who_is_late() {
        String me = analyst();
        TraceRequest late = intake(() -> traceIntake.receive(incoming("AL", Priority.URGENT, null)));
        TraceRequest soon = intake(() -> traceIntake.receive(incoming("AL", Priority.ROUTINE, null)));
        TraceRequest unassigned = intake(() -> traceIntake.receive(incoming("ME", Priority.ROUTINE, null)));
        TraceRequest done = intake(() -> traceIntake.receive(incoming("MK", Priority.ROUTINE, null)));
        neo4j.query("""
                        MATCH (t:TraceRequest) WHERE t.id IN [$late, $soon, $done]
                        SET t.assignee = $me,
                            t.dueAt = CASE t.id WHEN $soon THEN datetime() + duration('PT3H') ELSE datetime() - duration('P1D') END,
                            t.status = CASE t.id WHEN $done THEN 'ANSWERED' ELSE t.status END
                        WITH 1 AS one
                        MATCH (u:TraceRequest {id: $unassigned}) SET u.assignee = null, u.status = 'ACKNOWLEDGED'
                        """).bindAll(java.util.Map.of("late", late.id(), "soon", soon.id(), "done", done.id(),
                "unassigned", unassigned.id(), "me", me)).run();

        var mine = Actors.as(me, Role.ANALYST, () -> traceQueues.queue(TraceQueues.Queue.MINE, 0, 500));
        assertThat(mine).extracting(TraceRequest::id).containsExactly(late.id(), soon.id());
        assertThat(mine.getFirst().overdue()).isTrue();
        assertThat(intake(() -> traceQueues.queue(TraceQueues.Queue.TEAM, 0, 500))).extracting(TraceRequest::id)
                .contains(unassigned.id()).doesNotContain(late.id());
        assertThat(intake(() -> traceQueues.queue(TraceQueues.Queue.OVERDUE, 0, 500))).extracting(TraceRequest::id)
                .contains(late.id()).doesNotContain(soon.id(), done.id());
        assertThat(intake(() -> traceQueues.queue(TraceQueues.Queue.SOON_DUE, 0, 500))).extracting(TraceRequest::id)
                .contains(soon.id()).doesNotContain(late.id());
        assertThat(Actors.as("sup", Role.SUPERVISOR, () -> traceQueues.escalation())).filteredOn(w -> w.analyst().equals(me))
                .singleElement().satisfies(w -> {
                    assertThat(w.open()).isEqualTo(2);
                    assertThat(w.overdue()).isEqualTo(1);
                    assertThat(w.soonDue()).isEqualTo(1);
                    assertThat(w.weighted()).isEqualTo(4);
                });
        assertThatThrownBy(() -> Actors.as(me, Role.ANALYST, () -> traceQueues.escalation()))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void on_intake_the_registry_is_checked_and_the_closest_weapons_are_kept_with_why() {
        var registered = Actors.as("an1", Role.ANALYST, () -> firearms.register(new NewFirearm(
                "pistol", "Zastava", "M70", "7.65 Browning", "TRC-55102", "RS", 1990, List.of()),
                new Provenance("test", Provenance.Confidence.HIGH)));
        NewTraceRequest asked = new NewTraceRequest(Direction.INCOMING, "AL", "AL-C-1", Priority.ROUTINE, "pistol",
                "ZCZ", "M70", null, "TRC-SS102", "RS", "seized", "CPC", "proceedings", null,
                NewTraceRequest.Channel.MANUAL, null, null);

        TraceRequest r = intake(() -> traceIntake.receive(asked));

        assertThat(intake(() -> traces.candidates(r.id()))).first().satisfies(c -> {
            assertThat(c.firearm().id()).isEqualTo(registered.id());
            assertThat(String.join("; ", MatchReason.texts(c.reasons(), Locale.ENGLISH))).contains("5 read as S", "make matches");
        });
    }

    private String analyst() {
        String name = "an-q-" + UUID.randomUUID().toString().substring(0, 4);
        Actors.admin(() -> users.create(name, "Queue", EnumSet.of(Role.ANALYST)));
        return name;
    }
}
