package org.armstrace;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live heap a piece of work needs: while it runs, a full collection every 50 ms, and the
 * heap still in use right after each one, above what was in use before the work began. Garbage
 * does not count (a heap capped at that size would collect it); everything the work holds on
 * to, the database's query state included, does.
 */
public final class HeapProbe {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong peak = new AtomicLong();
    private final long baseline;
    private final Thread thread;

    private HeapProbe() {
        System.gc();
        var memory = ManagementFactory.getMemoryMXBean();
        baseline = memory.getHeapMemoryUsage().getUsed();
        thread = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                System.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed() - baseline, Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    public static HeapProbe start() {
        return new HeapProbe();
    }

    public long stop() throws InterruptedException {
        running.set(false);
        thread.join();
        return peak.get();
    }
}
