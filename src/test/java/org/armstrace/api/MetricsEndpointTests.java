package org.armstrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.TestHttps;
import org.armstrace.importer.RegistryImports;
import org.armstrace.intelligence.AlertScanner;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an operator's Prometheus server and probes get over HTTPS: the metrics for the metrics
 * token and for signed-in administrators only, and the liveness and readiness probes for anybody.
 */
@ArmsTraceTest
class MetricsEndpointTests {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    SslBundles ssl;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    RegistryImports imports;
    @Autowired
    AlertScanner scanner;
    @Value("${armstrace.metrics.token}")
    String metricsToken;
    @Value("${armstrace.admin.password}")
    String adminPassword;

    @TempDir
    Path tmp;

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(TestHttps.uri(port, path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return TestHttps.client(ssl).send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> scrape() throws Exception {
        return get("/actuator/prometheus", "Authorization", "Bearer " + metricsToken);
    }

    @Test
    void strangers_api_tokens_and_wrong_tokens_are_refused_the_metrics() throws Exception {
        String analyst = Actors.admin(() -> tokens.create("metrics analyst " + System.nanoTime(), Role.ANALYST, 100))
                .secret();

        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Authorization", "Bearer " + metricsToken + "x").statusCode())
                .isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Authorization", "Bearer " + analyst).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", "X-Forwarded-For", "198.51.100.7").body())
                .doesNotContain("armstrace_");
    }

    @Test
    void the_metrics_token_opens_the_metrics_and_nothing_else() throws Exception {
        var metrics = scrape();

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(metrics.body()).contains("armstrace_trace_requests_overdue{direction=\"incoming\"}",
                "armstrace_trace_requests_overdue{direction=\"outgoing\"}", "armstrace_trace_requests_unassigned",
                "armstrace_audit_events", "armstrace_neo4j_pool_in_use_connections",
                "armstrace_neo4j_pool_acquisition_seconds_count", "armstrace_neo4j_transactions_committed_total",
                "http_server_requests_seconds_count");
        assertThat(value(metrics.body(), "armstrace_audit_events")).as("the administrator's creation at least")
                .isGreaterThanOrEqualTo(1);
        assertThat(value(metrics.body(), "armstrace_neo4j_transactions_committed_total")).isPositive();
        for (String path : List.of("/api/v1/trace-requests", "/actuator/env")) {
            assertThat(get(path, "Authorization", "Bearer " + metricsToken).statusCode()).as(path).isIn(401, 403);
        }
    }

    @Test
    void an_import_and_a_pattern_scan_show_in_the_metrics() throws Exception {
        Path file = tmp.resolve("metrics-" + UUID.randomUUID() + ".csv");
        Files.writeString(file, "Lloji,Prodhuesi,Modeli,Kalibri,Numri serik,Viti i prodhimit,Shteti i prodhimit,Shenja e importit\n"
                + "pistol,Glock,17,9mm,MX" + System.nanoTime() + ",2010,AT,\n");
        Actors.admin(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                var stored = imports.store(file.getFileName().toString(), in);
                return imports.runNow(stored, imports.profile("kosovo-firearms").orElseThrow(), false, p -> { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Actors.analyst(() -> scanner.scanNow()).get(2, TimeUnit.MINUTES);

        String body = scrape().body();

        assertThat(value(body, "armstrace_import_rows_total{dry_run=\"false\",kind=\"firearms\"}")).isGreaterThanOrEqualTo(1);
        assertThat(body).contains("armstrace_import_runs_seconds_count{dry_run=\"false\",kind=\"firearms\",outcome=\"completed\"}",
                "armstrace_import_throughput_rows_per_second_max{dry_run=\"false\",kind=\"firearms\"}");
        assertThat(value(body, "armstrace_alert_scans_seconds_count{outcome=\"completed\"}")).isGreaterThanOrEqualTo(1);
        assertThat(body).contains("armstrace_alert_pattern_scans_seconds_count{pattern=");
        // Labels name kinds, outcomes and patterns, never a file, a weapon or a person.
        assertThat(body).doesNotContain(file.getFileName().toString(), "Glock");
    }

    /** An HTTP client holding a signed-in administrator's UI session cookie. */
    private HttpClient signedInAdministrator() throws Exception {
        var cookies = new CookieManager();
        var browser = HttpClient.newBuilder().cookieHandler(cookies).sslContext(TestHttps.trusting(ssl))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String address = "198.51.100." + (1 + (int) (System.nanoTime() % 200));
        String page = browser.send(HttpRequest.newBuilder(TestHttps.uri(port, "/login")).header("X-Forwarded-For", address)
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        var token = CSRF.matcher(page);
        var parameter = CSRF_PARAMETER.matcher(page);
        String form = "username=" + Actors.ADMIN + "&password=" + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8)
                + (token.find() ? "&" + (parameter.find() ? parameter.group(1) : "_csrf") + "="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) : "");
        var signIn = browser.send(HttpRequest.newBuilder(TestHttps.uri(port, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("/login");
        return browser;
    }

    @Test
    void a_signed_in_administrator_reads_the_metrics_and_sees_the_database_in_readiness() throws Exception {
        HttpClient browser = signedInAdministrator();

        var metrics = browser.send(HttpRequest.newBuilder(TestHttps.uri(port, "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("armstrace_trace_requests_overdue", "armstrace_audit_events");
        // The administrator also sees why the application would not be ready: the database is part of it.
        var readiness = browser.send(HttpRequest.newBuilder(TestHttps.uri(port, "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.body()).contains("\"readinessState\"", "\"neo4j\"");
    }

    @Test
    void a_bogus_or_revoked_bearer_token_is_refused_even_beside_an_administrators_session() throws Exception {
        HttpClient browser = signedInAdministrator();
        var revoked = Actors.admin(() -> tokens.create("revoked " + System.nanoTime(), Role.SUPERVISOR, 100));
        Actors.admin(() -> {
            tokens.revoke(revoked.token().id());
            return null;
        });

        for (String bearer : List.of("at_bogus" + UUID.randomUUID(), revoked.secret())) {
            for (String path : List.of("/actuator/prometheus", "/actuator/health", "/api/v1/trace-requests")) {
                var answer = browser.send(HttpRequest.newBuilder(TestHttps.uri(port, path))
                        .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(path).isEqualTo(401);
                assertThat(answer.body()).as(path).doesNotContain("armstrace_", "components");
            }
        }
        // The API never reads the UI's session: a cookie alone opens nothing there.
        assertThat(browser.send(HttpRequest.newBuilder(TestHttps.uri(port, "/api/v1/trace-requests")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void liveness_and_readiness_answer_up_to_anybody_with_the_status_only() throws Exception {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            var response = get(probe);

            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"")
                    .doesNotContain("components", "neo4j", "details");
        }
    }

    /** The value of one sample line, e.g. {@code armstrace_audit_events 42.0}. */
    private static double value(String exposition, String sample) {
        return exposition.lines().filter(l -> l.startsWith(sample + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(sample.length() + 1).strip()))
                .orElseThrow(() -> new AssertionError("no sample " + sample + " in:\n" + exposition));
    }
}
