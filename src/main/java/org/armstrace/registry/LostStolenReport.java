package org.armstrace.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A report that a weapon was lost or stolen. A report is never edited or deleted: when the weapon
 * turns up or the report proves wrong it is closed, with who closed it, when and why, and it may be
 * reopened; every step stays in its history ({@link Event}). The weapon is a registered one or one
 * described only in the report (a {@code Firearm} of status {@code REPORTED}).
 */
public record LostStolenReport(String id, Kind kind, String firearmId, LocalDate occurredOn, String place,
                               String reference, String circumstances, Status status, String reportedBy,
                               Instant reportedAt, String closedBy, Instant closedAt, String closeReason,
                               String source, String confidence) {

    public enum Kind { LOST, STOLEN }

    /** RECOVERED: the weapon turned up; WITHDRAWN: the report was made in error (or withdrawn by the owner). */
    public enum Status { ACTIVE, RECOVERED, WITHDRAWN }

    /**
     * One step of a report's history, oldest first: reported, closed (as {@code status}) or reopened,
     * by whom, when and why. Steps are added, never changed.
     */
    public record Event(Instant at, String by, EventKind kind, Status status, String reason) {
    }

    public enum EventKind { REPORTED, CLOSED, REOPENED }
}
