package org.armstrace.recovery;

import java.time.LocalDate;

/** Filters of the recoveries list; null means "any". Dates are inclusive, in the server's zone. */
public record RecoveryFilter(LocalDate from, LocalDate to, RecoveryKind kind, String municipality, String status) {

    public static final RecoveryFilter ALL = new RecoveryFilter(null, null, null, null, null);
}
