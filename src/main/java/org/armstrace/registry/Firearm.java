package org.armstrace.registry;

import java.time.Instant;
import java.util.List;

/** A registered weapon as it stands now; {@link FirearmRegistry#history} gives how it got there. */
public record Firearm(String id, String typeCode, String makeCode, String makeAsRead, String model, String calibreCode,
                      String serialAsRead, String serialKey, String countryOfManufacture, Integer year, String status,
                      List<Marking> markings, int version, String source, String confidence, Instant recordedAt) {

    public Firearm {
        markings = List.copyOf(markings);
    }

    public record Marking(String kind, String text, String key, String position, String country, Integer year) {
    }
}
