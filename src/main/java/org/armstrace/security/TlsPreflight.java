package org.armstrace.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.armstrace.base.StartupProblem;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes the web server speak HTTPS, before it starts: the keystore from {@code armstrace.tls.keystore},
 * else the self-signed one in {@code <data dir>/tls} (generated on the first start, see
 * {@link TlsCertificate}), becomes the SSL bundle {@value #BUNDLE} that {@code server.ssl.bundle}
 * names. An operator who configures {@code server.ssl.bundle} directly (e.g. a PEM bundle) keeps it.
 * Registered in {@code META-INF/spring.factories}; runs after the environment listeners, so that the
 * data directory is the one the graph preflight pinned.
 */
class TlsPreflight implements ApplicationListener<ApplicationPreparedEvent> {

    static final String BUNDLE = "armstrace";
    private static final String PREFIX = "spring.ssl.bundle.jks." + BUNDLE + ".";
    private static final Log log = LogFactory.getLog(TlsPreflight.class);

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        if (event.getSpringApplication().getWebApplicationType() == WebApplicationType.NONE) {
            return; // the command-line tools serve nothing
        }
        ConfigurableEnvironment env = event.getApplicationContext().getEnvironment();
        Map<String, Object> bundle = bundle(env);
        if (!bundle.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource("armstrace-tls", bundle));
        }
    }

    /** The SSL bundle's settings; none when TLS is off or the operator configured a bundle of their own. */
    static Map<String, Object> bundle(ConfigurableEnvironment env) {
        if (!env.getProperty("armstrace.tls.enabled", Boolean.class, true)
                || !env.getProperty("server.ssl.bundle", "").isBlank()) {
            return Map.of();
        }
        String configured = env.getProperty("armstrace.tls.keystore", "").strip();
        var properties = new HashMap<String, Object>();
        if (configured.isEmpty()) {
            TlsCertificate.Keystore keystore = generated(env);
            properties.put(PREFIX + "keystore.location", keystore.file().toUri().toString());
            properties.put(PREFIX + "keystore.password", keystore.password());
        } else {
            properties.putAll(configured(env, Path.of(configured)));
        }
        properties.put(PREFIX + "keystore.type", "PKCS12");
        properties.put("server.ssl.bundle", BUNDLE);
        return Map.copyOf(properties);
    }

    private static TlsCertificate.Keystore generated(ConfigurableEnvironment env) {
        Path dir = Path.of(env.getProperty("armstrace.neo4j.data-dir", "./data")).resolve("tls");
        String host = env.getProperty("armstrace.tls.host-name", "");
        try {
            var keystore = TlsCertificate.ensure(dir, host.isBlank() ? TlsCertificate.localHostName() : host);
            if (keystore.generated()) {
                log.warn("""
                        A self-signed TLS certificate was generated into %s.
                        Its SHA-256 fingerprint is %s
                        Compare it with what the browser shows before trusting it. Replace it with a real certificate: \
                        ARMSTRACE_TLS_KEYSTORE and ARMSTRACE_TLS_KEYSTORE_PASSWORD (see README, "Security").\
                        """.formatted(keystore.file().toAbsolutePath(), keystore.sha256Fingerprint()));
            }
            return keystore;
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupProblem("The TLS keystore in " + dir + " could not be read or created: " + e.getMessage(),
                    "Make the data directory writable by this user, delete a damaged " + dir
                            + " to get a new self-signed certificate, or set ARMSTRACE_TLS_KEYSTORE.", e);
        }
    }

    private static Map<String, Object> configured(ConfigurableEnvironment env, Path file) {
        String password = env.getProperty("armstrace.tls.keystore-password", "");
        if (!Files.isReadable(file)) {
            throw new StartupProblem("The TLS keystore " + file + " (ARMSTRACE_TLS_KEYSTORE) cannot be read.",
                    "Check the path and the file's permissions, or unset ARMSTRACE_TLS_KEYSTORE to use a self-signed certificate.",
                    null);
        }
        try {
            TlsCertificate.load(file, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupProblem("The TLS keystore " + file + " cannot be opened: " + e.getMessage(),
                    "It must be a PKCS#12 file (.p12) and ARMSTRACE_TLS_KEYSTORE_PASSWORD its password.", e);
        }
        var properties = new HashMap<String, Object>();
        properties.put(PREFIX + "keystore.location", file.toUri().toString());
        properties.put(PREFIX + "keystore.password", password);
        String alias = env.getProperty("armstrace.tls.key-alias", "");
        if (!alias.isBlank()) {
            properties.put(PREFIX + "key.alias", alias.strip());
        }
        return properties;
    }
}
