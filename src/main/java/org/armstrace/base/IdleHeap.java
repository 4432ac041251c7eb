package org.armstrace.base;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the application is ready, lets G1 give back to the system the heap that the start-up grew
 * (to about 1.2 GB, for 70-100 MB of live data): a concurrent cycle after 10 s without a collection,
 * and a heap shrunk to 30 % free space after it. An idle server otherwise kept 330-470 MB of empty
 * heap committed. These options are "manageable" (the JVM accepts them while it runs), so the plain
 * {@code java -jar} gets what the container's command line sets (idle RSS, src/bench/README.md,
 * sessions 20 and 21). An option given on the command line is left as the operator chose it, and
 * another collector is left alone.
 */
@Component
class IdleHeap {

    private static final Logger log = LoggerFactory.getLogger(IdleHeap.class);

    /** The Dockerfile's values; Min before Max, so that each step keeps Min &lt;= Max. */
    static final Map<String, String> OPTIONS = options();

    private static Map<String, String> options() {
        var options = new LinkedHashMap<String, String>();
        options.put("G1PeriodicGCInterval", "10000");
        options.put("MinHeapFreeRatio", "10");
        options.put("MaxHeapFreeRatio", "30");
        return options;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        List<String> set = apply(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));
        if (!set.isEmpty()) {
            log.debug("Idle heap returned to the system: {}", set);
        }
    }

    /** Sets each option the command line left at its default; returns those set, as name=value. */
    static List<String> apply(HotSpotDiagnosticMXBean vm) {
        var set = new ArrayList<String>();
        if (!"true".equals(value(vm, "UseG1GC"))) {
            return set;
        }
        OPTIONS.forEach((name, value) -> {
            try {
                VMOption option = vm.getVMOption(name);
                if (option.getOrigin() == VMOption.Origin.DEFAULT && option.isWriteable()) {
                    vm.setVMOption(name, value);
                    set.add(name + "=" + value);
                }
            } catch (IllegalArgumentException e) {
                // Not this JVM's option, or out of range with the operator's other choice: leave it.
                log.debug("Heap option {} not set: {}", name, e.getMessage());
            }
        });
        return set;
    }

    private static String value(HotSpotDiagnosticMXBean vm, String name) {
        try {
            return vm.getVMOption(name).getValue();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
