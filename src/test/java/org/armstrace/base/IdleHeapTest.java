package org.armstrace.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class IdleHeapTest {

    @Test
    void options_the_command_line_left_at_their_defaults_are_set_and_an_operators_choice_is_kept() {
        var vm = new FakeVm(Map.of("UseG1GC", option("UseG1GC", "true", VMOption.Origin.ERGONOMIC),
                "G1PeriodicGCInterval", option("G1PeriodicGCInterval", "0", VMOption.Origin.DEFAULT),
                "MinHeapFreeRatio", option("MinHeapFreeRatio", "40", VMOption.Origin.DEFAULT),
                "MaxHeapFreeRatio", option("MaxHeapFreeRatio", "50", VMOption.Origin.VM_CREATION)));

        assertThat(IdleHeap.apply(vm)).containsExactly("G1PeriodicGCInterval=10000", "MinHeapFreeRatio=10");
        assertThat(vm.set).isEqualTo(Map.of("G1PeriodicGCInterval", "10000", "MinHeapFreeRatio", "10"));
    }

    @Test
    void another_collector_is_left_alone() {
        var vm = new FakeVm(Map.of("UseG1GC", option("UseG1GC", "false", VMOption.Origin.DEFAULT),
                "MinHeapFreeRatio", option("MinHeapFreeRatio", "40", VMOption.Origin.DEFAULT)));

        assertThat(IdleHeap.apply(vm)).isEmpty();
        assertThat(vm.set).isEmpty();
    }

    @Test
    void this_jvm_accepts_the_options_while_it_runs() {
        var vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

        assertThat(IdleHeap.OPTIONS.keySet()).allSatisfy(name -> assertThat(vm.getVMOption(name).isWriteable()).isTrue());
    }

    private static VMOption option(String name, String value, VMOption.Origin origin) {
        return new VMOption(name, value, true, origin);
    }

    /** The JVM's options as a map; records what is set. */
    private static final class FakeVm implements HotSpotDiagnosticMXBean {
        final Map<String, VMOption> options;
        final Map<String, String> set = new HashMap<>();

        FakeVm(Map<String, VMOption> options) {
            this.options = new HashMap<>(options);
        }

        @Override
        public VMOption getVMOption(String name) {
            VMOption option = options.get(name);
            if (option == null) {
                throw new IllegalArgumentException("no such option " + name);
            }
            return option;
        }

        @Override
        public void setVMOption(String name, String value) {
            options.put(name, new VMOption(name, value, true, VMOption.Origin.MANAGEMENT));
            set.put(name, value);
        }

        @Override
        public List<VMOption> getDiagnosticOptions() {
            return List.copyOf(options.values());
        }

        @Override
        public void dumpHeap(String outputFile, boolean live) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ObjectName getObjectName() {
            return null;
        }
    }
}
