package org.armstrace.tracing;

import java.time.Instant;

/**
 * A numbered trace request as it stands; {@link TraceRequests#history} tells how it got there.
 *
 * @param assignee the analyst working on it (incoming), or null while in the team queue
 * @param overdue  open and past its due date, at the time it was read
 */
public record TraceRequest(String id, String number, Direction direction, TraceStatus status, Priority priority,
                           String counterpart, String partnerReference, Instant receivedAt, Instant dueAt,
                           String assignee, String weaponType, String weaponMake, String weaponModel,
                           String weaponCalibre, String weaponSerial, String weaponCountry, String whyIllicit,
                           String legalBasis, String intendedUse, String circumstances,
                           NewTraceRequest.Channel channel, String createdBy, boolean overdue) {
}
