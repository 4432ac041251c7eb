package org.armstrace.registry;

import java.util.List;

/**
 * One search result: the weapon, how close its serial is (1 = identical), and why it was returned,
 * in plain words ("S read as 5 at position 3", "make matches").
 */
public record SerialHit(Firearm firearm, double score, List<String> reasons) {
    public SerialHit {
        reasons = List.copyOf(reasons);
    }
}
