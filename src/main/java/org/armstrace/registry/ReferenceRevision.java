package org.armstrace.registry;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * One edit of a reference entry as its history shows it: when, by whom, why, and the values before
 * and after as {@code key=value} texts.
 */
public record ReferenceRevision(ZonedDateTime at, String by, String reason, List<String> before, List<String> after) {
    public ReferenceRevision {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }
}
