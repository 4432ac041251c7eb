package org.armstrace.registry;

import java.time.Instant;
import java.time.LocalDate;

/** A weapons licence: who holds it, what kind, valid when; weapons are covered by it for a period. */
public record Licence(String id, String number, Kind kind, String holderId, String holderName, String issuedBy,
                      LocalDate validFrom, LocalDate validTo, String source, String confidence, Instant recordedAt) {

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
