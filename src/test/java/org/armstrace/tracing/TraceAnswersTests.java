package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.NewFirearm;
import org.armstrace.registry.Provenance;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

@ArmsTraceTest
public class TraceAnswersTests {

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
    FirearmRegistry firearms;
    @Autowired
    Neo4jClient neo4j;

    public static final AnswerDraft TRACED = new AnswerDraft(TraceAnswer.Outcome.TRACED,
            "Registered in 2004 to a licensed dealer in Prizren; reported stolen in 2019.", null,
            new PointOfDiversion("XK", LocalDate.of(2019, 3, 2), PointOfDiversion.Method.THEFT, "Dealer, Prizren", null));

    @Test
    void an_incoming_request_is_drafted_by_its_analyst_approved_by_a_supervisor_answered_and_seen_by_the_partner() {
        String analyst = analyst();
        TraceRequest t = assignedTo(analyst);
        Actors.as(analyst, Role.ANALYST, () -> traces.transition(t.id(), TraceStatus.IN_PROGRESS, null));

        TraceAnswer drafted = Actors.as(analyst, Role.ANALYST, () -> answers.draft(t.id(), TRACED));
        assertThat(drafted.version()).isEqualTo(1);
        assertThat(find(t).status()).isEqualTo(TraceStatus.ANSWER_DRAFTED);
        // Nothing is released before approval and sending.
        assertThat(Actors.partner("AL", () -> answers.forPartner(t.number())).orElseThrow().answer()).isNull();

        Actors.as("sup1", Role.SUPERVISOR, () -> traces.approve(t.id(), 1, null));
        Actors.as(analyst, Role.ANALYST, () -> traces.transition(t.id(), TraceStatus.ANSWERED, null));

        var seen = Actors.partner("AL", () -> answers.forPartner(t.number())).orElseThrow();
        assertThat(seen.request().status()).isEqualTo(TraceStatus.ANSWERED);
        assertThat(seen.answer().findings()).contains("reported stolen in 2019");
        assertThat(seen.answer().approvedBy()).isEqualTo("sup1");
        assertThat(seen.answer().diversion().method()).isEqualTo(PointOfDiversion.Method.THEFT);
        assertThat(Actors.partner("ME", () -> answers.forPartner(t.number()))).isEmpty();
    }

    @Test
    void a_redraft_is_a_new_version_and_the_first_one_is_kept() {
        String analyst = analyst();
        TraceRequest t = inProgress(analyst);
        Actors.as(analyst, Role.ANALYST, () -> answers.draft(t.id(), TRACED));
        Actors.as("sup1", Role.SUPERVISOR, () -> traces.transition(t.id(), TraceStatus.IN_PROGRESS, null)); // sent back
        Actors.as(analyst, Role.ANALYST, () -> answers.draft(t.id(), new AnswerDraft(TraceAnswer.Outcome.NOT_FOUND,
                "No record under this serial or its likely misreadings.", null, null)));

        var versions = Actors.as(analyst, Role.ANALYST, () -> answers.versions(t.id()));
        assertThat(versions).extracting(TraceAnswer::version).containsExactly(1, 2);
        assertThat(versions.getFirst().outcome()).isEqualTo(TraceAnswer.Outcome.TRACED);
        assertThat(Actors.as(analyst, Role.ANALYST, () -> answers.current(t.id())).orElseThrow().outcome())
                .isEqualTo(TraceAnswer.Outcome.NOT_FOUND);
    }

    @Test
    void whoever_drafted_an_answer_cannot_approve_it_and_an_analyst_cannot_approve_at_all() {
        String analyst = analyst();
        TraceRequest t = inProgress(analyst);
        Actors.as("sup2", Role.SUPERVISOR, () -> answers.draft(t.id(), TRACED));

        assertThatThrownBy(() -> Actors.as("sup2", Role.SUPERVISOR, () -> traces.approve(t.id(), 1, null)))
                .hasMessage("trace.four-eyes");
        assertThatThrownBy(() -> Actors.as(analyst, Role.ANALYST, () -> traces.transition(t.id(), TraceStatus.APPROVED, null)))
                .hasMessage("trace.approval-needs-supervisor");
        assertThat(find(t).status()).isEqualTo(TraceStatus.ANSWER_DRAFTED);
        assertThat(Actors.as(analyst, Role.ANALYST, () -> answers.current(t.id())).orElseThrow().approvedBy()).isNull();
    }

