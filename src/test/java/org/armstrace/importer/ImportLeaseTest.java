package org.armstrace.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.armstrace.graph.GraphProperties.Mode;
import org.junit.jupiter.api.Test;

/** When a RUNNING batch not run here belongs to another process, and is left alone rather than resumed. */
class ImportLeaseTest {

    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

    @Test
    void on_a_shared_server_a_batch_alive_within_the_lease_is_another_process_s() {
        assertThat(RegistryImports.runElsewhere(Mode.EXTERNAL, NOW.minusSeconds(30), NOW)).isTrue();
        assertThat(RegistryImports.runElsewhere(Mode.EXTERNAL, NOW.minus(RegistryImports.LEASE).plusSeconds(1), NOW)).isTrue();
    }

    @Test
    void on_a_shared_server_a_batch_silent_for_longer_than_the_lease_was_left_by_a_dead_process() {
        assertThat(RegistryImports.runElsewhere(Mode.EXTERNAL, NOW.minus(RegistryImports.LEASE), NOW)).isFalse();
        assertThat(RegistryImports.runElsewhere(Mode.EXTERNAL, null, NOW)).isFalse();
    }

    @Test
    void the_embedded_store_is_locked_to_this_process_so_any_running_batch_not_run_here_is_dead() {
        assertThat(RegistryImports.runElsewhere(Mode.EMBEDDED, NOW.minusSeconds(1), NOW)).isFalse();
    }
}
