package org.armstrace.registry;

import java.util.List;
import java.util.Locale;

/**
 * One search result: the weapon, how close it is (1 = identical), and why it was returned
 * ("S read as 5 at position 3", "make matches", "import mark 'IM 123' matches"), as reasons to be
 * shown in the reader's language; flags are the kinds of active lost/stolen reports on it
 * ({@code LOST}, {@code STOLEN}).
 *
 * @param marking the marking that matched what was read, when it was a marking (import mark,
 *                arsenal or assembly number, …) rather than the serial; null otherwise
 */
public record SerialHit(Firearm firearm, double score, List<MatchReason> reasons, List<String> flags,
                        Firearm.Marking marking) {
    public SerialHit {
        reasons = List.copyOf(reasons);
        flags = List.copyOf(flags);
    }

    /** Reported lost or stolen and not yet closed. */
    public boolean reported() {
        return !flags.isEmpty();
    }

    /** The reasons as they are stored beside a candidate ({@link MatchReason#encoded()}). */
    public List<String> storedReasons() {
        return reasons.stream().map(MatchReason::encoded).toList();
    }

    /** The reasons in the given language. */
    public List<String> reasonTexts(Locale locale) {
        return reasons.stream().map(r -> r.text(locale)).toList();
    }
}
