package org.armstrace.security;

/**
 * Outcome of checking the audit chain.
 *
 * @param intact         true when every event is authentic, links to its predecessor, agrees with
 *                       every anchor, and the chain reaches its head and its latest anchor
 * @param eventsChecked  events read before the first problem (or all of them)
 * @param firstBrokenSeq the first event that does not verify, or null when intact
 * @param problem        translation key of what is wrong with it, or null when intact
 * @param legacySealed   events 1..legacySealed are from before the audit key: sealed under anchor 1,
 *                       not individually authenticated (0 when there are none)
 * @param anchorsChecked authentic anchors read from the anchors file
 */
public record AuditChainReport(boolean intact, long eventsChecked, Long firstBrokenSeq, String problem,
                               long legacySealed, int anchorsChecked) {

    /** Without the legacy and anchor counts, as the report was before the chain had anchors. */
    public AuditChainReport(boolean intact, long eventsChecked, Long firstBrokenSeq, String problem) {
        this(intact, eventsChecked, firstBrokenSeq, problem, 0, 0);
    }

    static AuditChainReport ok(long checked, long legacySealed, int anchors) {
        return new AuditChainReport(true, checked, null, null, legacySealed, anchors);
    }

    static AuditChainReport broken(long checked, long seq, String problem, long legacySealed, int anchors) {
        return new AuditChainReport(false, checked, seq, problem, legacySealed, anchors);
    }
}