    @Test
    void an_answer_cannot_be_drafted_before_work_starts_nor_by_another_analyst_and_nothing_is_written() {
        String analyst = analyst();
        String other = analyst();
        TraceRequest t = assignedTo(analyst);

        assertThatThrownBy(() -> Actors.as(analyst, Role.ANALYST, () -> answers.draft(t.id(), TRACED)))
                .hasMessage("trace.not-answerable");
        Actors.as(analyst, Role.ANALYST, () -> traces.transition(t.id(), TraceStatus.IN_PROGRESS, null));
        assertThatThrownBy(() -> Actors.as(other, Role.ANALYST, () -> answers.draft(t.id(), TRACED)))
                .hasMessage("trace.not-your-request");
        assertThatThrownBy(() -> Actors.as(analyst, Role.ANALYST, () -> traces.transition(t.id(), TraceStatus.ANSWER_DRAFTED, null)))
                .as("a bare move without an answer").hasMessage("trace.answer-needed");
        assertThatThrownBy(() -> Actors.as(analyst, Role.ANALYST, () -> answers.draft(t.id(),
                new AnswerDraft(TraceAnswer.Outcome.TRACED, "x", "no-such-weapon", null))))
                .hasMessage("trace.no-such-firearm");

        assertThat(Actors.as(analyst, Role.ANALYST, () -> answers.versions(t.id()))).isEmpty();
        assertThat(find(t).status()).isEqualTo(TraceStatus.IN_PROGRESS);
    }

    @Test
    void an_answer_without_an_outcome_or_findings_or_with_a_diversion_in_the_future_is_refused() {
        assertThatThrownBy(() -> new AnswerDraft(null, "found", null, null)).hasMessage("trace.answer-outcome-required");
        assertThatThrownBy(() -> new AnswerDraft(TraceAnswer.Outcome.TRACED, "  ", null, null))
                .hasMessage("trace.answer-findings-required");
        assertThatThrownBy(() -> new PointOfDiversion("XK", LocalDate.now().plusDays(5), null, null, null))
                .hasMessage("trace.diversion-in-future");
        assertThatThrownBy(() -> new PointOfDiversion("Kosovo", null, null, null, null))
                .hasMessage("trace.unknown-country");
    }

    @Test
    void an_outgoing_request_is_filled_from_the_weapon_in_the_graph_edited_as_a_draft_and_its_answer_recorded() {
        Firearm f = Actors.analyst(() -> firearms.register(new NewFirearm("pistol", "Zastava",
                "M70", "7.65 Browning", "OUT-" + UUID.randomUUID().toString().substring(0, 6), "RS", 1990,
                List.of(new NewFirearm.NewMarking(NewFirearm.MarkingKind.PROOF, "ZCZ", "left side", "RS", 1990))),
                new Provenance("user:analyst1", Provenance.Confidence.HIGH)));

        NewTraceRequest filled = Actors.as("analyst1", Role.ANALYST, () -> outgoingTraces.outgoingFor(f.id())).orElseThrow();
        assertThat(filled.weaponSerial()).isEqualTo(f.serialAsRead());
        assertThat(filled.weaponMake()).isEqualTo("Zastava");
        assertThat(filled.counterpart()).as("the country of manufacture").isEqualTo("RS");
        assertThat(filled.firearmId()).isEqualTo(f.id());

        TraceRequest draft = Actors.as("analyst1", Role.ANALYST, () -> outgoingTraces.draft(filled));
        assertThat(Actors.as("analyst1", Role.ANALYST, () -> answers.concerns(draft.id()))).containsExactly(f.id());
        assertThatThrownBy(() -> Actors.as("analyst1", Role.ANALYST, () -> traces.transition(draft.id(), TraceStatus.READY, null)))
                .isInstanceOf(ItiContentMissing.class);

        TraceRequest edited = Actors.as("analyst1", Role.ANALYST, () -> outgoingTraces.updateDraft(draft.id(), complete(filled)));
        assertThat(edited.legalBasis()).isEqualTo("Criminal Procedure Code art. 212");
        assertThat(edited.number()).isEqualTo(draft.number());
        String audit = neo4j.query("""
                        MATCH (e:AuditEvent {action: 'trace.draft-edited'}) WHERE 'TraceRequest:' + $id IN e.entities
                        RETURN e.details""").bind(draft.id()).to("id").fetchAs(String.class).one().orElseThrow();
        assertThat(audit).contains("legalBasis: null → Criminal Procedure Code art. 212");

        Actors.as("analyst1", Role.ANALYST, () -> traces.transition(draft.id(), TraceStatus.READY, null));
        assertThatThrownBy(() -> Actors.as("analyst1", Role.ANALYST, () -> outgoingTraces.updateDraft(draft.id(), complete(filled))))
                .hasMessage("trace.not-a-draft");
        assertThatThrownBy(() -> Actors.as("analyst1", Role.ANALYST, () -> answers.record(draft.id(), TRACED)))
                .as("not sent yet").hasMessage("trace.transition-not-allowed");
        assertThat(Actors.as("analyst1", Role.ANALYST, () -> answers.versions(draft.id()))).isEmpty();

        Actors.as("analyst1", Role.ANALYST, () -> traces.transition(draft.id(), TraceStatus.SENT, null));
        Actors.as("analyst1", Role.ANALYST, () -> answers.record(draft.id(), TRACED));
        assertThat(find(draft).status()).isEqualTo(TraceStatus.ANSWERED);
        assertThat(Actors.as("analyst1", Role.ANALYST, () -> answers.current(draft.id())).orElseThrow().diversion().country())
                .isEqualTo("XK");
    }

