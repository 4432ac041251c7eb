package org.armstrace.intelligence;

import java.time.Instant;
import java.util.List;

/**
 * A pattern instance kept for the analysts: ranked, with its evidence, and decided once (dismissed
 * or promoted to a case) with a reason. Later scans update its evidence and rank, recording each
 * change as an {@link Event}; {@code current} is false once a scan no longer finds it.
 *
 * @param subject  the entity the alert is about, or null (a run of serials, a route, a place)
 * @param args     the values its summary is written from
 * @param evidence the entities that make it an instance, as {@code Kind:key}
 */
public record Alert(String id, Pattern pattern, String key, String subject, double score, List<String> args,
                    List<String> evidence, Status status, boolean current, Instant firstSeenAt, Instant seenAt,
                    String caseReference) {

    public enum Status { OPEN, DISMISSED, PROMOTED }

    /** One step of an alert's history: found, changed, gone, dismissed or promoted. */
    public record Event(Instant at, String by, String kind, String reason, String caseReference, List<String> added,
                        List<String> removed) {
    }

    /** What the ranked list shows: one pattern or all, one status or all, or only those new to me. */
    public record Filter(Pattern pattern, Status status, boolean newForMe) {
    }
}
