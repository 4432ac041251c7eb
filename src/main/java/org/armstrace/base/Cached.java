package org.armstrace.base;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read at most once per {@code maxAge}: metrics gauges read counts through it, so that
 * every scraper (and every gauge of one query) does not send a query to the database each time.
 */
public final class Cached<T> implements Supplier<T> {

    private final Duration maxAge;
    private final Supplier<T> source;
    private T value;
    private long readAt;

    public Cached(Duration maxAge, Supplier<T> source) {
        this.maxAge = maxAge;
        this.source = source;
    }

    @Override
    public synchronized T get() {
        long now = System.nanoTime();
        if (value == null || now - readAt >= maxAge.toNanos()) {
            value = source.get();
            readAt = now;
        }
        return value;
    }
}
