package org.armstrace.tracing;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request as a partner writes it in JSON (API v1's documented body), and as a request typed in at
 * the desk is kept. {@code requestingCountry} is written for typed requests only: a partner's
 * token, not its body, says which country it speaks for.
 */
record SubmittedRequest(String requestingCountry, String partnerReference, Priority priority, Weapon weapon,
                        String whyIllicit, String legalBasis, String intendedUse, String circumstances) {

    record Weapon(String type, String make, String model, String calibre, String serial, String countryOfManufacture) {
    }

    /** The body read as JSON of the documented shape; anything else is refused as a malformed body. */
    static SubmittedRequest parse(JsonMapper json, byte[] body) {
        if (body == null || body.length == 0) {
            throw new TransitionRefused("trace.malformed-body");
        }
        try {
            SubmittedRequest read = json.readValue(body, SubmittedRequest.class);
            if (read == null) {
                throw new TransitionRefused("trace.malformed-body");
            }
            return read;
        } catch (JacksonException e) {
            throw new TransitionRefused("trace.malformed-body");
        }
    }

    static SubmittedRequest of(NewTraceRequest r) {
        return new SubmittedRequest(r.counterpart(), r.partnerReference(), r.priority(), new Weapon(r.weaponType(),
                r.weaponMake(), r.weaponModel(), r.weaponCalibre(), r.weaponSerial(), r.weaponCountry()),
                r.whyIllicit(), r.legalBasis(), r.intendedUse(), r.circumstances());
    }

    NewTraceRequest toRequest(String country, NewTraceRequest.Channel channel, String idempotencyKey) {
        Weapon w = weapon == null ? new Weapon(null, null, null, null, null, null) : weapon;
        return new NewTraceRequest(Direction.INCOMING, country, partnerReference, priority, w.type(), w.make(),
                w.model(), w.calibre(), w.serial(), w.countryOfManufacture(), whyIllicit, legalBasis, intendedUse,
                circumstances, channel, idempotencyKey, null);
    }
}
