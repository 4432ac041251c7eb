package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

@ArmsTraceTest
class SubmissionsTests {

    @Autowired
    Submissions submissions;
    @Autowired
    TraceRequests traces;
    @Autowired
    Neo4jClient neo4j;

    private static NewTraceRequest typed(String serial, String whyIllicit) {
        return new NewTraceRequest(Direction.INCOMING, "AL", "AL-SUB-1", Priority.ROUTINE, "pistol", "Zastava", "M70",
                "7.65", serial, "RS", whyIllicit, "CPC art. 208", "criminal proceedings", null,
                NewTraceRequest.Channel.MANUAL, null, null);
    }

    @Test
    void an_intake_officer_turns_a_refused_submission_into_a_request_and_the_submission_stays_as_received_linked_to_it() {
        String officer = "intake-" + UUID.randomUUID().toString().substring(0, 6);
        String serial = "SUB-" + UUID.randomUUID().toString().substring(0, 6);
        assertThatThrownBy(() -> Actors.as(officer, Role.INTAKE, () -> submissions.receiveTyped(typed(serial, null))))
                .isInstanceOf(ItiContentMissing.class);
        Submission refused = Actors.as(officer, Role.INTAKE, () -> submissions.page(Submission.Outcome.REFUSED, 0, 50))
                .stream().filter(s -> s.by().equals(officer)).findFirst().orElseThrow();
        assertThat(refused.channel()).isEqualTo(NewTraceRequest.Channel.MANUAL);
        assertThat(refused.problems()).extracting(Submission.Problem::code).containsExactly("trace.iti-missing");
        assertThat(refused.problems().getFirst().args()).containsExactly("whyIllicit");
        NewTraceRequest asReceived = Actors.as(officer, Role.INTAKE, () -> submissions.asReceived(refused)).orElseThrow();
        assertThat(asReceived.weaponSerial()).isEqualTo(serial);
        byte[] bytes = Actors.as(officer, Role.INTAKE, () -> submissions.content(refused));

        TraceRequest created = Actors.as(officer, Role.INTAKE, () -> submissions.convert(refused.id(),
                typed(serial, "Found without a licence at a border crossing")));

        Submission after = Actors.as(officer, Role.INTAKE, () -> submissions.find(refused.id())).orElseThrow();
        assertThat(after.outcome()).as("kept as it was received").isEqualTo(Submission.Outcome.REFUSED);
        assertThat(after.sha256()).isEqualTo(refused.sha256());
        assertThat(after.problems()).isEqualTo(refused.problems());
        assertThat(Actors.as(officer, Role.INTAKE, () -> submissions.content(after))).isEqualTo(bytes);
        assertThat(after.became()).containsExactly(new Submission.Became(created.id(), created.number(), true));
        assertThat(neo4j.query("MATCH (t:TraceRequest {id: $id}) RETURN t.fromSubmission").bind(created.id()).to("id")
                .fetchAs(String.class).one()).contains(refused.id());
        assertThat(created.weaponSerial()).isEqualTo(serial);
        assertThatThrownBy(() -> Actors.as(officer, Role.INTAKE, () -> submissions.convert(
                submissions.page(Submission.Outcome.ACCEPTED, 0, 1).getFirst().id(), typed(serial, "x"))))
                .hasMessage("submission.not-refused");
    }

    @Test
    void a_request_typed_at_the_desk_is_kept_as_typed_and_linked_to_the_request_it_became() {
        String officer = "intake-" + UUID.randomUUID().toString().substring(0, 6);
        TraceRequest created = Actors.as(officer, Role.INTAKE, () -> submissions.receiveTyped(
                typed("SUB-" + UUID.randomUUID().toString().substring(0, 6), "Seized in a raid")));

        Submission kept = Actors.as(officer, Role.INTAKE, () -> submissions.page(Submission.Outcome.ACCEPTED, 0, 50))
                .stream().filter(s -> s.by().equals(officer)).findFirst().orElseThrow();
        assertThat(kept.country()).isEqualTo("AL");
        assertThat(kept.became()).containsExactly(new Submission.Became(created.id(), created.number(), false));
        assertThat(new String(Actors.as(officer, Role.INTAKE, () -> submissions.content(kept))))
                .contains("\"whyIllicit\":\"Seized in a raid\"");
    }
}
