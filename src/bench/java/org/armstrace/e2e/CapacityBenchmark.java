package org.armstrace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.armstrace.Actors;
import org.armstrace.TestHttps;
import org.armstrace.api.ApiTokenService;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * What one analyst's session costs (issue 29, item 3): the application as the tests start it (embedded
 * Neo4j, HTTPS) on the demo dataset, N analysts signed in through real Chromium sessions, each having
 * searched the registry and opened a weapon, its link chart and the statistics dashboard, then idle.
 * Prints the live heap per idle session (heap after full collections with N sessions open, minus the
 * same with none, over N) for several N, what grew (a class histogram diff), the sessions' serialised
 * size as Vaadin's cross-check, how many sessions 2 GB of heap holds, and the latency of the REST
 * serial search under 50 concurrent clients.
 *
 * <pre>
 * flock /tmp/maven.lock ./mvnw -o -B test -Dtest=CapacityBenchmark -Dbench.excluded=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.sessions=10,20,40] [-Dbench.tabs=1|4] [-Dbench.firearms=3000] [-Dbench.users=50]
 * </pre>
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"armstrace.demo=true", "armstrace.demo.firearms=${bench.firearms:3000}"})
@ActiveProfiles("test")
class CapacityBenchmark {

    /** Counts the servlet sessions (Spring Boot registers listener beans with the servlet context). */
    @TestConfiguration
    static class Sessions {
        @Bean
        SessionHeap sessionHeap() {
            return new SessionHeap();
        }

        /**
         * {@code -Dbench.tomcat-caches=off}: Tomcat keeps, for reuse, every connection's channel (with its TLS
         * and socket buffers, up to 500) and up to 200 request processors (with their header buffers). Both
         * grow with the most connections ever open at once, not with the sessions, and stay after collections;
         * off, they leave the live heap so that it shows what the sessions hold.
         */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatCaches() {
            return factory -> {
                if ("off".equals(System.getProperty("bench.tomcat-caches"))) {
                    factory.addConnectorCustomizers(connector -> {
                        connector.setProperty("socket.bufferPool", "0");
                        connector.setProperty("processorCache", "0");
                    });
                }
            };
        }
    }

