package org.armstrace.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class BoltPasswordTest {

    @TempDir
    Path dataDir;

    private GraphProperties properties(String password) {
        return new GraphProperties(GraphProperties.Mode.EMBEDDED, dataDir, DataSize.ofMegabytes(32), 0, "neo4j",
                password, (URI) null, "neo4j", Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofSeconds(10));
    }

    @Test
    void without_a_configured_password_one_is_generated_once_and_kept_readable_only_by_its_owner() throws Exception {
        String first = BoltPassword.resolve(properties(""));
        String second = BoltPassword.resolve(properties(null));

        assertThat(first).hasSizeGreaterThanOrEqualTo(24).isEqualTo(second);
        Path file = dataDir.resolve("neo4j-password");
        assertThat(Files.readString(file).strip()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void a_configured_password_wins_and_writes_no_file() {
        assertThat(BoltPassword.resolve(properties("from-the-environment"))).isEqualTo("from-the-environment");
        assertThat(dataDir.resolve("neo4j-password")).doesNotExist();
    }

    @Test
    void generated_passwords_differ() {
        assertThat(BoltPassword.generate()).isNotEqualTo(BoltPassword.generate());
    }
}
