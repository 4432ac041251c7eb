package org.armstrace.intelligence;

import java.util.List;

/**
 * One instance of a pattern as a scan found it.
 *
 * @param key      names the instance across scans: the same holder, run, route or group gets the same key
 * @param subject  the entity the instance is about, when there is one (a holder, a person, a weapon)
 * @param score    the rank: how far past its threshold the instance is
 * @param args     the values its summary is written from, in the order of its message
 * @param evidence the entities that make it an instance, most telling first
 */
record PatternInstance(Pattern pattern, String key, EntityRef subject, double score, List<String> args,
                              List<EntityRef> evidence) {

    public PatternInstance {
        args = List.copyOf(args);
        evidence = List.copyOf(evidence);
    }
}
