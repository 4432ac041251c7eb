package org.armstrace.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A report that a weapon was lost or stolen. A report is never edited or deleted: when the weapon
 * turns up or the report proves wrong it is closed, with who closed it, when and why.
 */
public record LostStolenReport(String id, Kind kind, String firearmId, LocalDate occurredOn, String place,
                               String reference, String circumstances, Status status, String reportedBy,
                               Instant reportedAt, String closedBy, Instant closedAt, String closeReason,
                               String source, String confidence) {

    public enum Kind { LOST, STOLEN }

    public enum Status { ACTIVE, RECOVERED, WITHDRAWN }
}
