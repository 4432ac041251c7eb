package org.armstrace.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.cases.CaseDueWork;
import org.armstrace.cases.WorkNotices;
import org.armstrace.cases.ui.CasesView;
import org.armstrace.notify.Notifications;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.NewTraceRequest;
import org.armstrace.tracing.OverdueTraces;
import org.armstrace.tracing.Priority;
import org.armstrace.tracing.TraceIntake;
import org.armstrace.tracing.TraceRequest;
import org.armstrace.tracing.ui.TraceRequestView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Where escalation shows in the application: the request's history, and the cases list's notices. */
class EscalationViewsTests extends ViewTest {

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
    TraceIntake intake;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String onDuty = "escv-sup-" + run;
    TraceRequest request;

    @BeforeEach
    void an_overdue_request_escalated_to_the_supervisor_on_duty() {
        Actors.admin(() -> users.create(onDuty, "Duty Supervisor", EnumSet.of(Role.SUPERVISOR)));
        // The supervisor has chosen a password already (the first sign-in's change would stop the pages).
        neo4j.query("MATCH (u:User {username: $name}) SET u.mustChangePassword = false").bind(onDuty).to("name").run();
        request = Actors.intake(() -> intake.receive(new NewTraceRequest(Direction.INCOMING, "AL", "AL-ESCV-" + run,
                Priority.ROUTINE, "pistol", "Zastava", "M70", "7.65 Browning", "ESCV-" + run, "RS", "Seized without licence",
                "Law on Weapons art. 12", "Criminal proceedings", "Vehicle check", NewTraceRequest.Channel.API, null, null)));
        String item = "TraceRequest:" + request.id();
        var job = new Escalations(neo4j, transactions, traces, due, notifications, notices, users, audit,
                new EscalationSettings(Duration.ofDays(1), Duration.ofDays(2), onDuty, EscalationRules.parse("")),
                Clock.fixed(request.dueAt().plus(Duration.ofDays(3)), ZoneOffset.UTC));
        assertThat(job.escalate(i -> i.item().equals(item))).isEqualTo(2);
    }

    /** The request's history on its page, a line per row: what, by whom, the detail. */
    private List<String> history() {
        navigate("tracing/request/" + request.id(), TraceRequestView.class);
        @SuppressWarnings("unchecked")
        Grid<Object> timeline = $(Grid.class).withId("trace-timeline").single();
        var rows = test(timeline);
        return IntStream.range(0, rows.size())
                .mapToObj(row -> rows.getCellText(row, 1) + " | " + rows.getCellText(row, 2) + " | " + rows.getCellText(row, 3))
                .toList();
    }

    /** Who the overdue step told: the request's assignee, or the supervisor on duty when nobody has it. */
    private String toldOverdue() {
        return request.assignee() == null ? onDuty : request.assignee();
    }

    @Test
    void the_requests_page_lists_its_escalation_steps_in_its_history_after_its_moves() {
        List<String> lines = Actors.supervisor(this::history);

        assertThat(lines).endsWith("Escalation: overdue | system | Told: " + toldOverdue(),
                "Escalation: to the supervisors | system | Told: " + onDuty);
        assertThat(lines.getFirst()).as("the moves come first, by time").doesNotStartWith("Escalation");
    }

    @Test
    void the_intake_officer_sees_the_escalation_steps_on_the_requests_page_too() {
        assertThat(Actors.intake(this::history)).contains("Escalation: to the supervisors | system | Told: " + onDuty);
    }

    @Test
    void the_supervisor_finds_the_escalation_among_the_cases_lists_notices_and_opening_it_reads_it() {
        Actors.supervisor(onDuty, () -> {
            navigate(CasesView.class);
            List<Button> shown = $(Button.class).withClassName("case-escalation-notice").all();
            Button supervisors = shown.stream().filter(b -> b.getText().equals("Escalation: " + request.number()
                    + " is overdue by 3 days and has been escalated to the supervisors.")).findFirst().orElseThrow();
            test(supervisors).click();
            assertThat($(TraceRequestView.class).single().getPageTitle()).isEqualTo(request.number());
            navigate(CasesView.class);
            assertThat($(Button.class).withClassName("case-escalation-notice").all()).hasSize(shown.size() - 1);
            return null;
        });
        // The overdue step's notice is the assignee's (or the supervisor's, when nobody has the request).
        assertThat(Actors.as(toldOverdue(), Role.ANALYST, () -> notices.unreadEscalations()))
                .anySatisfy(n -> assertThat(n.step()).isEqualTo("OVERDUE"));
    }
}
