package org.armstrace.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphMigrationsTest {

    @Test
    void statements_are_split_at_semicolons_that_end_a_line_and_comments_are_dropped() {
        String text = """
                // a comment
                CREATE CONSTRAINT a IF NOT EXISTS
                FOR (n:A) REQUIRE n.id IS UNIQUE;

                // another; with a semicolon inside
                CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x);
                RETURN 'no trailing semicolon'
                """;

        assertThat(GraphMigrations.statements(text)).containsExactly(
                "CREATE CONSTRAINT a IF NOT EXISTS\nFOR (n:A) REQUIRE n.id IS UNIQUE",
                "CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x)",
                "RETURN 'no trailing semicolon'");
    }

    @Test
    void migrations_on_the_classpath_are_loaded_in_version_order_with_stable_checksums() {
        List<GraphMigrations.Migration> first = GraphMigrations.load();
        List<GraphMigrations.Migration> second = GraphMigrations.load();

        assertThat(first).isNotEmpty();
        assertThat(first.getFirst().version()).isEqualTo(1);
        assertThat(first).extracting(GraphMigrations.Migration::version).isSorted().doesNotHaveDuplicates();
        assertThat(first).extracting(GraphMigrations.Migration::checksum)
                .containsExactlyElementsOf(second.stream().map(GraphMigrations.Migration::checksum).toList());
        assertThat(first).allSatisfy(m -> assertThat(m.statements()).allSatisfy(s -> {
            if (s.strip().toUpperCase().startsWith("MATCH")) {
                // A data backfill (V0020: search keys of markings written before it) touches only
                // what it has not filled yet, in batches that a large store can take.
                assertThat(s).as("a backfill must skip what it already did and run in batches")
                        .contains("IS NULL").contains("IN TRANSACTIONS OF");
            } else {
                assertThat(s).as("every schema statement must be idempotent")
                        .containsIgnoringCase(s.strip().toUpperCase().startsWith("DROP") ? "IF EXISTS" : "IF NOT EXISTS");
            }
        }));
    }

    @Test
    void a_changed_file_has_a_different_checksum() {
        assertThat(GraphMigrations.sha256("CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);"))
                .isNotEqualTo(GraphMigrations.sha256("CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.y);"));
    }
}
