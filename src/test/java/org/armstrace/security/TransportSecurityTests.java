package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.TestHttps;
import org.armstrace.api.ApiTokenService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The application as a TLS client on the network sees it: HTTPS only, its headers, its cookies, its health. */
@ArmsTraceTest
class TransportSecurityTests {

    @LocalServerPort
    int port;
    @Autowired
    SslBundles ssl;
    @Autowired
    PlainHttpRedirect redirect;
    @Autowired
    ApiTokenService tokens;

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(TestHttps.uri(port, path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return TestHttps.client(ssl).send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_client_that_trusts_the_generated_certificate_completes_the_handshake_and_finds_the_host_in_it()
            throws Exception {
        var response = get("/login");

        assertThat(response.statusCode()).isEqualTo(200);
        var certificate = (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
        assertThat(certificate).isEqualTo(TestHttps.certificate(ssl));
        assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=localhost");
        // The host name the test profile configures, then localhost, then the loopback address.
        assertThat(certificate.getSubjectAlternativeNames()).contains(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
    }

    @Test
    void a_client_that_trusts_only_the_public_authorities_refuses_the_self_signed_certificate() {
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(TestHttps.uri(port, "/login"))
                .build(), HttpResponse.BodyHandlers.discarding())).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void plain_http_gets_a_permanent_redirect_to_the_same_address_over_https() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + redirect.port() + "/registry?q=M70%2012345")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(308);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("https://localhost:" + port + "/registry?q=M70%2012345");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(response.body()).isEmpty();
    }

    @Test
    void the_session_cookie_is_secure_http_only_and_same_site_strict() throws Exception {
        var cookies = get("/login").headers().allValues("Set-Cookie");

        assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement().satisfies(c -> assertThat(
                List.of(c.split(";\\s*"))).contains("Secure", "HttpOnly", "SameSite=Strict"));
        assertThat(cookies).allSatisfy(c -> assertThat(c).contains("; Secure").contains("; HttpOnly"));
    }

    @Test
    void pages_and_api_answers_carry_hsts_the_content_security_policy_and_the_privacy_headers() throws Exception {
        for (var response : List.of(get("/login"), get("/api/v1/trace-requests"), get("/actuator/health"))) {
            var headers = response.headers();
            assertThat(headers.firstValue("Strict-Transport-Security")).hasValue("max-age=31536000 ; includeSubDomains");
            assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
                    .startsWith("default-src 'self'; ").contains("; frame-ancestors 'none'").contains("; object-src 'none'");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(headers.firstValue("Permissions-Policy").orElseThrow())
                    .startsWith("geolocation=(self), camera=(self), microphone=()");
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        }
    }

    @Test
    void health_shows_a_partner_an_analyst_token_and_a_stranger_the_status_only() throws Exception {
        String partner = Actors.admin(() -> tokens.create("health partner " + System.nanoTime(), Role.PARTNER, 100, "AL"))
                .secret();
        String analyst = Actors.admin(() -> tokens.create("health analyst " + System.nanoTime(), Role.ANALYST, 100))
                .secret();

        for (var response : List.of(get("/actuator/health", "Authorization", "Bearer " + partner),
                get("/actuator/health", "Authorization", "Bearer " + analyst), get("/actuator/health"))) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"UP\"").doesNotContain("components", "neo4j", "details");
        }
    }
}
