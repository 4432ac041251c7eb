package org.armstrace.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * An application whose start fails shuts down the database it began starting early, and only that
 * one: commands that tests run in one JVM start theirs at the same time, and a refused start (a
 * missing audit key) once shut down a first load's database half-way through its own start.
 */
class EarlyStartsTest {

    @TempDir
    Path tmp;

    @Test
    void a_failed_start_abandons_its_own_early_database_and_leaves_another_applications_running() {
        Path failed = EmbeddedGraphConfiguration.startEarly(properties(tmp.resolve("failed")));
        GraphProperties other = properties(tmp.resolve("other"));
        EmbeddedGraphConfiguration.startEarly(other);

        EmbeddedGraphConfiguration.abandonEarlyStart(failed);

        var dbms = EmbeddedGraphConfiguration.obtain(other);
        try {
            assertThat(dbms.database("neo4j").isAvailable()).isTrue();
            assertThat(EmbeddedGraphConfiguration.boltPort(dbms)).isPositive();
        } finally {
            dbms.shutdown();
        }
    }

    private static GraphProperties properties(Path dataDir) {
        return new GraphProperties(GraphProperties.Mode.EMBEDDED, dataDir, DataSize.ofMegabytes(32), 0, "neo4j",
                "early-starts-pw", null, "neo4j", Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofSeconds(10));
    }
}
