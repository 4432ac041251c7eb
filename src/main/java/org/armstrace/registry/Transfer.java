package org.armstrace.registry;

import java.time.Instant;
import java.time.LocalDate;

/** A recorded change of hands of one weapon, with the parties as they are named in the graph. */
public record Transfer(String id, Kind kind, LocalDate date, String firearmId, String fromId, String fromName,
                       String toId, String toName, String reference, String source, String confidence,
                       Instant recordedAt) {

    public enum Kind { EXPORT, IMPORT, SALE, LOSS, THEFT, STATE_TRANSFER, INHERITANCE, SURRENDER }
}
