package org.armstrace.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.armstrace.ArmsTraceApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Configuration mistakes an operator can make: each must stop start-up with a plain description
 * and action (Spring Boot's failure analysis), never a stack trace or a half-started process.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTests {

    @TempDir
    Path temp;

    /** Starts the real web application; the overrides are command-line arguments, as an operator would pass. */
    private void start(String... overrides) {
        // A repeated command-line key would be joined with a comma, so overrides replace defaults here.
        var settings = new LinkedHashMap<String, String>();
        settings.put("server.port", "0");
        settings.put("armstrace.http.redirect-port", "0");
        settings.put("armstrace.neo4j.page-cache", "16MB");
        settings.put("armstrace.neo4j.bolt-port", "0");
        settings.put("armstrace.neo4j.data-dir", temp.resolve("data").toString());
        for (String o : overrides) {
            settings.put(o.substring(0, o.indexOf('=')), o.substring(o.indexOf('=') + 1));
        }
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        new SpringApplicationBuilder(ArmsTraceApplication.class).run(args).close();
    }

    private static void assertReadableFailure(CapturedOutput output, String description, String action) {
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains(description).contains(action);
        assertThat(output.getAll()).as("no stack trace for a configuration mistake").doesNotContain("\tat org.");
    }

    @Test
    void a_data_directory_that_cannot_be_created_is_reported_plainly(CapturedOutput output) throws Exception {
        Path aFile = Files.writeString(temp.resolve("not-a-directory"), "x");

        assertThatThrownBy(() -> start("armstrace.neo4j.data-dir=" + aFile.resolve("data")))
                .hasRootCauseInstanceOf(FileSystemException.class);
        assertReadableFailure(output, "cannot be created or written to", "ARMSTRACE_DATA_DIR");
    }

    @Test
    void a_bolt_port_already_in_use_is_reported_plainly(CapturedOutput output) throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> start("armstrace.neo4j.bolt-port=" + taken.getLocalPort()))
                    .isNotNull();
            assertReadableFailure(output, "is already in use", "ARMSTRACE_BOLT_PORT");
        }
    }

    @Test
    void a_tls_keystore_that_cannot_be_read_is_reported_plainly(CapturedOutput output) {
        assertThatThrownBy(() -> start("armstrace.tls.keystore=" + temp.resolve("missing.p12"))).isNotNull();
        assertReadableFailure(output, "missing.p12 (ARMSTRACE_TLS_KEYSTORE) cannot be read", "ARMSTRACE_TLS_KEYSTORE");
    }

    @Test
    void a_tls_keystore_that_is_not_pkcs12_or_has_another_password_is_reported_plainly(CapturedOutput output)
            throws Exception {
        assertThatThrownBy(() -> start("armstrace.tls.keystore=" + Files.writeString(temp.resolve("not-a.p12"), "x"),
                "armstrace.tls.keystore-password=wrong")).isNotNull();
        assertReadableFailure(output, "cannot be opened", "ARMSTRACE_TLS_KEYSTORE_PASSWORD");
    }

    @Test
    void an_unreachable_external_database_is_reported_plainly(CapturedOutput output) throws Exception {
        int closedPort;
        try (var s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertThatThrownBy(() -> start("armstrace.neo4j.mode=external",
                "armstrace.neo4j.uri=bolt://127.0.0.1:" + closedPort, "armstrace.neo4j.password=irrelevant"))
                .isNotNull();
        assertReadableFailure(output, "cannot be reached", "ARMSTRACE_NEO4J_URI");
    }

    @Test
    void a_malformed_configuration_value_is_reported_plainly(CapturedOutput output) {
        assertThatThrownBy(() -> start("armstrace.neo4j.bolt-port=seven")).isNotNull();
        assertReadableFailure(output, "armstrace.neo4j.bolt-port", "Update your application's configuration");
    }

    @Test
    void a_weak_first_administrator_password_is_reported_plainly(CapturedOutput output) {
        assertThatThrownBy(() -> start("armstrace.admin.username=chief", "armstrace.admin.password=chief-secret-1234"))
                .isNotNull();
        assertReadableFailure(output, "ARMSTRACE_ADMIN_PASSWORD is too weak", "not containing the user name 'chief'");
    }

    @Test
    void an_unknown_database_mode_is_reported_plainly(CapturedOutput output) {
        assertThatThrownBy(() -> start("armstrace.neo4j.mode=cloud")).isNotNull();
        assertReadableFailure(output, "armstrace.neo4j.mode", "Update your application's configuration");
    }
}