    @Test
    void a_candidate_the_analyst_confirms_becomes_the_weapon_the_request_concerns_and_a_stranger_does_not() {
        Firearm f = Actors.analyst(() -> firearms.register(new NewFirearm("pistol", "Zastava",
                "M70", "7.65 Browning", "CF" + (100000 + new Random().nextInt(899999)), "RS", 1990, List.of()),
                new Provenance("user:analyst1", Provenance.Confidence.HIGH)));
        TraceRequest t = Actors.intake(() -> traceIntake.receive(new NewTraceRequest(Direction.INCOMING,
                "AL", null, Priority.ROUTINE, "pistol", "Zastava", "M70", null, f.serialAsRead(), null, "Seized",
                "Law on Weapons", "Prosecution", null, NewTraceRequest.Channel.MANUAL, null, null)));
        Firearm stranger = Actors.analyst(() -> firearms.register(new NewFirearm("rifle", "Mauser",
                "98k", null, "ST-" + UUID.randomUUID().toString().substring(0, 6), "DE", 1940, List.of()),
                new Provenance("user:analyst1", Provenance.Confidence.HIGH)));

        assertThatThrownBy(() -> Actors.as("analyst1", Role.ANALYST, () -> {
            answers.confirmCandidate(t.id(), stranger.id());
            return null;
        })).hasMessage("trace.not-a-candidate");
        Actors.as("analyst1", Role.ANALYST, () -> {
            answers.confirmCandidate(t.id(), f.id());
            return null;
        });
        assertThat(Actors.as("analyst1", Role.ANALYST, () -> answers.concerns(t.id()))).containsExactly(f.id());
    }

