package org.armstrace.e2e;

import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.ObjectName;

/**
 * What the application's heap holds, for {@link CapacityBenchmark}: the live heap after forced full
 * collections, a class histogram of live objects (as {@code jcmd GC.class_histogram} prints it), and
 * the servlet sessions that are open, with their Vaadin sessions' serialised size.
 */
final class SessionHeap implements HttpSessionListener, HttpSessionIdListener {

    private final Map<String, HttpSession> live = new ConcurrentHashMap<>();

    @Override
    public void sessionCreated(HttpSessionEvent se) {
        live.put(se.getSession().getId(), se.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent se) {
        live.remove(se.getSession().getId());
    }

    /** Signing in gives the session a new id (against session fixation). */
    @Override
    public void sessionIdChanged(HttpSessionEvent se, String oldSessionId) {
        live.remove(oldSessionId);
        live.put(se.getSession().getId(), se.getSession());
    }

    List<HttpSession> sessions() {
        return List.copyOf(live.values());
    }

    /** Ends every open session, as the idle timeout would: Vaadin closes their UIs. */
    void invalidateAll() {
        for (HttpSession s : sessions()) {
            try {
                s.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                live.remove(s.getId());
            }
        }
    }

    /**
     * Heap in use right after a full collection: the least of three, a second apart, so that a
     * background task's garbage allocated between two of them (Neo4j's checkpoints, Tomcat's
     * housekeeping) does not count.
     */
    static long liveHeap() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
            Thread.sleep(1_000);
        }
        return least;
    }

    /**
     * A dump of the live heap to {@code bench.heap-dump}/{@code name}.hprof when that directory is given:
     * what the histogram cannot say (whose bytes they are) is read from two dumps, without a session, then at N.
     */
    static void dump(String name) throws java.io.IOException {
        String dir = System.getProperty("bench.heap-dump");
        if (dir == null) {
            return;
        }
        Path file = Path.of(dir, name + ".hprof");
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
        System.out.printf("heap dumped to %s (%,d MB)%n", file, Files.size(file) >> 20);
    }

    /** Resident set size of this JVM in bytes (Linux). */
    static long rss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Bytes of live objects by class (a full collection first), from the JVM's diagnostic command. */
    static Map<String, Long> histogram() {
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
            var bytes = new HashMap<String, Long>();
            for (String line : text.lines().toList()) {
                // "   1:   123456   7890123  java.lang.String (java.base@25)"
                String[] w = line.strip().split("\\s+");
                if (w.length >= 4 && w[0].endsWith(":")) {
                    bytes.merge(w[3], Long.parseLong(w[2]), Long::sum);
                }
            }
            return bytes;
        } catch (Exception e) {
            throw new IllegalStateException("No class histogram from this JVM", e);
        }
    }

    /** The classes that grew most between two histograms, per session. */
    static void printGrowth(Map<String, Long> before, Map<String, Long> after, int sessions, int top) {
        var growth = new ArrayList<Map.Entry<String, Long>>();
        after.forEach((k, v) -> growth.add(Map.entry(k, v - before.getOrDefault(k, 0L))));
        growth.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        long total = growth.stream().mapToLong(Map.Entry::getValue).sum();
        System.out.printf("heap histogram growth: %,d bytes in all = %,.1f KB per session; the %d largest:%n", total,
                total / 1024.0 / sessions, top);
        growth.stream().limit(top).forEach(e -> System.out.printf("  %9.1f KB/session  %s%n",
                e.getValue() / 1024.0 / sessions, e.getKey()));
    }

    /**
     * The Vaadin sessions' serialised size, as a cross-check of the heap figure from Vaadin's side.
     * The views hold Spring services, which are not serialisable (and are shared, not per session):
     * each object that is not serialisable is written as a null instead, and counted by class. What
     * is serialisable but shared (reference-data records, locales) is written into every session,
     * and serialised form has no object headers or padding: the figure is not the heap's.
     */
    static void printSerialisedSizes(List<HttpSession> sessions) {
        var sizes = new ArrayList<Long>();
        var uis = new ArrayList<Integer>();
        var skipped = new TreeMap<String, Integer>();
        var failures = new TreeMap<String, Integer>();
        for (HttpSession http : sessions) {
            long size = 0;
            for (String name : Collections.list(http.getAttributeNames())) {
                Object value = http.getAttribute(name);
                if (value instanceof VaadinSession vaadin) {
                    vaadin.lock();
                    try {
                        uis.add(vaadin.getUIs().size());
                        size += serialisedSize(value, skipped, failures);
                    } finally {
                        vaadin.unlock();
                    }
                } else {
                    size += serialisedSize(value, skipped, failures);
                }
            }
            sizes.add(size);
        }
        Collections.sort(sizes);
        if (sizes.isEmpty()) {
            return;
        }
        System.out.printf("serialised sessions: median %,.1f KB (min %,.1f, max %,.1f) over %d; Vaadin UIs per session %s%n",
                sizes.get(sizes.size() / 2) / 1024.0, sizes.getFirst() / 1024.0, sizes.getLast() / 1024.0, sizes.size(),
                uis.stream().distinct().sorted().toList());
        System.out.println("  written as null (not serialisable), objects per session by class: " + perSession(skipped, sizes.size()));
        if (!failures.isEmpty()) {
            System.out.println("  attributes that failed to serialise: " + failures);
        }
    }

    private static Map<String, Integer> perSession(Map<String, Integer> counts, int sessions) {
        var out = new TreeMap<String, Integer>();
        counts.forEach((k, v) -> out.put(k, (v + sessions - 1) / sessions));
        return out;
    }

    private static long serialisedSize(Object value, Map<String, Integer> skipped, Map<String, Integer> failures) {
        var counter = new CountingStream();
        try (var out = new NullingStream(counter, skipped)) {
            out.writeObject(value);
        } catch (IOException | RuntimeException e) {
            failures.merge(value.getClass().getName() + ": " + e, 1, Integer::sum);
        }
        return counter.count;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** Writes a null for every object that is not serialisable (a Spring service, a plain lambda). */
    private static final class NullingStream extends ObjectOutputStream {
        private final Map<String, Integer> skipped;

        NullingStream(OutputStream out, Map<String, Integer> skipped) throws IOException {
            super(out);
            this.skipped = skipped;
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            if (obj instanceof Serializable) { // arrays are: their elements come through here one by one
                return obj;
            }
            String name = obj.getClass().getName();
            skipped.merge(name.contains("$$Lambda") ? name.substring(0, name.indexOf("$$Lambda")) + "$$Lambda" : name,
                    1, Integer::sum);
            return null;
        }
    }
}
