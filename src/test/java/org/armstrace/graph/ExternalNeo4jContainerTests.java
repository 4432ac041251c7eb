package org.armstrace.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.armstrace.Actors;
import org.armstrace.ContainerTest;
import org.armstrace.security.AuditLog;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The same schema and audit chain against a Neo4j server (external mode). Runs where Docker
 * exists; skipped cleanly elsewhere.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContainerTest
class ExternalNeo4jContainerTests {

    static final String PASSWORD = "container-secret";

    @Container
    static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:2026.08.1-community").withAdminPassword(PASSWORD);

    @DynamicPropertySource
    static void external(DynamicPropertyRegistry registry) {
        registry.add("armstrace.neo4j.mode", () -> "external");
        registry.add("armstrace.neo4j.uri", NEO4J::getBoltUrl);
        registry.add("armstrace.neo4j.password", () -> PASSWORD);
    }

    @Autowired
    Driver driver;
    @Autowired
    AuditLog audit;

    @Test
    void migrations_run_against_a_server_and_the_audit_chain_verifies() {
        try (var session = driver.session()) {
            var names = session.run("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS n").single().get("n")
                    .asList(v -> v.asString());
            assertThat(names).contains("user_username", "audit_event_seq");
        }
        audit.record("test.external", List.of(), "");
        assertThat(Actors.admin(audit::verify).intact()).isTrue();
    }
}
