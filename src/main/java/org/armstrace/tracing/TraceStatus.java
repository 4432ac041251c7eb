package org.armstrace.tracing;

/**
 * The states of a trace request. Incoming: RECEIVED → ACKNOWLEDGED → ASSIGNED → IN_PROGRESS →
 * ANSWER_DRAFTED → APPROVED → ANSWERED, or DELAYED, RESTRICTED, REFUSED (always with reasons, as the
 * ITI requires). Outgoing: DRAFT → READY → SENT → ACKNOWLEDGED → ANSWERED, or NO_ANSWER. Which
 * moves are allowed is decided in one place only: {@link TraceLifecycle}. "Overdue" is not a state
 * but a fact about an open request whose due date has passed.
 */
public enum TraceStatus {
    RECEIVED, ACKNOWLEDGED, ASSIGNED, IN_PROGRESS, ANSWER_DRAFTED, APPROVED, ANSWERED, DELAYED, RESTRICTED, REFUSED,
    DRAFT, READY, SENT, NO_ANSWER
}
