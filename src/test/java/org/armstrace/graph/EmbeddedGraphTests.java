package org.armstrace.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Collections;
import org.armstrace.ArmsTraceTest;
import org.armstrace.TestHttps;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.web.server.LocalServerPort;

@ArmsTraceTest
class EmbeddedGraphTests {

    @Autowired
    DatabaseManagementService dbms;
    @Autowired
    Driver driver;
    @Autowired
    GraphProperties properties;
    @LocalServerPort
    int httpPort;
    @Autowired
    SslBundles ssl;

    private int boltPort() {
        return EmbeddedGraphConfiguration.boltPort(dbms);
    }

    @Test
    void migrations_are_recorded_in_the_graph_and_applying_them_again_changes_nothing() {
        var again = new GraphMigrations(driver, properties.database()).migrate();

        assertThat(again.applied()).isEmpty();
        assertThat(again.alreadyPresent()).contains(1);
        try (var session = driver.session()) {
            var m = session.run("MATCH (m:__Migration {version: 1}) RETURN m.checksum AS c, m.appliedAt IS NOT NULL AS at")
                    .single();
            assertThat(m.get("c").asString()).isEqualTo(GraphMigrations.load().getFirst().checksum());
            assertThat(m.get("at").asBoolean()).isTrue();
            assertThat(session.run("MATCH (m:__Migration) RETURN count(m) AS n").single().get("n").asLong())
                    .isEqualTo(GraphMigrations.load().size());
        }
    }

    @Test
    void a_standard_driver_connects_with_the_kept_password_and_sees_the_constraints() throws Exception {
        String password = Files.readString(properties.passwordFile()).strip();
        try (Driver client = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort(), AuthTokens.basic("neo4j", password),
                Config.builder().withoutEncryption().build());
             var session = client.session()) {
            var names = session.run("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names")
                    .single().get("names").asList(v -> v.asString());
            assertThat(names).contains("user_username", "audit_event_seq", "migration_version");
        }
    }

    @Test
    void bolt_refuses_a_wrong_password() {
        try (Driver client = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort(), AuthTokens.basic("neo4j", "wrong-password"),
                Config.builder().withoutEncryption().build())) {
            assertThatThrownBy(client::verifyConnectivity).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void bolt_is_not_reachable_on_other_interfaces() throws Exception {
        var external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> { try { return i.isUp() && !i.isLoopback(); } catch (Exception e) { return false; } })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address).findFirst();
        Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");
        try (var socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), boltPort()), 2_000))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void health_endpoint_answers_without_signing_in_with_the_status_only() throws Exception {
        var response = TestHttps.client(ssl).send(HttpRequest.newBuilder(TestHttps.uri(httpPort, "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        // Which component is down, and why, is for administrators only (security.TransportSecurityTests).
        assertThat(response.body()).contains("\"status\":\"UP\"").doesNotContain("components", "neo4j");
    }
}
