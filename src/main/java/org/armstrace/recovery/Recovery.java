package org.armstrace.recovery;

import java.time.Instant;
import java.util.List;
import org.armstrace.registry.Firearm;

/**
 * A recovery as stored.
 *
 * @param status     NEW (needs tracing), IN_REVIEW (an analyst has decided on a candidate) or
 *                   IDENTIFIED (every weapon is linked to a weapon in the registry)
 * @param possessors names of the people found in possession; empty for viewers who may not see them
 */
public record Recovery(String id, RecoveryKind kind, Instant at, Place place, String circumstances,
                       String caseReference, String status, String recordedBy, Instant recordedAt, String source,
                       List<Firearm> weapons, List<Possessor> possessors, int openCandidates) {

    public Recovery {
        weapons = List.copyOf(weapons);
        possessors = List.copyOf(possessors);
    }

    public record Possessor(String personId, String name) {
    }
}
