package org.armstrace.registry;

import java.util.List;

/**
 * A weapon as reported: type, make and calibre may be any spelling that reference data knows (or
 * unknown text, kept as given); the serial exactly as read.
 */
public record NewFirearm(String type, String make, String model, String calibre, String serialAsRead,
                         String countryOfManufacture, Integer year, List<NewMarking> markings) {

    public NewFirearm {
        markings = markings == null ? List.of() : List.copyOf(markings);
    }

    /** Another number or mark on the weapon: import mark, proof mark, arsenal or assembly number. */
    public record NewMarking(MarkingKind kind, String text, String position, String country, Integer year) {
    }

    public enum MarkingKind { SERIAL, IMPORT, PROOF, ARSENAL, OTHER }
}
