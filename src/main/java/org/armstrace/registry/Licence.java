package org.armstrace.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A weapons licence: who holds it, what kind, valid when; weapons are covered by it for a period.
 *
 * @param status  {@link Status#ACTIVE} unless the registry or the desk said it was revoked, suspended or expired
 * @param endedOn the day it was ended so, when the desk or the registry gave one
 */
public record Licence(String id, String number, Kind kind, String holderId, String holderName, String issuedBy,
                      LocalDate validFrom, LocalDate validTo, String source, String confidence, Instant recordedAt,
                      Status status, LocalDate endedOn) {

    public enum Kind { POSSESSION, CARRY, HUNTING, SPORT, COLLECTOR, DEALER, SECURITY_COMPANY }

    /** What the issuing registry says of a licence; any but ACTIVE ends the holdings under it. */
    public enum Status {
        ACTIVE, REVOKED, SUSPENDED, EXPIRED;

        public boolean ends() {
            return this != ACTIVE;
        }
    }

    /** Valid on the given day: issued and not yet expired. */
    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }
}
