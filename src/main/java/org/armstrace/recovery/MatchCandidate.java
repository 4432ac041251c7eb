package org.armstrace.recovery;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.armstrace.registry.Firearm;

/**
 * A weapon in the graph that a recovered weapon may be, as the instant checks found it, and the
 * analyst's decision on it.
 *
 * @param recoveredFirearmId the weapon as recorded at the scene
 * @param firearm            the weapon it may be
 * @param score              serial similarity in [0, 1]
 * @param reasons            why it matches, in words ("S read as 5 at position 3", "make matches (Zastava)")
 * @param holders            current licence holders' names; empty when the viewer may not see personal data
 * @param holdersOnFile      how many current licence holders there are, also when their names are not shown
 * @param traceRequests      numbers of open trace requests about the weapon
 * @param timeToCrimeDays    last legal transfer → recovery, when confirmed and the chain allows it
 */
public record MatchCandidate(String id, String recoveredFirearmId, Firearm firearm, Set<Kind> kinds, double score,
                            List<String> reasons, List<String> holders, int holdersOnFile, List<String> traceRequests, Status status,
                            String decidedBy, Instant decidedAt, String decisionReason, Long timeToCrimeDays) {

    /** What makes the hit worth the officer's attention. */
    public enum Kind { REGISTERED, LOST_STOLEN, EARLIER_RECOVERY, TRACE_REQUEST }

    public enum Status { OPEN, CONFIRMED, REJECTED }

    public MatchCandidate {
        kinds = Set.copyOf(kinds);
        reasons = List.copyOf(reasons);
        holders = List.copyOf(holders);
        traceRequests = List.copyOf(traceRequests);
    }
}
