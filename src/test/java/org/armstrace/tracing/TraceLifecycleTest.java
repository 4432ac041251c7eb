package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class TraceLifecycleTest {

    @Test
    void an_incoming_request_walks_the_whole_happy_path() {
        TraceStatus[] path = {TraceStatus.RECEIVED, TraceStatus.ACKNOWLEDGED, TraceStatus.ASSIGNED, TraceStatus.IN_PROGRESS,
                TraceStatus.ANSWER_DRAFTED, TraceStatus.APPROVED, TraceStatus.ANSWERED};
        assertThat(TraceLifecycle.initial(Direction.INCOMING)).isEqualTo(TraceStatus.RECEIVED);
        for (int i = 1; i < path.length; i++) {
            TraceStatus from = path[i - 1];
            TraceStatus to = path[i];
            assertThatCode(() -> TraceLifecycle.check(Direction.INCOMING, from, to, null)).as(from + " → " + to)
                    .doesNotThrowAnyException();
        }
        assertThat(TraceLifecycle.closed(Direction.INCOMING, TraceStatus.ANSWERED)).isTrue();
    }

    @Test
    void an_outgoing_request_walks_its_own_path_and_may_end_without_answer() {
        TraceStatus[] path = {TraceStatus.DRAFT, TraceStatus.READY, TraceStatus.SENT, TraceStatus.ACKNOWLEDGED,
                TraceStatus.ANSWERED};
        assertThat(TraceLifecycle.initial(Direction.OUTGOING)).isEqualTo(TraceStatus.DRAFT);
        for (int i = 1; i < path.length; i++) {
            TraceStatus from = path[i - 1];
            TraceStatus to = path[i];
            assertThatCode(() -> TraceLifecycle.check(Direction.OUTGOING, from, to, null)).doesNotThrowAnyException();
        }
        assertThatCode(() -> TraceLifecycle.check(Direction.OUTGOING, TraceStatus.SENT, TraceStatus.NO_ANSWER,
                "no reply after two reminders")).doesNotThrowAnyException();
    }

    @Test
    void skipping_a_step_going_back_from_a_closed_state_or_crossing_directions_is_refused() {
        assertThatThrownBy(() -> TraceLifecycle.check(Direction.INCOMING, TraceStatus.RECEIVED, TraceStatus.ANSWERED, null))
                .hasMessage("trace.transition-not-allowed");
        assertThatThrownBy(() -> TraceLifecycle.check(Direction.INCOMING, TraceStatus.IN_PROGRESS, TraceStatus.APPROVED,
                null)).as("approval needs a drafted answer").hasMessage("trace.transition-not-allowed");
        assertThatThrownBy(() -> TraceLifecycle.check(Direction.INCOMING, TraceStatus.ANSWERED, TraceStatus.IN_PROGRESS,
                null)).hasMessage("trace.transition-not-allowed");
        assertThatThrownBy(() -> TraceLifecycle.check(Direction.INCOMING, TraceStatus.RECEIVED, TraceStatus.SENT, null))
                .hasMessage("trace.transition-not-allowed");
        assertThatThrownBy(() -> TraceLifecycle.check(Direction.OUTGOING, TraceStatus.DRAFT, TraceStatus.SENT, null))
                .as("an outgoing request is sent only once it passed the ITI check").hasMessage("trace.transition-not-allowed");
        for (TraceStatus closed : EnumSet.of(TraceStatus.ANSWERED, TraceStatus.RESTRICTED, TraceStatus.REFUSED)) {
            assertThat(TraceLifecycle.next(Direction.INCOMING, closed)).isEmpty();
        }
    }

    @Test
    void delaying_restricting_or_refusing_needs_a_reason() {
        for (TraceStatus to : EnumSet.of(TraceStatus.DELAYED, TraceStatus.RESTRICTED, TraceStatus.REFUSED)) {
            assertThatThrownBy(() -> TraceLifecycle.check(Direction.INCOMING, TraceStatus.IN_PROGRESS, to, "  "))
                    .as(to.name()).hasMessage("trace.reason-required");
            assertThatCode(() -> TraceLifecycle.check(Direction.INCOMING, TraceStatus.IN_PROGRESS, to,
                    "ongoing investigation")).doesNotThrowAnyException();
        }
    }

    @Test
    void answers_move_with_their_content_and_only_supervisors_approve_when_moving_by_hand() {
        assertThat(TraceLifecycle.handRefusal(Direction.INCOMING, TraceStatus.ANSWER_DRAFTED, TraceStatus.APPROVED, false))
                .contains("trace.approval-needs-supervisor");
        assertThat(TraceLifecycle.handRefusal(Direction.INCOMING, TraceStatus.ANSWER_DRAFTED, TraceStatus.APPROVED, true))
                .isEmpty();
        assertThat(TraceLifecycle.handRefusal(Direction.INCOMING, TraceStatus.IN_PROGRESS, TraceStatus.ANSWER_DRAFTED, true))
                .contains("trace.answer-needed");
        assertThat(TraceLifecycle.handRefusal(Direction.OUTGOING, TraceStatus.SENT, TraceStatus.ANSWERED, true))
                .contains("trace.answer-needed");
        assertThat(TraceLifecycle.handRefusal(Direction.INCOMING, TraceStatus.APPROVED, TraceStatus.ANSWERED, false))
                .isEmpty();
        assertThat(TraceLifecycle.handRefusal(Direction.OUTGOING, TraceStatus.DRAFT, TraceStatus.SENT, true))
                .contains("trace.transition-not-allowed");
        assertThat(TraceLifecycle.byHand(Direction.INCOMING, TraceStatus.ASSIGNED, false))
                .as("staying assigned is re-assigning, which has its own control")
                .containsExactly(TraceStatus.IN_PROGRESS, TraceStatus.DELAYED, TraceStatus.REFUSED);
    }
}
