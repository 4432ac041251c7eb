package org.armstrace.registry;

import java.time.LocalDate;

/**
 * A change of hands. {@code fromId} and {@code toId} name a person or an organisation (either may
 * be unknown); {@code toLicenceId}, when given, is the licence that covers the weapon from
 * {@code date} on, which ends the holding under any earlier licence.
 */
public record NewTransfer(Transfer.Kind kind, LocalDate date, String firearmId, String fromId, String toId,
                          String toLicenceId, String reference) {

    public NewTransfer {
        if (kind == null || date == null || firearmId == null) {
            throw new IllegalArgumentException("A transfer needs a kind, a date and a weapon");
        }
    }
}
