package org.armstrace.registry;

import java.util.List;
import java.util.Map;

/**
 * How a row of an extract stands against what the same source (mapping profile) said of its record
 * the last time: the first word about a new record, the same as before, the first word of this source
 * about a record another source (or the desk) made, or a change.
 *
 * @param changes   the fields a {@link State#CHANGED} row sets, with their new values (derived search keys
 *                  left out); empty when it changed nothing but what the desk corrected
 * @param conflicts fields the desk corrected by hand that the source now gives another value: left as the
 *                  desk put them, for an analyst to settle
 */
public record Standing(State state, Map<String, Object> changes, List<Conflict> conflicts) {

    public enum State {
        /** No such record yet. */
        NEW,
        /** This source said exactly this last time: nothing is written. */
        UNCHANGED,
        /** The record exists, but this source has not spoken of it before: it joins the record. */
        JOINED,
        /** This source said something else last time. */
        CHANGED,
        /** As last time, but flagged as missing from a full extract since: the flag is lifted. */
        RETURNED
    }

    /** A field the desk corrected ({@code current}) that the source now gives as {@code offered}. */
    public record Conflict(String field, String current, String offered) {
    }

    public static final Standing NEW = new Standing(State.NEW, Map.of(), List.of());
    public static final Standing UNCHANGED = new Standing(State.UNCHANGED, Map.of(), List.of());
    public static final Standing JOINED = new Standing(State.JOINED, Map.of(), List.of());
    public static final Standing RETURNED = new Standing(State.RETURNED, Map.of(), List.of());

    public Standing {
        changes = changes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(changes));
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }
}
