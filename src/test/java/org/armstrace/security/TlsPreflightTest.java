package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Which SSL bundle the web server gets, from the operator's settings (the application itself: TransportSecurityTests). */
class TlsPreflightTest {

    @TempDir
    Path temp;

    private static ConfigurableEnvironment environment(Map<String, Object> settings) {
        var env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("settings", settings));
        return env;
    }

    @Test
    void a_configured_keystore_becomes_the_served_bundle_instead_of_a_generated_one() throws Exception {
        var real = TlsCertificate.ensure(temp.resolve("ca-issued"), "armstrace.police.example");

        var bundle = TlsPreflight.bundle(environment(Map.of("armstrace.neo4j.data-dir", temp.resolve("data").toString(),
                "armstrace.tls.keystore", real.file().toString(), "armstrace.tls.keystore-password", real.password())));

        assertThat(bundle).containsEntry("server.ssl.bundle", "armstrace")
                .containsEntry("spring.ssl.bundle.jks.armstrace.keystore.location", real.file().toUri().toString())
                .containsEntry("spring.ssl.bundle.jks.armstrace.keystore.password", real.password())
                .containsEntry("spring.ssl.bundle.jks.armstrace.keystore.type", "PKCS12");
        assertThat(temp.resolve("data/tls")).doesNotExist();
        // The settings load as a keystore the way Spring Boot's bundle loads it.
        var store = new JksSslStoreBundle(new JksSslStoreDetails("PKCS12", null,
                real.file().toUri().toString(), real.password()), null);
        assertThat(store.getKeyStore().containsAlias(TlsCertificate.ALIAS)).isTrue();
    }

    @Test
    void without_a_keystore_the_generated_one_in_the_data_directory_is_served() {
        var bundle = TlsPreflight.bundle(environment(Map.of("armstrace.neo4j.data-dir", temp.toString(),
                "armstrace.tls.host-name", "localhost")));

        assertThat(bundle).containsEntry("spring.ssl.bundle.jks.armstrace.keystore.location",
                temp.resolve("tls/armstrace.p12").toUri().toString());
    }

    @Test
    void tls_switched_off_or_a_bundle_of_the_operators_own_is_left_alone() {
        assertThat(TlsPreflight.bundle(environment(Map.of("armstrace.tls.enabled", "false",
                "armstrace.neo4j.data-dir", temp.toString())))).isEmpty();
        assertThat(TlsPreflight.bundle(environment(Map.of("server.ssl.bundle", "pem-from-the-ca",
                "armstrace.neo4j.data-dir", temp.toString())))).isEmpty();
        assertThat(temp.resolve("tls")).doesNotExist();
    }
}
