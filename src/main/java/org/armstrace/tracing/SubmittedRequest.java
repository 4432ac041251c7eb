package org.armstrace.tracing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.armstrace.registry.NewPerson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request as a partner writes it in JSON (API v1's documented body), and as a request typed in at
 * the desk is kept. {@code requestingCountry} is written for typed requests only: a partner's
 * token, not its body, says which country it speaks for.
 */
record SubmittedRequest(String requestingCountry, String partnerReference, Priority priority, Weapon weapon,
                        String whyIllicit, String legalBasis, String intendedUse, String circumstances,
                        List<Person> people) {

    record Weapon(String type, String make, String model, String calibre, String serial, String countryOfManufacture) {
    }

    /** A person the request names (a possessor, a suspect), as the partner writes them. */
    record Person(String givenName, String familyName, String parentName, LocalDate birthDate, String birthPlace,
                  String nationalId) {
    }

    /** The people named, as the registry takes them; a person without both names, or too long, is refused. */
    List<NewPerson> named() {
        if (people == null || people.isEmpty()) {
            return List.of();
        }
        if (people.size() > TracePeople.MAX) {
            throw new TransitionRefused("trace.bad-person");
        }
        var out = new ArrayList<NewPerson>();
        for (Person p : people) {
            if (p == null) {
                throw new TransitionRefused("trace.bad-person");
            }
            try {
                out.add(new NewPerson(NewTraceRequest.text(p.givenName(), 100), NewTraceRequest.text(p.familyName(), 100),
                        NewTraceRequest.text(p.parentName(), 100), p.birthDate(), NewTraceRequest.text(p.birthPlace(), 100),
                        NewTraceRequest.text(p.nationalId(), 20)));
            } catch (IllegalArgumentException e) {
                throw new TransitionRefused("trace.bad-person");
            }
        }
        return out;
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
                r.whyIllicit(), r.legalBasis(), r.intendedUse(), r.circumstances(), null);
    }

    NewTraceRequest toRequest(String country, NewTraceRequest.Channel channel, String idempotencyKey) {
        Weapon w = weapon == null ? new Weapon(null, null, null, null, null, null) : weapon;
        return new NewTraceRequest(Direction.INCOMING, country, partnerReference, priority, w.type(), w.make(),
                w.model(), w.calibre(), w.serial(), w.countryOfManufacture(), whyIllicit, legalBasis, intendedUse,
                circumstances, channel, idempotencyKey, null);
    }
}
