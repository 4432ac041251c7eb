package org.armstrace.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.TestSecurity;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Partner intake under load: 50 partner clients on loopback, each with its own token and HTTP
 * connection, sending trace requests as fast as answers come back. Every request is validated,
 * numbered (one counter, so intake is serialised there), acknowledged, assigned and audited.
 *
 * <pre>./mvnw test -Dtest=TraceIntakeBenchmark -Dbench.excluded=none [-Dbench.clients=50 -Dbench.requests=40]</pre>
 */
@Tag("benchmark")
@ArmsTraceTest
class TraceIntakeBenchmark {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;

    @Test
    void intake_latency_with_concurrent_partner_clients() throws Exception {
        int clients = Integer.getInteger("bench.clients", 50);
        int each = Integer.getInteger("bench.requests", 40);
        String[] countries = {"AL", "ME", "MK", "RS", "BA", "HR", "BG", "GR"};
        var warm = token("AL");
        var warmClient = HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            send(warmClient, warm, i);
        }
        var pool = Executors.newFixedThreadPool(clients);
        var tasks = new ArrayList<Callable<long[]>>();
        for (int c = 0; c < clients; c++) {
            String token = token(countries[c % countries.length]);
            tasks.add(() -> {
                var http = HttpClient.newHttpClient();
                long[] nanos = new long[each];
                for (int i = 0; i < each; i++) {
                    long t0 = System.nanoTime();
                    int status = send(http, token, i);
                    nanos[i] = System.nanoTime() - t0;
                    if (status != 201) {
                        throw new IllegalStateException("HTTP " + status);
                    }
                }
                return nanos;
            });
        }
        long start = System.nanoTime();
        List<long[]> results = new ArrayList<>();
        for (var f : pool.invokeAll(tasks)) {
            results.add(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] all = results.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("intake: %d clients × %d requests on loopback: p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  "
                        + "max %.1f ms; %.0f requests/s%n", clients, each, all[all.length / 2] / 1e6,
                all[(int) (all.length * 0.95)] / 1e6, all[(int) (all.length * 0.99)] / 1e6, all[all.length - 1] / 1e6,
                all.length / seconds);
    }

    private String token(String country) {
        return TestSecurity.as("admin", "ADMIN", () -> tokens.create("bench " + country + " " + UUID.randomUUID(),
                Role.PARTNER, ApiTokenService.MAX_RATE, country)).secret();
    }

    private int send(HttpClient http, String token, int i) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/trace-requests"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(TraceApiTests.body("BENCH-" + i))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
