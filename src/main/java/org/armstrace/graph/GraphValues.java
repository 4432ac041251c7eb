package org.armstrace.graph;

import java.time.Instant;
import org.neo4j.driver.Value;

/** Reading values of query results that every feature reads the same way. */
public final class GraphValues {

    private GraphValues() {
    }

    /** A stored date-time as an instant; null when the value is missing or null. */
    public static Instant instant(Value v) {
        return v == null || v.isNull() ? null : v.asZonedDateTime().toInstant();
    }
}
