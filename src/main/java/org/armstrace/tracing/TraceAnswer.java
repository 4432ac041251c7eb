package org.armstrace.tracing;

import java.time.Instant;

/**
 * One version of the answer to a trace request: ours to a partner (incoming), or the partner's to
 * us (outgoing, recorded as received). Versions are never edited; a new draft is a new version.
 *
 * @param version    1 for the first draft, counting up
 * @param firearmId  the registry weapon the answer is about, if it was identified
 * @param diversion  where the weapon left legal control, and how, if the answer tells
 * @param approvedBy the supervisor who approved this version (incoming), or null
 * @param voidedAt   when a redraft voided this version's approval, or null
 */
public record TraceAnswer(int version, Outcome outcome, String findings, String firearmId, PointOfDiversion diversion,
                          String draftedBy, Instant draftedAt, String approvedBy, Instant approvedAt,
                          Instant voidedAt) {

    /** Whether a supervisor's approval stands on this version (given, and not voided by a redraft). */
    public boolean approved() {
        return approvedAt != null && voidedAt == null;
    }

    /** What the trace found. */
    public enum Outcome {
        /** The weapon was identified and followed to its last legal holder. */
        TRACED,
        /** The weapon was identified but its chain of custody has gaps. */
        PARTIALLY_TRACED,
        /** No record of the weapon. */
        NOT_FOUND
    }
}
