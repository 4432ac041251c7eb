package org.armstrace.cases.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ViewTest;
import org.armstrace.cases.Case;
import org.armstrace.cases.CaseKind;
import org.armstrace.cases.CaseLink;
import org.armstrace.cases.CaseLinks;
import org.armstrace.cases.CaseWork;
import org.armstrace.cases.Cases;
import org.armstrace.cases.LinkKind;
import org.armstrace.recovery.NewRecoveries;
import org.armstrace.recovery.NewRecovery;
import org.armstrace.recovery.Place;
import org.armstrace.recovery.Recoveries;
import org.armstrace.recovery.RecoveryKind;
import org.armstrace.recovery.ui.RecoveryView;
import org.armstrace.registry.NewFirearms;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.NewTraceRequest;
import org.armstrace.tracing.Priority;
import org.armstrace.tracing.TraceIntake;
import org.armstrace.tracing.TraceRequest;
import org.armstrace.tracing.ui.TraceRequestView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CasesViewTests extends ViewTest {

    @Autowired
    Cases cases;
    @Autowired
    CaseLinks links;
    @Autowired
    CaseWork work;
    @Autowired
    Recoveries recoveries;
    @Autowired
    TraceIntake intake;
    @Autowired
    UserAccountService users;
    @Autowired
    org.springframework.data.neo4j.core.Neo4jClient neo4j;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String analyst = "cv-an-" + run;
    final String colleague = "cv-col-" + run;
    final String outsider = "cv-out-" + run;

    @BeforeEach
    void people() {
        Actors.admin(() -> {
            users.create(analyst, "View Analyst", EnumSet.of(Role.ANALYST));
            users.create(colleague, "View Colleague", EnumSet.of(Role.ANALYST));
            users.create(outsider, "View Outsider", EnumSet.of(Role.ANALYST));
            users.setOffice(analyst, "Desk " + run);
            users.setOffice(colleague, "Desk " + run);
            return null;
        });
        // New accounts must change their one-time password first; these colleagues have done so.
        neo4j.query("MATCH (u:User) WHERE u.username IN $names SET u.mustChangePassword = false")
                .bind(List.of(analyst, colleague, outsider)).to("names").run();
    }

    private String recovery() {
        var r = NewRecoveries.newRecovery().key(UUID.randomUUID().toString()).kind(RecoveryKind.SEIZED)
                .at(Instant.now().minus(1, ChronoUnit.HOURS)).place(new Place(42.6629, 21.1655, 12.0, Place.Method.DEVICE, null))
                .weapon(new NewRecovery.RecoveredWeapon(NewFirearms.newFirearm().type("pistol").make("Zastava").model("M70")
                        .calibre("7.65 Browning").serial("V" + run).build(), false, List.of()))
                .build();
        return Actors.officer(() -> recoveries.record(r)).recoveryId();
    }

    @Test
    void a_case_opened_from_a_recovery_page_shows_it_and_a_note_on_it_notifies_a_colleague() {
        String recoveryId = recovery();
        String number = Actors.analyst(analyst, () -> {
            navigate("recovery/" + recoveryId, RecoveryView.class);
            test($(Button.class).withId("add-to-case").single()).click();
            AddToCaseDialog dialog = $(AddToCaseDialog.class).single();
            assertThat(dialog.mode.getValue()).isEqualTo(AddToCaseDialog.Mode.NEW);
            test(dialog.title).setValue("Zastava pistols " + run);
            test(dialog.confirm).click();
            CaseView page = $(CaseView.class).single();
            assertThat(page.getPageTitle()).endsWith(" · Zastava pistols " + run);
            assertThat(page.linked.getElement().getTextRecursively()).contains("Recoveries (1)", "SEIZED · ");
            return page.getPageTitle().substring(0, page.getPageTitle().indexOf(" · "));
        });

        assertThat(Actors.analyst(analyst, () -> links.links(number))).extracting(CaseLink::kind)
                .containsExactly(LinkKind.RECOVERY);

        Actors.analyst(analyst, () -> {
            navigate("case/" + number, CaseView.class);
            test($(TextArea.class).withId("case-note").single()).setValue("@" + colleague + " the trace from Albania is in.");
            test($(Button.class).withId("case-note-add").single()).click();
            assertThat($(CaseWorkPanel.class).single().notes.getElement().getTextRecursively()).contains("the trace from Albania is in.");
            test($(TextField.class).withId("case-task-title").single()).setValue("Call the importer");
            test($(TextField.class).withId("case-task-assignee").single()).setValue(colleague);
            test($(Button.class).withId("case-task-add").single()).click();
            assertThat(test($(CaseWorkPanel.class).single().tasks).size()).isEqualTo(1);
            return null;
        });
        Actors.analyst(colleague, () -> {
            navigate(CasesView.class);
            CasesView list = $(CasesView.class).single();
            assertThat(list.mentions.getElement().getTextRecursively()).contains(analyst + " mentioned you in case " + number);
            assertThat(list.grid.getGenericDataView().getItems().map(Case::number)).as("a task for me makes it mine").contains(number);
            return null;
        });
    }

    @Test
    void a_case_is_suspended_with_a_reason_from_its_page_and_a_restricted_one_is_not_found_by_others() {
        Case c = Actors.analyst(analyst, () -> cases.open(new Cases.NewCase("Restricted " + run, CaseKind.TRAFFICKING, null,
                true, null)));
        Actors.analyst(analyst, () -> {
            navigate("case/" + c.number(), CaseView.class);
            test($(Button.class).withId("case-move-suspended").single()).click();
            test($(Button.class).withId("case-move-confirm").single()).click();
            assertThat($(CaseView.class).single().getPageTitle()).as("no reason: the dialog stays").isNotNull();
            test($(TextArea.class).withId("case-move-reason").single()).setValue("Waiting for the prosecutor");
            test($(Button.class).withId("case-move-confirm").single()).click();
            assertThat($(com.vaadin.flow.component.html.Span.class).withId("case-status").single().getText()).isEqualTo("Suspended");
            return null;
        });
        Actors.analyst(colleague, () -> navigate("case/" + c.number(), CaseView.class));
        assertThat($(H2.class).withId("case-not-found").all()).as("the team sees it").isEmpty();
        Actors.analyst(outsider, () -> navigate("case/" + c.number(), CaseView.class));
        assertThat($(H2.class).withId("case-not-found").single().getText())
                .isEqualTo("There is no case " + c.number() + ", or it is restricted to another team.");
    }

    @Test
    void an_intake_officer_adds_a_trace_request_to_an_existing_case_from_its_page() {
        String number = Actors.analyst(analyst, () -> cases.open(new Cases.NewCase("Border seizure " + run, CaseKind.SEIZURE,
                null, false, null))).number();
        // An intake officer adds an incoming request from its page, to an existing case only.
        TraceRequest trace = Actors.intake(() -> intake.receive(new NewTraceRequest(Direction.INCOMING, "AL", "AL-C-" + run,
                Priority.ROUTINE, "pistol", "Zastava", "M70", "7.65 Browning", "VT-" + run, "RS", "found at a border crossing",
                "CPC art. 208", "criminal proceedings", null, NewTraceRequest.Channel.MANUAL, null, null)));
        Actors.intake(() -> {
            navigate("tracing/request/" + trace.id(), TraceRequestView.class);
            test($(Button.class).withId("add-to-case").single()).click();
            AddToCaseDialog dialog = $(AddToCaseDialog.class).single();
            assertThat(dialog.mode.isVisible()).as("intake officers do not open cases").isFalse();
            Case target = dialog.existing.getListDataView().getItems().filter(c -> c.number().equals(number)).findFirst()
                    .orElseThrow();
            test(dialog.existing).selectItem(target.number() + " · " + target.title());
            test(dialog.confirm).click();
            return null;
        });
        assertThat(Actors.analyst(analyst, () -> links.links(number))).extracting(CaseLink::kind, CaseLink::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LinkKind.TRACE_REQUEST, trace.id()));

    }
}
