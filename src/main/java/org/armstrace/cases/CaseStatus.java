package org.armstrace.cases;

/**
 * Where a case stands. Every move needs a reason and is kept as a {@code :CaseTransition}: a case is
 * suspended (waiting for a partner's answer, a court), closed (charged, no further lead), or reopened
 * when something new comes in. A closed case is reopened before it is suspended again.
 */
public enum CaseStatus {
    OPEN, SUSPENDED, CLOSED;

    public boolean canBecome(CaseStatus to) {
        return to != null && to != this && !(this == CLOSED && to == SUSPENDED);
    }
}
