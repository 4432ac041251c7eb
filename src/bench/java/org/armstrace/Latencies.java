package org.armstrace;

import java.util.Arrays;
import java.util.function.IntConsumer;

/** Timing for the benchmarks: run something a number of times, and print its p50, p95 and max. */
public final class Latencies {

    private Latencies() {
    }

    /** Runs the action {@code warmUp} times untimed, then {@code runs} times timed; the run's index is passed in. */
    public static long[] time(int warmUp, int runs, IntConsumer action) {
        for (int i = 0; i < warmUp; i++) {
            action.accept(i);
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            action.accept(i);
            nanos[i] = System.nanoTime() - s;
        }
        return nanos;
    }

    public static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** One line: what, the number of runs, p50, p95 (nearest rank) and max in milliseconds. */
    public static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        System.out.printf("%-58s %4d runs: p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n", what, n, sorted[n / 2] / 1e6,
                sorted[Math.max(0, (int) Math.ceil(n * 0.95) - 1)] / 1e6, sorted[n - 1] / 1e6);
    }
}
