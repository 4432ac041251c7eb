package org.armstrace.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.intelligence.Alert;
import org.armstrace.intelligence.Alerts;
import org.armstrace.recovery.NewRecoveries;
import org.armstrace.recovery.NewRecovery;
import org.armstrace.recovery.Place;
import org.armstrace.recovery.Recoveries;
import org.armstrace.recovery.RecoveryKind;
import org.armstrace.recovery.RecoveryRejected;
import org.armstrace.registry.NewFirearms;
import org.armstrace.security.AuditEvent;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/** A restricted case's number is not a key to it, and the case's audit trail says who looked without repeating itself. */
@ArmsTraceTest
class CaseNeedToKnowTests {

    @Autowired
    Cases cases;
    @Autowired
    CaseLinks links;
    @Autowired
    Recoveries recoveries;
    @Autowired
    Alerts alerts;
    @Autowired
    UserAccountService users;
    @Autowired
    AuditLog audit;
    @Autowired
    Neo4jClient neo4j;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String analyst = "ntk-an-" + run;
    final String colleague = "ntk-col-" + run;
    final String outsider = "ntk-out-" + run;
    final String officer = "ntk-fo-" + run;

    @BeforeEach
    void people() {
        Actors.admin(() -> {
            users.create(analyst, "Case Analyst", EnumSet.of(Role.ANALYST));
            users.create(colleague, "Case Colleague", EnumSet.of(Role.ANALYST));
            users.create(outsider, "Other Desk", EnumSet.of(Role.SUPERVISOR));
            users.create(officer, "Field Officer", EnumSet.of(Role.FIELD_OFFICER));
            users.setOffice(analyst, "Undercover " + run);
            users.setOffice(colleague, "Undercover " + run);
            users.setOffice(outsider, "Border " + run);
            users.setOffice(officer, "Patrol " + run);
            return null;
        });
    }

    private Case restricted() {
        return Actors.analyst(analyst, () -> cases.open(new Cases.NewCase("Informant " + run, CaseKind.TRAFFICKING, null,
                true, null)));
    }

    private NewRecovery recoveryNaming(String caseReference) {
        return NewRecoveries.newRecovery().key(UUID.randomUUID().toString()).kind(RecoveryKind.SEIZED)
                .at(Instant.now().minus(1, ChronoUnit.HOURS)).place(new Place(42.6629, 21.1655, 12.0, Place.Method.DEVICE, null))
                .caseReference(caseReference).weapon(new NewRecovery.RecoveredWeapon(NewFirearms.newFirearm().type("pistol")
                        .make("Zastava").model("M70").calibre("7.65 Browning").serial("N" + UUID.randomUUID().toString()
                                .substring(0, 8)).build(), false, List.of()))
                .build();
    }

    @Test
    void knowing_a_restricted_cases_number_does_not_let_anyone_outside_its_team_add_to_it() {
        Case c = restricted();
        neo4j.query("CREATE (:Firearm {id: 'ntk-gun-' + $run, makeAsRead: 'Zastava', model: 'M57'})").bind(run).to("run").run();

        assertThatThrownBy(() -> Actors.officer(officer, () -> recoveries.record(recoveryNaming(c.number()))))
                .isInstanceOf(RecoveryRejected.class).hasMessage("recovery.case-refused");
        assertThatThrownBy(() -> Actors.supervisor(outsider, () -> links.join(c.number(), LinkKind.FIREARM, "ntk-gun-" + run)))
                .isInstanceOf(CaseRejected.class).hasMessage("cases.not-found");
        neo4j.query("""
                CREATE (:Alert {id: 'ntk-alert-' + $run, key: 'DIVERSION:Person:ntk-' + $run, pattern: 'DIVERSION',
                                subject: 'Person:ntk-' + $run, score: 10.0, status: 'OPEN', current: true, args: [],
                                evidence: [], firstSeenAt: datetime(), seenAt: datetime()})""").bind(run).to("run").run();
        assertThatThrownBy(() -> Actors.supervisor(outsider, () -> alerts.promote("ntk-alert-" + run, c.number(), "Same batch")))
                .isInstanceOf(CaseRejected.class).hasMessage("cases.not-found");
        assertThat(Actors.supervisor(outsider, () -> alerts.find("ntk-alert-" + run))).get().extracting(Alert::status)
                .as("nothing was promoted").isEqualTo(Alert.Status.OPEN);
        assertThat(Actors.analyst(analyst, () -> links.links(c.number()))).as("nothing was added").isEmpty();

        // The team itself still names it, by number, from anywhere.
        assertThat(Actors.analyst(colleague, () -> links.join(c.number(), LinkKind.FIREARM, "ntk-gun-" + run)))
                .isEqualTo(c.number());
        assertThat(Actors.analyst(analyst, () -> links.links(c.number()))).extracting(CaseLink::key)
                .containsExactly("ntk-gun-" + run);
    }

    @Test
    void opening_a_case_again_and_again_is_audited_once_per_reader_within_the_window() {
        Case c = restricted();

        for (int i = 0; i < 3; i++) {
            assertThat(Actors.analyst(analyst, () -> cases.read(c.number()))).isPresent();
        }
        assertThat(Actors.analyst(colleague, () -> cases.read(c.number()))).isPresent();

        List<AuditEvent> opened = Actors.admin(() -> audit.about("Case:" + c.number(), 100)).stream()
                .filter(e -> e.action().equals("case.opened")).toList();
        assertThat(opened).extracting(AuditEvent::actor).containsExactlyInAnyOrder(analyst, colleague);
    }
}
