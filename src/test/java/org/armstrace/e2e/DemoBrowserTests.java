package org.armstrace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.armstrace.Actors;
import org.armstrace.BrowserTest;
import org.armstrace.security.Role;
import org.armstrace.tracing.Direction;
import org.armstrace.tracing.TraceQueues;
import org.armstrace.tracing.TraceRequest;
import org.armstrace.tracing.TraceStatus;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The demo as a newcomer meets it: a context of its own started with the documented switch (and a
 * small registry, so that it loads in seconds), each demo user signs in and opens every entry of
 * their menu. Every page must come up without an error, and every page that lists something must
 * list at least one row.
 */
// Last of the browser classes, and its context closed after it: a second application in this JVM
// must not run while the shared one's browser and command tests act as signed-in users.
@Order(Integer.MAX_VALUE)
@ExtendWith(KeepSecurityStrategy.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The demo runs one pattern scan when it has loaded: scans on each arrival would only slow the start.
        properties = {"armstrace.demo=true", "armstrace.demo.firearms=60",
                "armstrace.intelligence.patterns.scan-on-arrival=false"})
@ActiveProfiles("test")
@BrowserTest
class DemoBrowserTests extends ChromiumTest {

    @Autowired
    TraceQueues queues;

    /** Pages that are forms or a search to start, with no list of their own to fill. */
    static final Set<String> FORMS = Set.of("", "registry", "recoveries/new", "tracing/new", "tracing/workbook",
            "tracing/outgoing", "statistics", "registry/desk", "account/notifications");
    /** The e-mail outbox: the demo sends no e-mail. It must still open without an error. */
    static final Set<String> NOT_FILLED = Set.of("admin/outbox");
    /**
     * An intake officer's queue is "assigned to me", and only analysts are assigned: incoming
     * requests go to them by workload as they arrive. Empty by design, in the demo as in service.
     */
    static final Set<String> EMPTY_FOR_INTAKE = Set.of("tracing");

    @ParameterizedTest
    @ValueSource(strings = {"admin", "supervisor", "analyst", "intake", "officer"})
    void each_demo_user_finds_every_page_of_their_menu_filled_and_free_of_errors(String role) {
        String user = "demo-" + role;
        String oneTime = Actors.admin(() -> users.resetPassword(user));
        Page page = context(new Browser.NewContextOptions().setViewportSize(1440, 900).setLocale("en-GB")).newPage();
        var scriptErrors = new ArrayList<String>();
        page.onPageError(scriptErrors::add);
        page.setDefaultTimeout(30_000);
        page.navigate(url("/login"));
        Chromium.firstSignIn(page, user, oneTime);

        @SuppressWarnings("unchecked")
        List<String> paths = (List<String>) page.locator("vaadin-side-nav-item")
                .evaluateAll("items => items.map(i => i.getAttribute('path') || '')");
        assertThat(paths).as("menu of " + user).isNotEmpty();
        var empty = new ArrayList<String>();
        for (String path : paths) {
            page.navigate(url("/" + path));
            page.waitForLoadState();
            page.waitForFunction("() => !document.querySelector('vaadin-connection-indicator[loading]')");
            String body = page.locator("body").innerText();
            assertThat(body).as(path).doesNotContain("Something went wrong", "Internal error", "Exception");
            boolean mayBeEmpty = FORMS.contains(path) || NOT_FILLED.contains(path)
                    || role.equals("intake") && EMPTY_FOR_INTAKE.contains(path);
            if (!mayBeEmpty && !listsSomething(page)) {
                empty.add(path);
            }
        }
        shot(page, "demo-" + role);
        assertThat(empty).as("pages of " + user + " that list nothing").isEmpty();
        assertThat(scriptErrors).as("script errors").isEmpty();
        page.context().close();
    }

    @Test
    void the_demo_administrator_opens_an_imported_batch_and_finds_its_rows_listed() {
        String oneTime = Actors.admin(() -> users.resetPassword("demo-admin"));
        Page page = context(new Browser.NewContextOptions().setViewportSize(1440, 900).setLocale("en-GB")).newPage();
        page.setDefaultTimeout(30_000);
        page.navigate(url("/login"));
        Chromium.firstSignIn(page, "demo-admin", oneTime);

        page.navigate(url("/admin/imports"));
        page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("demo-registry-firearms.csv"))
                .first().click();
        page.waitForFunction("() => { const g = document.querySelector('#import-rows-grid'); return g && g.size > 0; }");

        assertThat(page.locator("#import-rows-grid").evaluate("g => g.size")).isEqualTo(16);
        shot(page, "demo-import-rows");
        page.context().close();
    }

    @Test
    void requests_taken_in_before_the_desk_had_analysts_wait_acknowledged_in_the_team_queue() {
        // RECEIVED is never a resting state: intake acknowledges a request in the transaction that stores it.
        List<TraceRequest> team = Actors.as("demo-supervisor", Role.SUPERVISOR,
                () -> queues.queue(TraceQueues.Queue.TEAM, 0, 50));

        assertThat(team).isNotEmpty().allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TraceStatus.ACKNOWLEDGED);
            assertThat(t.direction()).isEqualTo(Direction.INCOMING);
            assertThat(t.assignee()).isNull();
        });
    }

    /** Whether a grid on the page has rows, allowing the lazy grids their first fetch. */
    private static boolean listsSomething(Page page) {
        try {
            page.waitForFunction("() => Array.from(document.querySelectorAll('vaadin-grid')).some(g => g.size > 0)",
                    null, new Page.WaitForFunctionOptions().setTimeout(10_000));
            return true;
        } catch (com.microsoft.playwright.TimeoutError e) {
            return false;
        }
    }
}
