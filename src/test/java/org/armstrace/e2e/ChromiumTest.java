package org.armstrace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Paths;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.armstrace.Actors;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every Chromium test class shares: one headless browser per class, the application's port, new accounts signed in.
 * The browser and the violations it reports belong to the class's instance, not to static fields. The classes still run
 * one after another: side by side (seven Chromiums and the shared application on two cores) their pages timed out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChromiumTest {

    Playwright playwright;
    Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService users;

    @BeforeAll
    void launch() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
            playwright.close();
        }
    }

    String url(String path) {
        return "https://localhost:" + port + path;
    }

    /**
     * Every page runs under the application's Content-Security-Policy: a violation any page of this
     * class reported (Chromium's console message, or the {@code securitypolicyviolation} event)
     * fails the test that caused it.
     */
    /** The origin BrowserTests injects a script from on purpose, to prove violations are seen. */
    static final String INJECTED_ORIGIN = "injected.invalid";

    @AfterEach
    void no_content_security_policy_violations() {
        // The injected script is reported twice (the page's listener and Chromium's own console
        // message), and the second report may come after the test ended: never count it here.
        var seen = cspViolations.stream().filter(v -> !v.contains(INJECTED_ORIGIN)).toList();
        cspViolations.clear();
        assertThat(seen).as("Content-Security-Policy violations").isEmpty();
    }

    /** This class's pages' violations; Playwright reports them on its own thread. */
    final List<String> cspViolations = new CopyOnWriteArrayList<>();

    /** Reports each violation on the console too, with what was blocked (Chromium's own message may be terse). */
    private static final String CSP_LISTENER = """
            document.addEventListener('securitypolicyviolation', e => console.error(
                'CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """;

    /**
     * A browser context that collects CSP violations. The application serves the self-signed
     * certificate it generated at start; Chromium here has no certificate store to add it to, so
     * this context ignores certificate errors (the Java clients, {@code TestHttps}, do check it).
     */
    BrowserContext context(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options.setIgnoreHTTPSErrors(true));
        context.addInitScript(CSP_LISTENER);
        context.onConsoleMessage(m -> {
            // Chromium's own complaints about the security headers count as violations too.
            if (m.text().contains("Content Security Policy") || m.text().startsWith("CSP violation")
                    || m.text().startsWith("Error with Permissions-Policy header")) {
                cspViolations.add(m.text());
            }
        });
        return context;
    }

    /** A new account with the role, signed in for the first time on a desktop-sized page that accepts downloads. */
    Page signedIn(String user, Role role) {
        String oneTime = Actors.admin(() -> users.create(user, user, EnumSet.of(role)));
        Page page = context(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB")
                .setAcceptDownloads(true)).newPage();
        page.setDefaultTimeout(20_000);
        page.navigate(url("/login"));
        Chromium.firstSignIn(page, user, oneTime);
        return page;
    }

    static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/e2e/" + name + ".png")).setFullPage(true));
    }
}
