package org.armstrace.security;

/**
 * Outcome of checking the audit chain.
 *
 * @param intact        true when every event links to its predecessor and hashes to its stored hash
 * @param eventsChecked events read before the first problem (or all of them)
 * @param firstBrokenSeq the first event that does not verify, or null when intact
 * @param problem       translation key of what is wrong with it, or null when intact
 */
public record AuditChainReport(boolean intact, long eventsChecked, Long firstBrokenSeq, String problem) {

    static AuditChainReport ok(long checked) {
        return new AuditChainReport(true, checked, null, null);
    }

    static AuditChainReport broken(long checked, long seq, String problem) {
        return new AuditChainReport(false, checked, seq, problem);
    }
}
