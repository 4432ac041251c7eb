package org.armstrace.tracing.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.TestHttps;
import org.armstrace.api.ApiTokenService;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Partner intake under load: 50 partner clients on loopback, each with its own token and HTTP
 * connection, sending trace requests as fast as answers come back. Every request is validated,
 * numbered (one counter, so intake is serialised there), acknowledged, assigned and audited.
 *
 * <pre>./mvnw test -Dtest=TraceIntakeBenchmark -Dbench.excluded=none [-Dbench.clients=50 -Dbench.requests=40]
 *     [-Dbench.rate=20 (requests a second in all: open loop)]</pre>
 */
@Tag("benchmark")
@ArmsTraceTest
class TraceIntakeBenchmark {

    @LocalServerPort
    int port;
    @Autowired
    SslBundles ssl;
    @Autowired
    ApiTokenService tokens;

    @Test
    void intake_latency_with_concurrent_partner_clients() throws Exception {
        int clients = Integer.getInteger("bench.clients", 50);
        int each = Integer.getInteger("bench.requests", 40);
        String[] countries = {"AL", "ME", "MK", "RS", "BA", "HR", "BG", "GR"};
        var warm = token("AL");
        var warmClient = HttpClient.newBuilder().sslContext(TestHttps.trusting(ssl)).build();
        for (int i = 0; i < Integer.getInteger("bench.warmup", 100); i++) {
            send(warmClient, warm, i);
        }
        // Open loop when a rate is given: each client sends at random (Poisson) times averaging
        // rate/clients a second, and latency counts from when a request was due, not when it went
        // out, so a slow server is not hidden by clients that wait for it (coordinated omission).
        double rate = Double.parseDouble(System.getProperty("bench.rate", "0"));
        var pool = Executors.newFixedThreadPool(clients);
        var tasks = new ArrayList<Callable<long[]>>();
        for (int c = 0; c < clients; c++) {
            String token = token(countries[c % countries.length]);
            // Not java.util.Random(c): its first draws from small consecutive seeds are nearly equal,
            // which sent all 50 first requests in the same instant and measured a burst, not a rate.
            var random = new SplittableRandom(c);
            // Each client's connection is opened and its token checked once before the clock starts.
            var http = HttpClient.newBuilder().sslContext(TestHttps.trusting(ssl)).build();
            http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/trace-requests?size=1"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding());
            tasks.add(() -> {
                long[] nanos = new long[each];
                long due = System.nanoTime();
                for (int i = 0; i < each; i++) {
                    if (rate > 0) {
                        due += (long) (-Math.log(1 - random.nextDouble()) * clients / rate * 1e9);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    } else {
                        due = System.nanoTime();
                    }
                    int status = send(http, token, i);
                    nanos[i] = System.nanoTime() - due;
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
        System.out.printf("intake: %d clients × %d requests on loopback, %s: p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  "
                        + "max %.1f ms; %.0f requests/s%n", clients, each,
                rate > 0 ? "open loop at " + rate + " requests/s" : "closed loop", all[all.length / 2] / 1e6,
                all[(int) (all.length * 0.95)] / 1e6, all[(int) (all.length * 0.99)] / 1e6, all[all.length - 1] / 1e6,
                all.length / seconds);
    }

    private String token(String country) {
        return Actors.admin(() -> tokens.create("bench " + country + " " + UUID.randomUUID(),
                Role.PARTNER, ApiTokenService.MAX_RATE, country)).secret();
    }

    private int send(HttpClient http, String token, int i) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/trace-requests"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(TraceApiTests.body("BENCH-" + i))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
