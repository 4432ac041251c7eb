package org.armstrace.e2e;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The recovery form over a weak mobile connection: Chromium's "Fast 3G" preset (DevTools network
 * emulation: 562.5 ms latency, 180 kB/s down, 84 kB/s up) at tablet size, signed in as a field
 * officer. Prints the bytes transferred and the time until the form can be used (the save button
 * is on screen and Vaadin has no request in flight), cold (empty cache) and warm.
 *
 * <p>Meaningful on the production bundle only:
 * {@code ./mvnw -Pproduction test -Dtest=RecoveryPageBenchmark -Dbench.excluded=none}
 */
@Tag("benchmark")
@ArmsTraceTest
class RecoveryPageBenchmark {

    /** Chromium DevTools' Fast 3G (front_end/core/sdk/NetworkManager.ts). */
    static final Map<String, Object> FAST_3G = Map.of("offline", false, "latency", 150 * 3.75,
            "downloadThroughput", 1.6 * 1000 * 1000 / 8 * .9, "uploadThroughput", 750 * 1000 / 8 * .9);

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService users;

    @Test
    void the_recovery_form_over_fast_3g() {
        String officer = "fo-bench-" + UUID.randomUUID().toString().substring(0, 4);
        String oneTime = Actors.admin(() -> users.create(officer, "Bench Officer",
                EnumSet.of(Role.FIELD_OFFICER)));
        int runs = Integer.getInteger("bench.runs", 5);
        System.out.printf("production bundle: %s; %d runs each; Fast 3G%n", productionBundle(), runs);
        try (Playwright playwright = Chromium.playwright(); Browser browser = Chromium.launch(playwright)) {
            var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(768, 1024)
                    .setLocale("en-GB").setHasTouch(true)
                    .setIgnoreHTTPSErrors(true)); // the test application's self-signed certificate
            Page page = context.newPage();
            page.setDefaultTimeout(60_000);
            page.navigate("https://localhost:" + port + "/login");
            Chromium.firstSignIn(page, officer, oneTime);

            CDPSession cdp = context.newCDPSession(page);
            cdp.send("Network.enable");
            var bytes = new AtomicLong();
            var urls = new ConcurrentHashMap<String, String>();
            var perUrl = new ConcurrentHashMap<String, Long>();
            cdp.on("Network.requestWillBeSent", (JsonObject e) -> urls.put(e.get("requestId").getAsString(),
                    e.getAsJsonObject("request").get("url").getAsString()));
            cdp.on("Network.loadingFinished", (JsonObject e) -> {
                long n = e.get("encodedDataLength").getAsLong();
                bytes.addAndGet(n);
                perUrl.merge(urls.getOrDefault(e.get("requestId").getAsString(), "?").replaceAll("\\?.*", "?…"), n, Long::sum);
            });
            cdp.send("Network.emulateNetworkConditions", json(FAST_3G));
            for (boolean cold : List.of(true, false)) {
                cdp.send("Network.setCacheDisabled", json(Map.of("cacheDisabled", cold)));
                var times = new ArrayList<Double>();
                var sizes = new ArrayList<Long>();
                for (int i = 0; i < runs; i++) {
                    page.navigate("about:blank");
                    bytes.set(0);
                    long t0 = System.nanoTime();
                    page.navigate("https://localhost:" + port + "/recoveries/new");
                    page.locator("#recovery-save").waitFor();
                    page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && Object.values(window.Vaadin.Flow.clients)"
                            + ".every(c => !c.isActive())");
                    times.add((System.nanoTime() - t0) / 1e9);
                    page.waitForTimeout(1500); // late requests (boundary files) still count towards the bytes
                    sizes.add(bytes.get());
                }
                if (cold && Boolean.getBoolean("bench.details")) {
                    perUrl.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
                            .forEach(e -> System.out.printf("  %,10d  %s%n", e.getValue() / runs, e.getKey()));
                }
                perUrl.clear();
                Collections.sort(times);
                Collections.sort(sizes);
                System.out.printf("%s cache: time to interactive median %.2f s (min %.2f, max %.2f); transferred median %,d bytes%n",
                        cold ? "cold" : "warm", times.get(times.size() / 2), times.getFirst(), times.getLast(),
                        sizes.get(sizes.size() / 2));
            }
        }
    }

    /** Whether this build carries Vaadin's production bundle (built by -Pproduction). */
    private static boolean productionBundle() {
        try (var in = RecoveryPageBenchmark.class.getResourceAsStream("/META-INF/VAADIN/config/flow-build-info.json")) {
            return in != null && new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(" ", "").contains("\"productionMode\":true");
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonObject json(Map<String, Object> map) {
        var o = new JsonObject();
        map.forEach((k, v) -> {
            if (v instanceof Boolean b) {
                o.addProperty(k, b);
            } else {
                o.addProperty(k, (Number) v);
            }
        });
        return o;
    }
}
