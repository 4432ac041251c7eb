package org.armstrace.importer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Time spent per step of an import run, summed over its chunks: where an import's time went. */
final class StepTimes {

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    <T> T timed(String step, Supplier<T> work) {
        long t0 = System.nanoTime();
        try {
            return work.get();
        } finally {
            nanos.merge(step, System.nanoTime() - t0, Long::sum);
        }
    }

    /** "match 12.1 s, write 40.2 s …". */
    @Override
    public String toString() {
        return String.join(", ", nanos.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue() / 1e9)).toList());
    }
}
