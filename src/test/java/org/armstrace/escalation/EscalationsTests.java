package org.armstrace.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.cases.CaseDueWork;
import org.armstrace.cases.CaseKind;
import org.armstrace.cases.CaseWork;
import org.armstrace.cases.Cases;
import org.armstrace.cases.WorkNotices;
import org.armstrace.notify.NotificationKind;
import org.armstrace.notify.Notifications;
import org.armstrace.notify.OutboundEmail;
import org.armstrace.security.AuditEvent;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.NewTraceRequest;
import org.armstrace.tracing.OverdueTraces;
import org.armstrace.tracing.Priority;
import org.armstrace.tracing.TraceIntake;
import org.armstrace.tracing.TraceRequest;
import org.armstrace.tracing.TraceRequests;
import org.armstrace.tracing.TraceStatus;
import org.armstrace.tracing.TraceTransition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The escalation job, run by hand with a clock set where each step falls due. */
@ArmsTraceTest
class EscalationsTests {

    @Autowired
    Neo4jClient neo4j;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    OverdueTraces traces;
    @Autowired
    CaseDueWork due;
    @Autowired
    Notifications notifications;
    @Autowired
    WorkNotices notices;
    @Autowired
    UserAccountService users;
    @Autowired
    AuditLog audit;
    @Autowired
    Cases cases;
    @Autowired
    CaseWork work;
    @Autowired
    TraceIntake intake;
    @Autowired
    TraceRequests requests;
    @Value("${armstrace.cases.zone}")
    ZoneId zone;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String analyst = "esc-an-" + run;
    final String onDuty = "esc-sup-" + run;

    @BeforeEach
    void people() {
        Actors.admin(() -> {
            users.create(analyst, "Escalated Analyst", EnumSet.of(Role.ANALYST));
            users.create(onDuty, "Duty Supervisor", EnumSet.of(Role.SUPERVISOR));
            return null;
        });
        for (String user : List.of(analyst, onDuty)) {
            Actors.as(user, Role.ANALYST, () -> notifications.saveMySettings(user + "@" + run + ".example",
                    EnumSet.of(NotificationKind.ESCALATION)));
        }
    }

