package org.armstrace.tracing;

import static org.armstrace.tracing.TraceStatus.ACKNOWLEDGED;
import static org.armstrace.tracing.TraceStatus.ANSWERED;
import static org.armstrace.tracing.TraceStatus.ANSWER_DRAFTED;
import static org.armstrace.tracing.TraceStatus.APPROVED;
import static org.armstrace.tracing.TraceStatus.ASSIGNED;
import static org.armstrace.tracing.TraceStatus.DELAYED;
import static org.armstrace.tracing.TraceStatus.DRAFT;
import static org.armstrace.tracing.TraceStatus.IN_PROGRESS;
import static org.armstrace.tracing.TraceStatus.NO_ANSWER;
import static org.armstrace.tracing.TraceStatus.READY;
import static org.armstrace.tracing.TraceStatus.RECEIVED;
import static org.armstrace.tracing.TraceStatus.REFUSED;
import static org.armstrace.tracing.TraceStatus.RESTRICTED;
import static org.armstrace.tracing.TraceStatus.SENT;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that says which state a trace request may move to next. Every service method that
 * changes a request's state asks here first; nothing else writes {@code status}.
 */
public final class TraceLifecycle {

    /** States after which an incoming request is finished (answered, in full or restricted, or refused). */
    public static final Set<TraceStatus> INCOMING_CLOSED = EnumSet.of(ANSWERED, RESTRICTED, REFUSED);
    /** States after which an outgoing request is finished. */
    public static final Set<TraceStatus> OUTGOING_CLOSED = EnumSet.of(ANSWERED, NO_ANSWER);
    /** Moves that must say why (ITI: reasons for delaying, restricting or refusing; the supervisor's return). */
    public static final Set<TraceStatus> NEED_REASON = EnumSet.of(DELAYED, RESTRICTED, REFUSED, NO_ANSWER);

    private static final Map<TraceStatus, Set<TraceStatus>> INCOMING = new EnumMap<>(TraceStatus.class);
    private static final Map<TraceStatus, Set<TraceStatus>> OUTGOING = new EnumMap<>(TraceStatus.class);

    static {
        // A refusal or a restricted answer may come at any point before the answer goes out.
        INCOMING.put(RECEIVED, EnumSet.of(ACKNOWLEDGED, REFUSED));
        INCOMING.put(ACKNOWLEDGED, EnumSet.of(ASSIGNED, DELAYED, REFUSED));
        INCOMING.put(ASSIGNED, EnumSet.of(ASSIGNED, IN_PROGRESS, DELAYED, REFUSED));
        INCOMING.put(IN_PROGRESS, EnumSet.of(ANSWER_DRAFTED, DELAYED, RESTRICTED, REFUSED));
        // The supervisor approves, or sends the draft back to work.
        INCOMING.put(ANSWER_DRAFTED, EnumSet.of(APPROVED, IN_PROGRESS, RESTRICTED, REFUSED));
        // A redraft after approval voids it: back for review (never by hand, see handRefusal).
        INCOMING.put(APPROVED, EnumSet.of(ANSWERED, ANSWER_DRAFTED));
        INCOMING.put(DELAYED, EnumSet.of(IN_PROGRESS, RESTRICTED, REFUSED));
        INCOMING.put(ANSWERED, EnumSet.noneOf(TraceStatus.class));
        INCOMING.put(RESTRICTED, EnumSet.noneOf(TraceStatus.class));
        INCOMING.put(REFUSED, EnumSet.noneOf(TraceStatus.class));

        OUTGOING.put(DRAFT, EnumSet.of(READY));
        OUTGOING.put(READY, EnumSet.of(DRAFT, SENT));
        OUTGOING.put(SENT, EnumSet.of(ACKNOWLEDGED, ANSWERED, NO_ANSWER));
        OUTGOING.put(ACKNOWLEDGED, EnumSet.of(ANSWERED, NO_ANSWER));
        OUTGOING.put(ANSWERED, EnumSet.noneOf(TraceStatus.class));
        OUTGOING.put(NO_ANSWER, EnumSet.noneOf(TraceStatus.class));
    }

    private TraceLifecycle() {
    }

    /** The state a new request starts in. */
    public static TraceStatus initial(Direction direction) {
        return direction == Direction.INCOMING ? RECEIVED : DRAFT;
    }

    public static Set<TraceStatus> next(Direction direction, TraceStatus from) {
        Set<TraceStatus> next = (direction == Direction.INCOMING ? INCOMING : OUTGOING).get(from);
        return next == null ? Set.of() : Set.copyOf(next);
    }

    public static boolean closed(Direction direction, TraceStatus status) {
        return (direction == Direction.INCOMING ? INCOMING_CLOSED : OUTGOING_CLOSED).contains(status);
    }

    /**
     * Why a user may not make this move by hand, as a bare change of state, or empty when they may.
     * An answer is drafted (ours) or recorded (the partner's) with its content, never by a bare
     * move; only a supervisor approves an answer (four eyes). The service refuses with this; the
     * request page offers only what {@link #byHand} lists, so both follow the same rule.
     */
    public static Optional<String> handRefusal(Direction direction, TraceStatus from, TraceStatus to,
                                               boolean supervisor) {
        if (to == APPROVED && !supervisor) {
            return Optional.of("trace.approval-needs-supervisor");
        }
        if (to == ANSWER_DRAFTED || (to == ANSWERED && direction == Direction.OUTGOING)) {
            return Optional.of("trace.answer-needed");
        }
        if (!next(direction, from).contains(to)) {
            return Optional.of("trace.transition-not-allowed");
        }
        return Optional.empty();
    }

    /**
     * The moves a user may make by hand from here, in the order of {@link TraceStatus}. Staying in
     * the same state is left out: re-assigning has its own control.
     */
    public static Set<TraceStatus> byHand(Direction direction, TraceStatus from, boolean supervisor) {
        var moves = EnumSet.noneOf(TraceStatus.class);
        for (TraceStatus to : TraceStatus.values()) {
            if (to != from && handRefusal(direction, from, to, supervisor).isEmpty()) {
                moves.add(to);
            }
        }
        return moves;
    }

    /** Refuses a move that is not allowed, or one that needs a reason and has none. */
    public static void check(Direction direction, TraceStatus from, TraceStatus to, String reason) {
        if (!next(direction, from).contains(to)) {
            throw new TransitionRefused("trace.transition-not-allowed");
        }
        if (NEED_REASON.contains(to) && (reason == null || reason.isBlank())) {
            throw new TransitionRefused("trace.reason-required");
        }
    }
}
