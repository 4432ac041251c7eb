package org.armstrace;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.boot.ssl.SslBundles;

/**
 * How tests talk to the running application: over HTTPS, with a client that trusts exactly the
 * certificate the application serves (the self-signed one generated into the test store), not
 * "any certificate". Redirects are not followed, so that tests see them.
 */
public final class TestHttps {

    /** The SSL bundle the application serves (security.TlsPreflight). */
    public static final String BUNDLE = "armstrace";

    private static final Map<SslBundles, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private TestHttps() {
    }

    public static URI uri(int port, String path) {
        return URI.create("https://localhost:" + port + path);
    }

    /** One client per application context. */
    public static HttpClient client(SslBundles bundles) {
        return CLIENTS.computeIfAbsent(bundles, b -> HttpClient.newBuilder().sslContext(trusting(b))
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** The application's certificate, as the server presents it. */
    public static Certificate certificate(SslBundles bundles) {
        try {
            KeyStore keystore = bundles.getBundle(BUNDLE).getStores().getKeyStore();
            return keystore.getCertificate(Collections.list(keystore.aliases()).getFirst());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An SSL context whose only trust anchor is the application's certificate. */
    public static SSLContext trusting(SslBundles bundles) {
        try {
            var trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("armstrace", certificate(bundles));
            var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            var context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot trust the application's certificate", e);
        }
    }
}