    private Escalations at(Instant now, String rules) {
        return new Escalations(neo4j, transactions, traces, due, notifications, notices, users, audit,
                new EscalationSettings(Duration.ofDays(1), Duration.ofDays(2), onDuty, EscalationRules.parse(rules)),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private record Task(String caseNumber, String id, Instant dueAt) {
    }

    private Task task() {
        LocalDate day = LocalDate.now(zone).plusDays(3);
        return Actors.analyst(analyst, () -> {
            String number = cases.open(new Cases.NewCase("Escalation " + run, CaseKind.SEIZURE, null, false, null)).number();
            String id = work.addTask(number, "Send the serials to the lab", analyst, day).id();
            return new Task(number, id, day.plusDays(1).atStartOfDay(zone).toInstant());
        });
    }

    private List<OutboundEmail> escalationMail(String user) {
        return Actors.admin(() -> notifications.outbox(null, 0, 500)).stream()
                .filter(m -> m.user().equals(user) && m.kind() == NotificationKind.ESCALATION).toList();
    }

    @Test
    void an_overdue_task_tells_its_assignee_then_the_supervisor_then_goes_to_the_supervisor_on_duty() {
        Task t = task();
        String item = "CaseTask:" + t.id();
        String rules = "task>P5D";

        assertThat(at(t.dueAt().minus(Duration.ofHours(2)), rules).escalate(i -> i.item().equals(item))).isEqualTo(1);
        assertThat(at(t.dueAt().minus(Duration.ofHours(1)), rules).escalate(i -> i.item().equals(item))).isZero();
        assertThat(at(t.dueAt().plus(Duration.ofHours(1)), rules).escalate(i -> i.item().equals(item))).isEqualTo(1);
        assertThat(at(t.dueAt().plus(Duration.ofDays(2)), rules).escalate(i -> i.item().equals(item))).isEqualTo(1);
        assertThat(at(t.dueAt().plus(Duration.ofDays(5)), rules).escalate(i -> i.item().equals(item))).isEqualTo(1);
        assertThat(at(t.dueAt().plus(Duration.ofDays(6)), rules).escalate(i -> i.item().equals(item))).isZero();

        List<Escalation> history = Actors.analyst(analyst, () -> at(Instant.now(), rules).history(item));
        assertThat(history).extracting(Escalation::step).containsExactly(Escalation.Step.SOON_DUE, Escalation.Step.OVERDUE,
                Escalation.Step.SUPERVISOR, Escalation.Step.REASSIGNED);
        assertThat(history).extracting(Escalation::told).containsExactly(List.of(analyst), List.of(analyst), List.of(onDuty),
                List.of(onDuty, analyst));
        assertThat(Actors.analyst(analyst, () -> work.tasks(t.caseNumber()))).singleElement()
                .satisfies(task -> assertThat(task.assignee()).isEqualTo(onDuty));
        // On the case's own history (its audit), by the system.
        assertThat(Actors.admin(() -> audit.about("Case:" + t.caseNumber(), 50))).filteredOn(e -> e.actor().equals("system"))
                .extracting(AuditEvent::action).containsExactlyInAnyOrder("escalation.soon-due", "escalation.overdue",
                        "escalation.supervisor", "case.task-reassigned", "escalation.reassigned");
        assertThat(escalationMail(analyst)).extracting(OutboundEmail::subject).hasSize(3)
                .allMatch(s -> s.equals("ArmsTrace: " + t.caseNumber() + " needs attention"));
        assertThat(escalationMail(onDuty)).hasSize(2);
    }

    @Test
    void the_assignee_and_the_supervisor_see_each_escalation_in_the_app_until_they_open_it() {
        Task t = task();
        String item = "CaseTask:" + t.id();
        // In the app whether or not they take e-mail: the supervisor has no address.
        Actors.analyst(onDuty, () -> notifications.saveMySettings(null, EnumSet.of(NotificationKind.ESCALATION)));
        at(t.dueAt().minus(Duration.ofHours(2)), "").escalate(i -> i.item().equals(item));
        at(t.dueAt().plus(Duration.ofDays(2)), "").escalate(i -> i.item().equals(item));

        List<WorkNotices.Escalated> mine = Actors.analyst(analyst, () -> notices.unreadEscalations());
        assertThat(mine).extracting(WorkNotices.Escalated::step, WorkNotices.Escalated::number, WorkNotices.Escalated::link)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("SOON_DUE", t.caseNumber(), "case/" + t.caseNumber()),
                        org.assertj.core.groups.Tuple.tuple("OVERDUE", t.caseNumber(), "case/" + t.caseNumber()));
        assertThat(Actors.supervisor(onDuty, () -> notices.unreadEscalations())).singleElement().satisfies(n -> {
            assertThat(n.step()).isEqualTo("SUPERVISOR");
            assertThat(n.days()).isEqualTo(2);
        });
        // They are not mentions.
        assertThat(Actors.analyst(analyst, () -> work.unreadMentions())).isEmpty();

        // Opened: read, for that user only.
        Actors.analyst(analyst, () -> {
            mine.forEach(n -> notices.read(n.id()));
            return null;
        });
        assertThat(Actors.analyst(analyst, () -> notices.unreadEscalations())).isEmpty();
        assertThat(Actors.supervisor(onDuty, () -> notices.unreadEscalations())).hasSize(1);
    }

    @Test
    void a_signed_in_user_cannot_write_escalation_notices() {
        assertThatThrownBy(() -> Actors.supervisor(() -> {
            notices.escalated(List.of(analyst), "OVERDUE", "FFP-1", "case/FFP-1", 1, Instant.now());
            return null;
        })).isInstanceOf(org.armstrace.cases.CaseRejected.class);
        assertThat(Actors.analyst(analyst, () -> notices.unreadEscalations())).isEmpty();
    }

    @Test
    void two_instances_running_at_once_escalate_each_step_once() throws Exception {
        Task t = task();
        String item = "CaseTask:" + t.id();
        Instant now = t.dueAt().plus(Duration.ofDays(3));
        var first = at(now, "");
        var second = at(now, "");
        var together = new CyclicBarrier(2);
        try (var pool = Executors.newFixedThreadPool(2)) {
            Future<Integer> a = pool.submit(() -> {
                together.await();
                return first.escalate(i -> i.item().equals(item));
            });
            Future<Integer> b = pool.submit(() -> {
                together.await();
                return second.escalate(i -> i.item().equals(item));
            });
            // Overdue and supervisor are due; each is taken once, by one instance or the other.
            assertThat(a.get() + b.get()).isEqualTo(2);
        }
        assertThat(Actors.analyst(analyst, () -> first.history(item))).extracting(Escalation::step)
                .containsExactly(Escalation.Step.OVERDUE, Escalation.Step.SUPERVISOR);
        assertThat(Actors.admin(() -> audit.about(item, 50))).extracting(AuditEvent::action)
                .containsExactlyInAnyOrder("escalation.overdue", "escalation.supervisor");
        assertThat(escalationMail(analyst)).hasSize(1);
        assertThat(escalationMail(onDuty)).hasSize(1);
    }

    @Test
    void an_overdue_trace_request_goes_to_the_supervisor_on_duty_by_rule_on_its_own_history() {
        TraceRequest r = Actors.intake(() -> intake.receive(new NewTraceRequest(Direction.INCOMING, "AL",
                "AL-ESC-" + run, Priority.ROUTINE, "pistol", "Zastava", "M70", "7.65 Browning", "ESC-" + run, "RS",
                "Seized without licence", "Law on Weapons art. 12", "Criminal proceedings", "Vehicle check",
                NewTraceRequest.Channel.API, null, null)));
        String item = "TraceRequest:" + r.id();

        int taken = at(r.dueAt().plus(Duration.ofDays(4)), "trace>P3D").escalate(i -> i.item().equals(item));

        assertThat(taken).isEqualTo(3);
        assertThat(Actors.supervisor(() -> requests.find(r.id()))).hasValueSatisfying(now -> {
            assertThat(now.assignee()).isEqualTo(onDuty);
            assertThat(now.status()).isEqualTo(TraceStatus.ASSIGNED);
        });
        assertThat(Actors.supervisor(() -> requests.history(r.id()))).last().satisfies(x -> {
            assertThat(x.to()).isEqualTo(TraceStatus.ASSIGNED);
            assertThat(x.by()).isEqualTo("system");
            assertThat(x.reason()).isEqualTo("escalation: overdue 4 d");
        });
        assertThat(Actors.supervisor(() -> requests.history(r.id()))).extracting(TraceTransition::to).contains(TraceStatus.ASSIGNED);
    }

    @Test
    void a_signed_in_user_cannot_use_the_jobs_reassignment() {
        Task t = task();
        assertThatThrownBy(() -> Actors.supervisor(() -> {
            due.reassignTask(t.id(), onDuty, "by hand");
            return null;
        })).hasMessage("cases.no-such-user");
    }

    @Test
    void rules_are_read_from_their_one_form_and_anything_else_is_refused() {
        assertThat(EscalationRules.parse("incoming-unassigned>P3D; task>p7d").rules()).containsExactly(
                new EscalationRules.Rule(EscalationRules.Target.INCOMING_UNASSIGNED, Duration.ofDays(3)),
                new EscalationRules.Rule(EscalationRules.Target.TASK, Duration.ofDays(7)));
        assertThat(EscalationRules.parse("").rules()).isEmpty();
        assertThatThrownBy(() -> EscalationRules.parse("task after 7 days")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EscalationRules.parse("case>P1D")).isInstanceOf(IllegalArgumentException.class);
    }
}
