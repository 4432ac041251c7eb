package org.armstrace.registry;

import java.util.List;

/**
 * A model of one manufacturer ("M70" of Zastava, "75" of CZ) with the spellings it is written
 * under. {@code id} is stable across a manufacturer merge; {@code makerCode} is the maker it
 * belongs to now.
 */
public record FirearmModel(String id, String makerCode, String name, List<String> aliases, boolean retired) {
    public FirearmModel {
        aliases = List.copyOf(aliases);
    }
}
