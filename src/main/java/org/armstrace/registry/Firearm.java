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

    /** The weapon in one line as people name it: make and model as read, and the serial. */
    public String label() {
        return java.util.stream.Stream.of(makeAsRead, model, serialAsRead).filter(x -> x != null && !x.isBlank())
                .collect(java.util.stream.Collectors.joining(" "));
    }

    public record Marking(String kind, String text, String key, String position, String country, Integer year) {
    }
}
