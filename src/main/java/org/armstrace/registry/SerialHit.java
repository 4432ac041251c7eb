package org.armstrace.registry;

import java.util.List;

/**
 * One search result: the weapon, how close its serial is (1 = identical), and why it was returned,
 * in plain words ("S read as 5 at position 3", "make matches"); flags are the kinds of active
 * lost/stolen reports on it ({@code LOST}, {@code STOLEN}).
 */
public record SerialHit(Firearm firearm, double score, List<String> reasons, List<String> flags) {
    public SerialHit {
        reasons = List.copyOf(reasons);
        flags = List.copyOf(flags);
    }

    /** Reported lost or stolen and not yet closed. */
    public boolean reported() {
        return !flags.isEmpty();
    }
}