    @Test
    void a_redraft_after_approval_voids_it_sends_the_request_back_for_review_and_nothing_goes_out_until_the_new_version_is_approved() {
        String analyst = analyst();
        TraceRequest t = inProgress(analyst);
        Actors.as(analyst, Role.ANALYST, () -> answers.draft(t.id(), TRACED));
        Actors.as("sup1", Role.SUPERVISOR, () -> traces.approve(t.id(), 1, null));
        assertThat(find(t).status()).isEqualTo(TraceStatus.APPROVED);

        Actors.as(analyst, Role.ANALYST, () -> answers.draft(t.id(), new AnswerDraft(TraceAnswer.Outcome.NOT_FOUND,
                "Version two: no record under this serial after all.", null, null)));

        assertThat(find(t).status()).isEqualTo(TraceStatus.ANSWER_DRAFTED);
        var versions = Actors.as(analyst, Role.ANALYST, () -> answers.versions(t.id()));
        assertThat(versions.getFirst().approvedBy()).as("the approval is kept, and void").isEqualTo("sup1");
        assertThat(versions.getFirst().approved()).isFalse();
        assertThat(versions.getLast().approved()).isFalse();
        var history = Actors.supervisor(() -> traces.history(t.id()));
        assertThat(history).extracting(TraceTransition::to).endsWith(TraceStatus.ANSWER_DRAFTED, TraceStatus.APPROVED,
                TraceStatus.ANSWER_DRAFTED);
        assertThat(history.getLast().from()).isEqualTo(TraceStatus.APPROVED);
        assertThat(history.getLast().reason()).isEqualTo("approval of version 1 voided by redraft (version 2); back for review");
        assertThatThrownBy(() -> Actors.as(analyst, Role.ANALYST, () -> traces.transition(t.id(), TraceStatus.ANSWERED,
                null))).as("sending before version 2 is approved").hasMessage("trace.transition-not-allowed");
        assertThatThrownBy(() -> Actors.as("sup1", Role.SUPERVISOR, () -> traces.approve(t.id(), 1, null)))
                .as("the void version cannot be approved again").hasMessage("trace.approval-outdated");

        Actors.as("sup1", Role.SUPERVISOR, () -> traces.approve(t.id(), 2, null));
        Actors.as(analyst, Role.ANALYST, () -> traces.transition(t.id(), TraceStatus.ANSWERED, null));

        var seen = Actors.partner("AL", () -> answers.forPartner(t.number())).orElseThrow();
        assertThat(seen.answer().version()).isEqualTo(2);
        assertThat(seen.answer().findings()).isEqualTo("Version two: no record under this serial after all.");
        assertThat(Actors.supervisor(() -> traces.history(t.id())).getLast().reason()).isEqualTo("version 2 sent");
    }

    @Test
    void a_supervisor_approves_only_the_version_read_and_never_by_a_bare_move() {
        String analyst = analyst();
        TraceRequest t = inProgress(analyst);
        Actors.as(analyst, Role.ANALYST, () -> answers.draft(t.id(), TRACED));
        Actors.as(analyst, Role.ANALYST, () -> answers.draft(t.id(), new AnswerDraft(TraceAnswer.Outcome.NOT_FOUND,
                "Version two, not read by the supervisor.", null, null)));

        assertThatThrownBy(() -> Actors.as("sup1", Role.SUPERVISOR, () -> traces.approve(t.id(), 1, null)))
                .hasMessage("trace.approval-outdated");
        assertThatThrownBy(() -> Actors.as("sup1", Role.SUPERVISOR, () -> traces.transition(t.id(), TraceStatus.APPROVED,
                null))).hasMessage("trace.approval-needs-version");
        assertThat(find(t).status()).isEqualTo(TraceStatus.ANSWER_DRAFTED);
        assertThat(Actors.as(analyst, Role.ANALYST, () -> answers.versions(t.id()))).extracting(TraceAnswer::approvedBy)
                .containsOnlyNulls();
    }

    private static NewTraceRequest complete(NewTraceRequest r) {
        return new NewTraceRequest(Direction.OUTGOING, r.counterpart(), null, Priority.PRIORITY, r.weaponType(),
                r.weaponMake(), r.weaponModel(), r.weaponCalibre(), r.weaponSerial(), r.weaponCountry(),
                "Recovered at a crime scene without any licence", "Criminal Procedure Code art. 212",
                "Criminal investigation", r.circumstances(), r.channel(), null, r.firearmId());
    }

    private TraceRequest assignedTo(String analyst) {
        TraceRequest t = Actors.intake(() -> traceIntake.receive(TraceRequestsTests.incoming("AL",
                Priority.ROUTINE, null)));
        return Actors.as("sup1", Role.SUPERVISOR, () -> traceQueues.assign(t.id(), analyst, "test"));
    }

    private TraceRequest inProgress(String analyst) {
        TraceRequest t = assignedTo(analyst);
        return Actors.as(analyst, Role.ANALYST, () -> traces.transition(t.id(), TraceStatus.IN_PROGRESS, null));
    }

    private TraceRequest find(TraceRequest t) {
        return Actors.as("sup1", Role.SUPERVISOR, () -> traces.find(t.id())).orElseThrow();
    }

    private String analyst() {
        String name = "an-a-" + UUID.randomUUID().toString().substring(0, 6);
        Actors.admin(() -> users.create(name, "Answers", EnumSet.of(Role.ANALYST)));
        return name;
    }
}