    private static final long TWO_GB = 2L << 30;

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService users;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    SslBundles ssl;
    @Autowired
    SessionHeap heap;
    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void what_an_idle_analyst_session_costs_and_how_fast_a_search_answers_fifty_users() throws Exception {
        int[] steps = Arrays.stream(System.getProperty("bench.sessions", "10,20,40").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        int tabs = Integer.getInteger("bench.tabs", 1);
        List<String> serials = demoSerials(500);
        printSetting(serials.size(), tabs);

        try (var browsers = new Browsers()) {
            // Warm: the JIT, Neo4j's query plans, Vaadin's and the views' first-use caches; then nothing of it left.
            for (int i = 0; i < 3; i++) {
                browsers.open(analyst("cap-warm-" + i), serials.get(serials.size() - 1 - i), tabs);
            }
            browsers.closeAll();
            heap.invalidateAll();
            Thread.sleep(5_000);
            assertThat(heap.sessions()).as("sessions left after warming").isEmpty();
            long rssBefore = SessionHeap.rss();
            long baseline = SessionHeap.liveHeap();
            var histogramBefore = SessionHeap.histogram();
            System.out.printf("warm, no sessions: live heap %,.1f MB, RSS %,d MB%n", baseline / 1e6, rssBefore >> 20);
            SessionHeap.dump("warm");

            int open = 0;
            long previous = baseline;
            long previousIdle = baseline;
            int previousN = 0;
            double perSession = 0;
            for (int n : steps) {
                long t0 = System.nanoTime();
                for (; open < n; open++) {
                    browsers.open(analyst("cap-" + open), serials.get(open % (serials.size() - 3)), tabs);
                }
                Thread.sleep(5_000); // the last page's late requests, then idle
                long live = SessionHeap.liveHeap();
                perSession = (live - baseline) / (double) n;
                System.out.printf("%3d sessions open (%d servlet sessions; opened in %.0f s): live heap %,.1f MB, "
                                + "+%,.1f KB per session (this step alone: %,.1f KB per session), RSS %,d MB%n",
                        n, heap.sessions().size(), (System.nanoTime() - t0) / 1e9, live / 1e6, perSession / 1024,
                        (live - previous) / 1024.0 / (n - previousN), SessionHeap.rss() >> 20);
                // Then as a desk leaves it: Tomcat closes a connection idle for its keep-alive timeout (60 s), and
                // with it the connection's TLS and HTTP buffers, which are the connection's, not the UI's.
                Thread.sleep(65_000);
                long idle = SessionHeap.liveHeap();
                System.out.printf("    idle 70 s (connections closed): live heap %,.1f MB, +%,.1f KB per session "
                                + "(this step alone: %,.1f KB per session)%n", idle / 1e6, (idle - baseline) / 1024.0 / n,
                        (idle - previousIdle) / 1024.0 / (n - previousN));
                previousIdle = idle;
                previous = live;
                previousN = n;
            }
            SessionHeap.dump("sessions-" + open);
            SessionHeap.printGrowth(histogramBefore, SessionHeap.histogram(), open, 25);
            SessionHeap.printSerialisedSizes(heap.sessions());
            SessionOwners.print(heap.sessions(), context, 40);
            System.out.printf("2 GB of heap holds (2 GB - %,.1f MB warm baseline) / %,.1f KB = %,d such sessions%n",
                    baseline / 1e6, perSession / 1024, (long) ((TWO_GB - baseline) / perSession));
            browsers.closeAll();
        }
        heap.invalidateAll();
        int clients = Integer.getInteger("bench.users", 50);
        if (clients > 0) { // -Dbench.users=0 measures the sessions only
            searchUnderLoad(serials, clients, Integer.getInteger("bench.searches", 40));
        }
        var memory = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.printf("end: heap used %,d MB, committed %,d MB, max %,d MB; RSS %,d MB%n", memory.getUsed() >> 20,
                memory.getCommitted() >> 20, memory.getMax() >> 20, SessionHeap.rss() >> 20);
    }

    /** A new analyst, created through the real user service: name and one-time password. */
    private String[] analyst(String name) {
        return new String[] {name, Actors.admin(() -> users.create(name, name, EnumSet.of(Role.ANALYST)))};
    }

    /** Serials of the demo's weapons (as read, as an analyst types them), in a fixed order. */
    private List<String> demoSerials(int limit) {
        return List.copyOf(neo4j.query("""
                        MATCH (f:Firearm) WHERE f.source STARTS WITH 'demo' AND f.serialAsRead =~ '[A-Za-z0-9-]{4,}'
                        RETURN f.serialAsRead ORDER BY f.id LIMIT $limit""")
                .bind(limit).to("limit").fetchAs(String.class).all());
    }

    private void printSetting(int serials, int tabs) {
        var runtime = ManagementFactory.getRuntimeMXBean();
        long firearms = neo4j.query("MATCH (f:Firearm) RETURN count(f)").fetchAs(Long.class).one().orElse(0L);
        long people = neo4j.query("MATCH (p:Person) RETURN count(p)").fetchAs(Long.class).one().orElse(0L);
        System.out.printf("dataset: demo (armstrace.demo=true), %,d firearms, %,d people; %d serials drawn%n", firearms,
                people, serials);
        System.out.printf("JVM: %s %s, %d cores, max heap %,d MB, flags %s%n", runtime.getVmName(), runtime.getVmVersion(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                runtime.getInputArguments().stream().filter(a -> a.startsWith("-X")).toList());
        System.out.printf("each analyst: %s%n", tabs == 1
                ? "one tab: registry search (a serial) -> its weapon -> the weapon's link chart -> statistics dashboard"
                : "four tabs: the weapon (opened from a search), a search, the link chart, the dashboard");
    }

    /**
     * p50/p95/p99 of {@code GET /api/v1/firearms?serial=…} (the REST registry search: the UI's engine,
     * ranking and reasons, with bearer-token authentication, rate limiting and audit) under
     * {@code users} concurrent clients on virtual threads, each with its own analyst token and its
     * own HTTPS connection on loopback, each running {@code searches} searches one after another.
     * Every other query has two neighbouring characters swapped, so that the tolerant path runs too.
     */
    private void searchUnderLoad(List<String> serials, int clients, int searches) throws Exception {
        var secrets = new ArrayList<String>();
        for (int i = 0; i < clients; i++) {
            String name = "cap-load-" + i;
            secrets.add(Actors.admin(() -> tokens.create(name, Role.ANALYST, ApiTokenService.MAX_RATE)).secret());
        }
        // Warm: the JIT's C2 and the search's query plans.
        long[] warm = run(serials, secrets, Math.min(clients, 10), 20);
        long[] nanos = run(serials, secrets, clients, searches);
        long started = nanos[nanos.length - 1];
        long[] latencies = Arrays.copyOf(nanos, nanos.length - 1);
        Arrays.sort(latencies);
        int n = latencies.length;
        System.out.printf("REST search, %d clients x %d searches (after %d warm-up searches): p50 %.1f ms  p95 %.1f ms"
                        + "  p99 %.1f ms  max %.1f ms; %.0f searches/s%n", clients, searches, warm.length - 1,
                latencies[n / 2] / 1e6, latencies[rank(n, 0.95)] / 1e6, latencies[rank(n, 0.99)] / 1e6,
                latencies[n - 1] / 1e6, n / (started / 1e9));
    }

    private static int rank(int n, double p) {
        return Math.max(0, (int) Math.ceil(n * p) - 1);
    }

    /** Every search's latency in nanoseconds; the last element is the wall time of the whole run. */
    private long[] run(List<String> serials, List<String> secrets, int clients, int searches) throws Exception {
        long t0 = System.nanoTime();
        var results = new ArrayList<Future<long[]>>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                results.add(threads.submit(() -> client(serials, secrets.get(client), client, searches)));
            }
        }
        long wall = System.nanoTime() - t0;
        var all = new long[clients * searches + 1];
        for (int c = 0; c < clients; c++) {
            System.arraycopy(results.get(c).get(), 0, all, c * searches, searches);
        }
        all[all.length - 1] = wall;
        return all;
    }

