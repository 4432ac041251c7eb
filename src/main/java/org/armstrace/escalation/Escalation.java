package org.armstrace.escalation;

import java.time.Instant;
import java.util.List;

/**
 * One step of escalation taken on an item, as its history shows it.
 *
 * @param item the item, as the audit names it: {@code TraceRequest:<id>}, {@code CaseTask:<id>},
 *             {@code CaseDeadline:<id>}
 * @param told the users it was sent to (a reassignment: the new assignee first)
 */
public record Escalation(String item, Step step, Instant at, List<String> told, String detail) {

    public Escalation {
        told = List.copyOf(told);
    }

    public enum Step {
        /** Due within {@code armstrace.escalation.soon-due}: the assignee is told. */
        SOON_DUE,
        /** Past its due time: the assignee is told (the supervisors, when nobody has it). */
        OVERDUE,
        /** Overdue by {@code armstrace.escalation.supervisor-after}: the supervisors are told. */
        SUPERVISOR,
        /** A rule gave it to the on-duty supervisor. */
        REASSIGNED
    }
}
