package org.armstrace.registry;

import java.util.List;

/** A person found by name, personal number or licence number, with why in plain words. */
public record PersonHit(Person person, double score, List<String> reasons) {
    public PersonHit {
        reasons = List.copyOf(reasons);
    }
}
