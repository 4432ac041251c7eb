package org.armstrace.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import org.armstrace.base.StartupProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;

/**
 * Setting the Neo4j password at start-up says what went wrong in words an operator can act on: a
 * start-up that ran out of time is named as such, and only a refused password blames the password.
 */
class Neo4jPasswordTests {

    @TempDir
    Path dir;

    private DatabaseManagementService dbms;

    @BeforeEach
    void start() {
        dbms = EmbeddedGraphConfiguration.builder(dir, 32L << 20).setConfig(GraphDatabaseSettings.auth_enabled, true).build();
    }

    @AfterEach
    void stop() {
        dbms.shutdown();
    }

    @Test
    void a_password_change_that_runs_out_of_time_is_reported_as_a_timeout_and_not_as_a_bad_password() {
        var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        // Another transaction holds the user's lock, so the start-up change waits until its limit ends.
        try (var holder = system.beginTx()) {
            holder.execute("ALTER USER neo4j SET PASSWORD 'held-by-another-transaction' CHANGE NOT REQUIRED").close();

            var problem = catchThrowableOfType(StartupProblem.class, () -> EmbeddedGraphConfiguration
                    .setNeo4jPassword(dbms, "neo4j", "a-long-enough-password", Duration.ofSeconds(2)));

            assertThat(problem.getMessage()).contains("did not finish within 2 s");
            assertThat(problem.action()).contains("overloaded").doesNotContain("8 characters");
        }
    }

    @Test
    void a_password_the_database_already_accepts_is_not_set_again() {
        EmbeddedGraphConfiguration.setNeo4jPassword(dbms, "neo4j", "a-long-enough-password", Duration.ofMinutes(1));
        var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        // Were the password set again, it would wait for this transaction's lock on the user and time out.
        try (var holder = system.beginTx()) {
            holder.execute("ALTER USER neo4j SET PASSWORD 'held-by-another-transaction' CHANGE NOT REQUIRED").close();

            EmbeddedGraphConfiguration.setNeo4jPassword(dbms, "neo4j", "a-long-enough-password", Duration.ofSeconds(2));
        }

        assertThat(EmbeddedGraphConfiguration.acceptsPassword(dbms, "neo4j", "a-long-enough-password")).isTrue();
        assertThat(EmbeddedGraphConfiguration.acceptsPassword(dbms, "neo4j", "another-long-password")).isFalse();
    }

    @Test
    void a_new_store_does_not_accept_the_password_until_it_is_set() {
        assertThat(EmbeddedGraphConfiguration.acceptsPassword(dbms, "neo4j", "a-long-enough-password")).isFalse();
        assertThat(EmbeddedGraphConfiguration.acceptsPassword(dbms, "neo4j", "neo4j")).as("the initial one must be changed").isFalse();

        EmbeddedGraphConfiguration.setNeo4jPassword(dbms, "neo4j", "a-long-enough-password", Duration.ofMinutes(1));

        assertThat(EmbeddedGraphConfiguration.acceptsPassword(dbms, "neo4j", "a-long-enough-password")).isTrue();
    }

    @Test
    void a_password_neo4j_refuses_as_too_short_is_reported_as_such() {
        var problem = catchThrowableOfType(StartupProblem.class,
                () -> EmbeddedGraphConfiguration.setNeo4jPassword(dbms, "neo4j", "short", Duration.ofMinutes(1)));

        assertThat(problem.getMessage()).contains("refused");
        assertThat(problem.action()).contains("at least 8 characters");
    }
}
