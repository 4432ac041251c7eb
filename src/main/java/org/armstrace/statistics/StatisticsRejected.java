package org.armstrace.statistics;

import java.util.List;

/**
 * A question the statistics cannot answer as asked (a reversed or empty period, one too long, a
 * caller without rights). {@code key} is a translation key; the API and the views turn it into a
 * clear message, never a stack trace.
 */
public class StatisticsRejected extends RuntimeException {

    private final String key;
    private final transient List<Object> args;

    public StatisticsRejected(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.toArray();
    }
}
