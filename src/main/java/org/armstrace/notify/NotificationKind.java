package org.armstrace.notify;

/** What a notification is about; each user chooses per kind whether it reaches them by e-mail. */
public enum NotificationKind {
    /** An overdue or soon-due trace request, case task or case deadline of theirs, or their team's. */
    ESCALATION,
    /** A colleague named them in a case's note. */
    MENTION,
    /** A new pattern alert whose evidence touches their work. */
    ALERT,
    /** A recovered weapon matched the lost and stolen register. */
    LOST_STOLEN_HIT
}
