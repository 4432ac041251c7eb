package org.armstrace.registry;

import java.util.List;

/** A cartridge or gauge with every spelling people use for it. */
public record Calibre(String code, String name, List<String> aliases, String type, boolean retired) {
    public Calibre {
        aliases = List.copyOf(aliases);
    }
}
