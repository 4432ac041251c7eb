package org.armstrace.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case as its page and lists show it.
 *
 * @param reference   the free-text reference it was known by before it had a number (kept on
 *                    migrated cases and on cases a recovery or alert named), or its number
 * @param team        the office whose members work it (a user's {@code office}); with {@code restricted}
 *                    nobody else but its owner sees it
 * @param nextDue     the earliest open deadline or task due date, or null
 */
public record Case(String id, String number, String reference, String title, CaseKind kind, CaseStatus status,
                   String statusReason, String owner, String team, boolean restricted, String prosecutorReference,
                   Instant openedAt, String openedBy, LocalDate nextDue) {

    /** Whether something of it was due before {@code today}. */
    public boolean overdue(LocalDate today) {
        return status != CaseStatus.CLOSED && nextDue != null && nextDue.isBefore(today);
    }
}