    private long[] client(List<String> serials, String secret, int client, int searches) throws Exception {
        // HTTP/1.1 and a client each: fifty users are fifty connections, not streams multiplexed on one.
        try (var http = HttpClient.newBuilder().sslContext(TestHttps.trusting(ssl)).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build()) {
            long[] nanos = new long[searches];
            for (int i = 0; i < searches; i++) {
                String serial = serials.get((client * 7919 + i * 31) % serials.size());
                if (i % 2 == 1) {
                    int k = serial.length() / 2;
                    serial = serial.substring(0, k - 1) + serial.charAt(k) + serial.charAt(k - 1) + serial.substring(k + 1);
                }
                var request = HttpRequest.newBuilder(TestHttps.uri(port, "/api/v1/firearms?serial="
                                + URLEncoder.encode(serial, StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + secret).timeout(Duration.ofSeconds(60)).GET().build();
                long s = System.nanoTime();
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                nanos[i] = System.nanoTime() - s;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("search answered " + response.statusCode() + ": " + response.body());
                }
            }
            return nanos;
        }
    }

    /** The analysts' browsers: a child JVM running {@link AnalystBrowsers}. */
    private final class Browsers implements AutoCloseable {
        private final Process process;
        private final PrintWriter commands;
        private final BufferedReader answers;

        Browsers() throws IOException {
            process = new ProcessBuilder(AnalystBrowsers.command())
                    .redirectError(Path.of("target/capacity-browsers.log").toFile()).start();
            commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        void open(String[] analyst, String serial, int tabs) throws IOException {
            String answer = ask("open https://localhost:" + port + " " + analyst[0] + " " + analyst[1] + " " + serial + " " + tabs);
            if (!answer.startsWith("ok ")) {
                throw new IllegalStateException(analyst[0] + ": " + answer + " (see target/capacity-browsers.log)");
            }
        }

        void closeAll() throws IOException {
            ask("close");
        }

        private String ask(String command) throws IOException {
            commands.println(command);
            for (String line; (line = answers.readLine()) != null; ) {
                if (line.startsWith("ok") || line.startsWith("fail") || line.startsWith("closed")) {
                    return line;
                }
            }
            throw new IllegalStateException("the browsers' JVM ended (see target/capacity-browsers.log)");
        }

        @Override
        public void close() throws InterruptedException {
            commands.println("quit");
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroy();
            }
        }
    }
}
