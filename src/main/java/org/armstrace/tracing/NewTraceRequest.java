package org.armstrace.tracing;

import java.util.Locale;
import org.armstrace.base.PlainText;

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
        // Null while not yet chosen (an outgoing request filled from the graph); the service refuses it.
        if (counterpart != null && !counterpart.strip().matches("[A-Za-z]{2}")) {
            throw new TransitionRefused("trace.unknown-country");
        }
        counterpart = counterpart == null ? null : counterpart.strip().toUpperCase(Locale.ROOT);
        priority = priority == null ? Priority.ROUTINE : priority;
        channel = channel == null ? Channel.MANUAL : channel;
        partnerReference = text(partnerReference, 200);
        weaponType = text(weaponType, 200);
        weaponMake = text(weaponMake, 200);
        weaponModel = text(weaponModel, 200);
        weaponCalibre = text(weaponCalibre, 200);
        weaponSerial = text(weaponSerial, 200);
        weaponCountry = text(weaponCountry, 200);
        whyIllicit = text(whyIllicit, 8000);
        legalBasis = text(legalBasis, 8000);
        intendedUse = text(intendedUse, 8000);
        circumstances = text(circumstances, 8000);
        if (idempotencyKey != null && !idempotencyKey.matches("[A-Za-z0-9._:-]{8,128}")) {
            throw new TransitionRefused("trace.bad-idempotency-key");
        }
    }

    /** A stored request as typed again (to edit a draft); it keeps its channel, has no key and names no weapon. */
    public static NewTraceRequest of(TraceRequest t) {
        return new NewTraceRequest(t.direction(), t.counterpart(), t.partnerReference(), t.priority(), t.weaponType(),
                t.weaponMake(), t.weaponModel(), t.weaponCalibre(), t.weaponSerial(), t.weaponCountry(),
                t.whyIllicit(), t.legalBasis(), t.intendedUse(), t.circumstances(), t.channel(), null, null);
    }

    /**
     * A free-text value as stored: null when blank, stripped otherwise. A short value (up to 200
     * characters) is one line; a long one may hold line breaks and tabs; no other control
     * characters, which have no place in a document sent abroad.
     */
    static String text(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.strip();
        if (!PlainText.acceptable(v, max, max > 200)) {
            throw new TransitionRefused("trace.bad-text");
        }
        return v;
    }
}
