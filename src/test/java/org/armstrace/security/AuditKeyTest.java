package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.armstrace.base.StartupProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditKeyTest {

    @TempDir
    Path dir;

    @Test
    void a_missing_key_is_generated_as_32_random_bytes_readable_only_by_its_owner() throws Exception {
        Path file = dir.resolve("audit.key");

        byte[] key = AuditKey.loadOrCreate(file, () -> false);

        assertThat(key).hasSize(32);
        assertThat(Files.readString(file).strip()).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(AuditKey.loadOrCreate(file, () -> true)).isEqualTo(key);
        assertThat(AuditKey.loadOrCreate(dir.resolve("other.key"), () -> false)).isNotEqualTo(key);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("audit.key", "other.key");
        }
    }

    @Test
    void a_missing_key_is_not_replaced_once_the_trail_depends_on_one() {
        Path file = dir.resolve("audit.key");

        assertThatThrownBy(() -> AuditKey.loadOrCreate(file, () -> true))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("The audit key file " + file + " is missing")
                .extracting(e -> ((StartupProblem) e).action()).asString()
                .contains("Restore audit.key from its backup");
        assertThat(file).doesNotExist();
    }

    @Test
    void a_key_file_that_holds_no_key_stops_the_start() throws Exception {
        Path file = dir.resolve("audit.key");
        Files.writeString(file, "not a key\n");

        assertThatThrownBy(() -> AuditKey.loadOrCreate(file, () -> false))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("does not hold a key");
    }
}
