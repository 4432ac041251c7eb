package org.armstrace.tracing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.TraceLifecycle;
import org.armstrace.tracing.TraceStatus;
import org.junit.jupiter.api.Test;

/**
 * The request page offers a move as a button exactly when the service would make it by hand: the
 * page and {@code TraceRequests.transition} ask the same rule, {@link TraceLifecycle#handRefusal}.
 */
class TraceRequestViewMovesTest {

    @Test
    void the_page_offers_exactly_the_moves_the_service_accepts_by_hand_for_every_state_and_role() {
        for (Direction direction : Direction.values()) {
            for (TraceStatus from : TraceStatus.values()) {
                for (boolean supervisor : new boolean[] {false, true}) {
                    var accepted = EnumSet.noneOf(TraceStatus.class);
                    for (TraceStatus to : TraceStatus.values()) {
                        if (to != from && TraceLifecycle.handRefusal(direction, from, to, supervisor).isEmpty()) {
                            accepted.add(to);
                        }
                    }
                    assertThat(TraceRequestView.moves(direction, from, supervisor))
                            .as("%s %s, supervisor %s", direction, from, supervisor).isEqualTo(accepted);
                }
            }
        }
    }

    @Test
    void the_page_offers_what_it_offered_before_the_rule_moved_into_the_lifecycle() {
        for (Direction direction : Direction.values()) {
            for (TraceStatus from : TraceStatus.values()) {
                for (boolean supervisor : new boolean[] {false, true}) {
                    // The filter the page used to apply to TraceLifecycle.next by itself.
                    var before = EnumSet.noneOf(TraceStatus.class);
                    for (TraceStatus next : TraceLifecycle.next(direction, from)) {
                        if (next == from || next == TraceStatus.ANSWER_DRAFTED
                                || (next == TraceStatus.ANSWERED && direction == Direction.OUTGOING)
                                || (next == TraceStatus.APPROVED && !supervisor)) {
                            continue;
                        }
                        before.add(next);
                    }
                    assertThat(TraceRequestView.moves(direction, from, supervisor))
                            .as("%s %s, supervisor %s", direction, from, supervisor).isEqualTo(before);
                }
            }
        }
    }

    @Test
    void an_analyst_is_not_offered_the_approval_a_supervisor_is() {
        assertThat(TraceRequestView.moves(Direction.INCOMING, TraceStatus.ANSWER_DRAFTED, false))
                .containsExactly(TraceStatus.IN_PROGRESS, TraceStatus.RESTRICTED, TraceStatus.REFUSED);
        assertThat(TraceRequestView.moves(Direction.INCOMING, TraceStatus.ANSWER_DRAFTED, true))
                .containsExactly(TraceStatus.IN_PROGRESS, TraceStatus.APPROVED, TraceStatus.RESTRICTED,
                        TraceStatus.REFUSED);
    }
}
