package org.armstrace.cases;

import java.time.Instant;
import java.util.List;

/**
 * What happens to a case, published in the transaction that did it, for the features that act on it
 * later (escalation, e-mail notification) to listen to.
 */
public final class CaseEvents {

    private CaseEvents() {
    }

    public record CaseOpened(String number, String by, String owner) {
    }

    public record CaseStatusChanged(String number, CaseStatus from, CaseStatus to, String reason, String by) {
    }

    public record CaseLinked(String number, LinkKind kind, String key, String by) {
    }

    /** A note named colleagues; each got an in-app notification. */
    public record CaseNoteMentioned(String number, String noteId, String by, List<String> mentioned) {
        public CaseNoteMentioned {
            mentioned = List.copyOf(mentioned);
        }
    }

    public record CaseTaskAssigned(String number, String taskId, String assignee, Instant due, String by) {
    }
}
