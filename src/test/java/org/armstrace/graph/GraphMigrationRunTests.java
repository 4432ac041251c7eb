package org.armstrace.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** The migration runner on a database of its own: what a file that fails half-way leaves behind. */
class GraphMigrationRunTests {

    @TempDir
    Path dir;

    private DatabaseManagementService dbms;
    private Driver driver;

    @BeforeEach
    void start() {
        dbms = EmbeddedGraphConfiguration.builder(dir, 32L << 20)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .build();
        driver = GraphDatabase.driver("bolt://127.0.0.1:" + EmbeddedGraphConfiguration.boltPort(dbms), AuthTokens.none(),
                Config.builder().withoutEncryption().build());
    }

    @AfterEach
    void stop() {
        driver.close();
        dbms.shutdown();
    }

    @Test
    void a_file_that_fails_half_way_is_not_recorded_and_the_next_start_completes_it() {
        String good = """
                CREATE INDEX half_a IF NOT EXISTS FOR (n:Half) ON (n.a);
                CREATE INDEX half_b IF NOT EXISTS FOR (n:Half) ON (n.b);
                """;
        // The third statement fails when it runs (an index provider that does not exist), after the
        // first two were sent.
        var broken = migration(7, good + "CREATE INDEX half_c IF NOT EXISTS FOR (n:Half) ON (n.c) OPTIONS {indexProvider: 'no-such-1.0'};\n");
        var migrations = new GraphMigrations(driver, "neo4j");

        Throwable failure = catchThrowable(() -> migrations.migrate(List.of(broken)));

        assertThat(failure).isNotNull();
        assertThat(recordedVersions()).isEmpty();
        // The process dies here; at the next start the file (as it should have been) runs again.
        var fixed = migration(7, good + "CREATE INDEX half_c IF NOT EXISTS FOR (n:Half) ON (n.c);\n");
        var result = migrations.migrate(List.of(fixed));

        assertThat(result.applied()).containsExactly(7);
        assertThat(recordedVersions()).containsExactly(7L);
        assertThat(indexNames()).contains("half_a", "half_b", "half_c");
    }

    private static GraphMigrations.Migration migration(int version, String text) {
        return new GraphMigrations.Migration(version, "test " + version, GraphMigrations.sha256(text),
                GraphMigrations.statements(text));
    }

    private List<String> indexNames() {
        try (var session = driver.session()) {
            return session.run("SHOW INDEXES YIELD name RETURN name").list(r -> r.get("name").asString());
        }
    }

    private List<Long> recordedVersions() {
        try (var session = driver.session()) {
            return session.run("MATCH (m:__Migration) RETURN m.version AS v ORDER BY v").list(r -> r.get("v").asLong());
        }
    }
}
