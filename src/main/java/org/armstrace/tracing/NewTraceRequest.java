package org.armstrace.tracing;

import java.util.Locale;

/**
 * A trace request as it arrives (incoming) or as the analyst starts it (outgoing), before it is
 * numbered. The weapon is described as read by whoever asks; {@code firearmId} names the weapon in
 * our graph when the request starts from one.
 *
 * @param counterpart    ISO code of the other country: the requesting one (incoming) or the requested one (outgoing)
 * @param partnerReference the other side's own reference, if any
 * @param idempotencyKey the sender's retry key (partner API), or null
 */
public record NewTraceRequest(Direction direction, String counterpart, String partnerReference, Priority priority,
                              String weaponType, String weaponMake, String weaponModel, String weaponCalibre,
                              String weaponSerial, String weaponCountry, String whyIllicit, String legalBasis,
                              String intendedUse, String circumstances, Channel channel, String idempotencyKey,
                              String firearmId) {

    /** How the request reached us (incoming) or was made (outgoing). */
    public enum Channel { API, WORKBOOK, MANUAL }

    public NewTraceRequest {
        if (direction == null) {
            throw new TransitionRefused("trace.no-direction");
        }
        if (counterpart == null || !counterpart.strip().matches("[A-Za-z]{2}")) {
            throw new TransitionRefused("trace.unknown-country");
        }
        counterpart = counterpart.strip().toUpperCase(Locale.ROOT);
        priority = priority == null ? Priority.ROUTINE : priority;
        channel = channel == null ? Channel.MANUAL : channel;
        for (String s : new String[]{partnerReference, weaponType, weaponMake, weaponModel, weaponCalibre, weaponSerial,
                weaponCountry}) {
            if (s != null && (s.length() > 200 || s.codePoints().anyMatch(Character::isISOControl))) {
                throw new TransitionRefused("trace.bad-text");
            }
        }
        for (String s : new String[]{whyIllicit, legalBasis, intendedUse, circumstances}) {
            if (s != null && (s.length() > 8000 || s.codePoints().anyMatch(c -> Character.isISOControl(c)
                    && c != '\n' && c != '\r' && c != '\t'))) {
                throw new TransitionRefused("trace.bad-text");
            }
        }
        if (idempotencyKey != null && !idempotencyKey.matches("[A-Za-z0-9._:-]{8,128}")) {
            throw new TransitionRefused("trace.bad-idempotency-key");
        }
    }
}
