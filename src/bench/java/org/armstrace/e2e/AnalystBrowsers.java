package org.armstrace.e2e;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The analysts' browsers for {@link CapacityBenchmark}, in a JVM of their own: Playwright's Java
 * client keeps an object for every context, page, frame and request it has seen, and those must not
 * be counted as the application's heap. One Chromium, one {@link BrowserContext} (cookies, so one
 * Vaadin session) per analyst.
 *
 * <p>Commands, one per line on standard input; each answers one line on standard output:
 * <ul>
 *   <li>{@code open <base-url> <user> <one-time password> <serial> <tabs>}: signs in for the first
 *       time, searches the serial in the registry, opens the first weapon found, its link chart and
 *       the statistics dashboard, and leaves the page(s) idle. With {@code tabs=1} that is one tab
 *       clicking from one view to the next (one Vaadin UI left, on the dashboard); with {@code 4} each
 *       view stays open in a tab of its own (four UIs). Answers {@code ok <ms>} or {@code fail <why>}.</li>
 *   <li>{@code close}: closes every context (not signing out: the server keeps the sessions), answers {@code closed}.</li>
 *   <li>{@code quit}: ends.</li>
 * </ul>
 */
public final class AnalystBrowsers {

    private AnalystBrowsers() {
    }

    public static void main(String[] args) throws IOException {
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        var contexts = new ArrayList<BrowserContext>();
        try (Playwright playwright = Chromium.playwright(); Browser browser = Chromium.launch(playwright)) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] w = line.strip().split(" ");
                switch (w[0]) {
                    case "open" -> {
                        long t0 = System.nanoTime();
                        var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                                .setLocale("en-GB").setIgnoreHTTPSErrors(true)); // the self-signed test certificate
                        contexts.add(context);
                        try {
                            open(context, w[1], w[2], w[3], w[4], Integer.parseInt(w[5]));
                            answer("ok " + (System.nanoTime() - t0) / 1_000_000);
                        } catch (RuntimeException e) {
                            answer("fail " + String.valueOf(e.getMessage()).lines().findFirst().orElse("?"));
                        }
                    }
                    case "close" -> {
                        contexts.forEach(BrowserContext::close);
                        contexts.clear();
                        answer("closed");
                    }
                    case "quit" -> {
                        return;
                    }
                    default -> answer("fail unknown command " + w[0]);
                }
            }
        }
    }

    /** What an analyst does before leaving the application idle: the four views the issue names. */
    static void open(BrowserContext context, String base, String user, String oneTime, String serial, int tabs) {
        Page page = context.newPage();
        page.setDefaultTimeout(120_000); // forty contexts on two cores beside the application
        page.navigate(base + "/login");
        Chromium.firstSignIn(page, user, oneTime);
        // Through the menu, as a user goes: client-side navigation keeps one UI in the tab.
        page.locator("vaadin-side-nav-item[path='registry']").click();
        search(page, serial);
        page.locator("#registry-results vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(serial)).first().click();
        page.locator("#firearm-facts").waitFor();
        page.locator("#firearm-graph canvas").first().waitFor();
        String firearm = page.url().substring(page.url().lastIndexOf('/') + 1);
        if (tabs == 1) {
            page.locator("#firearm-open-chart").click();
            chartDrawn(page);
            page.locator("vaadin-side-nav-item[path='statistics']").click();
            dashboardDrawn(page);
        } else {
            // The search and the weapon stay where they are (the weapon opened from the search in the
            // first tab left the search's UI behind, so it is searched again in a second tab).
            Page searchTab = context.newPage();
            searchTab.setDefaultTimeout(120_000);
            searchTab.navigate(base + "/registry");
            search(searchTab, serial);
            Page chart = context.newPage();
            chart.setDefaultTimeout(120_000);
            chart.navigate(base + "/intelligence/chart/Firearm:" + firearm);
            chartDrawn(chart);
            Page dashboard = context.newPage();
            dashboard.setDefaultTimeout(120_000);
            dashboard.navigate(base + "/statistics");
            dashboardDrawn(dashboard);
            idle(searchTab);
            idle(chart);
            freeze(context, searchTab);
            freeze(context, chart);
            freeze(context, dashboard);
        }
        idle(page);
        freeze(context, page);
    }

    /**
     * Freezes the page as Chromium freezes a background tab: its timers and drawing stop. Forty open
     * dashboards and charts otherwise kept both cores busy repainting (5 % each), which slowed the run
     * and everyone else on the machine. A frozen page sends no poll (one a minute) and no heartbeat (one
     * every five); its UI lives on until three heartbeats are missed, longer than a measurement takes.
     */
    private static void freeze(BrowserContext context, Page page) {
        var state = new JsonObject();
        state.addProperty("state", "frozen");
        context.newCDPSession(page).send("Page.setWebLifecycleState", state);
    }

    private static void search(Page page, String serial) {
        page.locator("#registry-serial input").fill(serial);
        page.locator("#registry-serial input").press("Enter");
        page.locator("#registry-results vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(serial)).first().waitFor();
    }

    private static void chartDrawn(Page page) {
        page.waitForFunction("() => { const g = document.querySelector('#chart-graph');"
                + " return g && g._cy && g._cy.nodes().length >= 2; }");
    }

    private static void dashboardDrawn(Page page) {
        page.locator("#statistics-sdg").waitFor();
        page.waitForFunction("() => document.querySelectorAll('armstrace-chart[rendered]').length >= 12");
    }

    /** No request of Vaadin's in flight: what the server holds now is what an idle session holds. */
    private static void idle(Page page) {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && Object.values(window.Vaadin.Flow.clients)"
                + ".every(c => !c.isActive())");
    }

    private static void answer(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** For the parent: the command line of this class's JVM, on the test classpath. */
    static List<String> command() {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(java, "-Xmx256m", "-cp", classpath, AnalystBrowsers.class.getName());
    }
}
