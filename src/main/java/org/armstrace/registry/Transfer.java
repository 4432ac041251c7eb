package org.armstrace.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A recorded change of hands of one weapon, with the parties as they are named in the graph. A
 * party that is a person is {@link Person#ON_FILE} (id and name) for a viewer who may not see names.
 *
 * @param fromPerson whether the party it came from is a person (not an organisation)
 * @param toPerson   whether the party it went to is a person
 */
public record Transfer(String id, Kind kind, LocalDate date, String firearmId, String fromId, String fromName,
                       String toId, String toName, String reference, String source, String confidence,
                       Instant recordedAt, boolean fromPerson, boolean toPerson) {

    public enum Kind { EXPORT, IMPORT, SALE, LOSS, THEFT, STATE_TRANSFER, INHERITANCE, SURRENDER }
}
