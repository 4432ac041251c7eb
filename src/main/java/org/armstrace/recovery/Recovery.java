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
 * @param amnesty    set when a supervisor excluded the surrendered weapons from tracing under an amnesty
 */
public record Recovery(String id, RecoveryKind kind, Instant at, Place place, String circumstances,
                       String caseReference, String status, String recordedBy, Instant recordedAt, String source,
                       List<Firearm> weapons, List<Possessor> possessors, int openCandidates, Amnesty amnesty) {

    /** Who excluded the recovery from tracing under an amnesty, when and under which rule. */
    public record Amnesty(String by, Instant at, String reason) {
    }

    public Recovery {
        weapons = List.copyOf(weapons);
        possessors = List.copyOf(possessors);
    }

    public record Possessor(String personId, String name) {
    }
}
