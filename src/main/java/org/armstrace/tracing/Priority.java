package org.armstrace.tracing;

import java.util.HashMap;
import java.util.Map;

/** How urgent a trace is; the weight counts towards an analyst's workload. */
public enum Priority {
    URGENT(3), PRIORITY(2), ROUTINE(1);

    private final int weight;

    Priority(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }

    /** Name → weight, for queries that weigh requests in the database. */
    public static Map<String, Integer> weights() {
        var out = new HashMap<String, Integer>();
        for (Priority p : values()) {
            out.put(p.name(), p.weight);
        }
        return out;
    }
}
