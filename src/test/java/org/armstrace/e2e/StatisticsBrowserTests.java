package org.armstrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSession;
import java.io.FileInputStream;
import java.util.Comparator;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armstrace.ArmsTraceTest;
import org.armstrace.BrowserTest;
import org.armstrace.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** Journey 6 of PRODUCT.md in headless Chromium: a supervisor reads the dashboard and takes the annual return. */
@ArmsTraceTest
@BrowserTest
class StatisticsBrowserTests extends ChromiumTest {

    @Test
    void the_dashboard_draws_its_charts_shows_a_table_and_hands_out_the_annual_return() throws Exception {
        String supervisor = "sup-" + UUID.randomUUID().toString().substring(0, 5);
        Page page = signedIn(supervisor, Role.SUPERVISOR);
        page.setDefaultTimeout(30_000);
        try {
            page.navigate(url("/statistics"));
            assertThat(page.locator("#statistics-sdg")).containsText("SDG indicator 16.4.2");
            // ECharts has drawn every chart on a canvas.
            assertThat(page.locator("#chart-recoveries-by-kind armstrace-chart[rendered] canvas")).hasCount(1);
            assertThat(page.locator("armstrace-chart[rendered]").count()).isGreaterThanOrEqualTo(12);

            page.locator("#toggle-response-times").click();
            assertThat(page.locator("#table-response-times")).isVisible();
            assertThat(page.locator("#table-response-times")).containsText("Incoming");
            assertThat(page.locator("#toggle-response-times")).hasText("Chart");
            page.locator("#toggle-response-times").click();
            assertThat(page.locator("#table-response-times")).isHidden();
            assertThat(page.locator("#chart-response-times armstrace-chart")).isVisible();

            // Every card's export goes through the view's one download handler, the link naming the table.
            Download byType = page.waitForDownload(() -> page.locator("#export-recoveries-by-type").click());
            assertThat(byType.suggestedFilename()).startsWith("recoveries-by-type-").endsWith(".xlsx");
            try (var book = new XSSFWorkbook(new FileInputStream(byType.path().toFile()))) {
                assertThat(book.getNumberOfSheets()).isPositive();
            }
            String href = page.locator("#export-recoveries-by-type").getAttribute("href");
            Object status = page.evaluate("href => fetch(href).then(r => r.status)",
                    href.replace("what=recoveries-by-type", "what=no-such-table"));
            assertThat(status).as("a link naming no table, fetched by the page itself").isEqualTo(404);

            page.locator("#statistics-from input").fill("2025-06-01");
            page.locator("#statistics-from input").press("Enter");
            page.locator("#statistics-to input").fill("2025-01-31");
            page.locator("#statistics-to input").press("Enter");
            page.locator("#statistics-show").click();
            assertThat(page.locator("#statistics-error")).containsText("Swap the dates");

            page.locator("#statistics-preset").click();
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions()
                    .setHasText("Last year")).click();
            assertThat(page.locator("#statistics-error")).hasText("");
            Download annual = page.waitForDownload(() -> page.locator("#statistics-annual-return").click());
            try (var book = new XSSFWorkbook(new FileInputStream(annual.path().toFile()))) {
                assertThat(book.getSheetName(0)).isEqualTo("Definitions");
                assertThat(book.getSheet("6 SDG 16.4.2")).isNotNull();
            }
            shot(page, "statistics");
        } catch (AssertionError | RuntimeException e) {
            shot(page, "statistics-failed");
            throw e;
        }
    }

    @Autowired
    WebServerApplicationContext web;

    @Test
    void an_idle_dashboard_keeps_no_copy_of_the_page_it_was_sent() throws Exception {
        String analyst = "ana-" + UUID.randomUUID().toString().substring(0, 5);
        Page page = signedIn(analyst, Role.ANALYST);
        page.setDefaultTimeout(30_000);
        // Through the menu, as a user goes: the dashboard arrives as the answer to one request of the page.
        page.locator("vaadin-side-nav-item[path='statistics']").click();
        page.waitForFunction("() => document.querySelectorAll('armstrace-chart[rendered]').length >= 12");
        page.waitForFunction("() => Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
        String session = page.context().cookies().stream().filter(c -> c.name.equals("JSESSIONID")).findFirst()
                .orElseThrow().value;

        assertThat(keptResponseLength(session)).as("characters of the last response Vaadin keeps for the page")
                .isLessThan(2_000);
    }

    /** The length of the last response Vaadin keeps for the newest UI of the session (to send it again if asked). */
    private int keptResponseLength(String sessionId) throws Exception {
        var tomcat = ((TomcatWebServer) web.getWebServer()).getTomcat();
        var context = (org.apache.catalina.Context) tomcat.getHost().findChildren()[0];
        HttpSession http = context.getManager().findSession(sessionId).getSession();
        VaadinSession vaadin = VaadinSession.getAllSessions(http).iterator().next();
        vaadin.lock();
        try {
            UI newest = vaadin.getUIs().stream().max(Comparator.comparingInt(UI::getUIId)).orElseThrow();
            String kept = newest.getInternals().getLastRequestResponse();
            return kept == null ? 0 : kept.length();
        } finally {
            vaadin.unlock();
        }
    }
}
