package org.armstrace.statistics;

import java.time.Duration;
import java.time.Instant;

/**
 * One trace request as the statistics count it. Times come from its transitions.
 *
 * @param start          when it started: received (incoming) or sent (outgoing)
 * @param acknowledgedAt first acknowledgement: ours on intake, or the partner's
 * @param answeredAt     when the answer went out (incoming: ANSWERED or RESTRICTED) or came in (outgoing)
 * @param closedAt       when it reached a closed state (answered, restricted, refused, no answer)
 * @param office         the office of the analyst it is assigned to (incoming) or who wrote it (outgoing)
 * @param outcome        the answer's outcome, if there is one: TRACED, PARTIALLY_TRACED, NOT_FOUND
 */
record TraceFacts(String number, String direction, String status, String priority, String counterpart,
                         String office, Instant start, Instant acknowledgedAt, Instant answeredAt, Instant closedAt,
                         Instant dueAt, String outcome) {

    public boolean incoming() {
        return "INCOMING".equals(direction);
    }

    /** Still open at this moment. */
    public boolean openAt(Instant t) {
        return start != null && start.isBefore(t) && (closedAt == null || !closedAt.isBefore(t));
    }

    /** Open and past its due date at this moment. */
    public boolean overdueAt(Instant t) {
        return openAt(t) && dueAt != null && dueAt.isBefore(t);
    }

    public Duration timeToAcknowledge() {
        return start == null || acknowledgedAt == null ? null : Duration.between(start, acknowledgedAt);
    }

    public Duration timeToAnswer() {
        return start == null || answeredAt == null ? null : Duration.between(start, answeredAt);
    }

    /** Answered with the weapon traced, fully or in part. */
    public boolean successful() {
        return answeredAt != null && ("TRACED".equals(outcome) || "PARTIALLY_TRACED".equals(outcome));
    }
}
