package org.armstrace.registry;

import java.util.List;

/** A maker of firearms (or a state arsenal), with the names and marks it appears under. */
public record Manufacturer(String code, String name, String country, List<String> aliases, String kind, boolean retired) {
    public Manufacturer {
        aliases = List.copyOf(aliases);
    }
}
