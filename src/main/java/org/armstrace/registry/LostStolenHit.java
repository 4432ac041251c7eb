package org.armstrace.registry;

import java.time.Instant;
import java.util.List;

/**
 * An earlier record that a lost/stolen report's weapon may be, found by the retroactive check with
 * the serial search's confusion-aware comparison: a weapon recovered before, a registration, or a
 * weapon described in another report.
 *
 * @param reasons why, as {@link MatchReason} codes ({@link MatchReason#decode})
 */
public record LostStolenHit(Firearm firearm, Kind kind, double score, List<String> reasons, Instant foundAt) {

    public LostStolenHit {
        reasons = List.copyOf(reasons);
    }

    public enum Kind {
        EARLIER_RECOVERY, REGISTRATION, OTHER_REPORT;

        static Kind of(String firearmStatus) {
            return switch (firearmStatus == null ? "" : firearmStatus) {
                case "RECOVERED" -> EARLIER_RECOVERY;
                case "REPORTED" -> OTHER_REPORT;
                default -> REGISTRATION;
            };
        }
    }
}
