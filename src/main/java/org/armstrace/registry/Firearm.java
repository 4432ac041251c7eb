package org.armstrace.registry;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A registered weapon as it stands now; {@link FirearmRegistry#history} gives how it got there. */
public record Firearm(String id, String typeCode, String makeCode, String makeAsRead, String model, String calibreCode,
                      String serialAsRead, String serialKey, String countryOfManufacture, Integer year, String status,
                      List<Marking> markings, int version, String source, String confidence, Instant recordedAt) {

    public Firearm {
        markings = List.copyOf(markings);
    }

    /** The weapon in one line as people name it: make and model as read, and the serial. */
    public String label() {
        return Stream.of(makeAsRead, model, serialAsRead).filter(x -> x != null && !x.isBlank())
                .collect(Collectors.joining(" "));
    }

    public record Marking(String kind, String text, String key, String position, String country, Integer year) {
    }
}
