package org.armstrace.recovery;

import java.time.Instant;

/**
 * What another module may say about a weapon's latest recovery: kind, when, where and what
 * happened, as recorded. Tracing puts it, in words, into an outgoing request.
 *
 * @param kind          the recovery's kind as stored (a {@link RecoveryKind} name)
 * @param at            when the weapon was recovered, or null when unknown
 * @param municipality  the municipality's code, or null
 * @param latitude      where, or null when no place was recorded
 * @param caseReference the case the recovery belongs to, or null
 */
public record RecoveryCircumstances(String kind, Instant at, String municipality, Double latitude, Double longitude,
                                    String caseReference, String circumstances) {
}
