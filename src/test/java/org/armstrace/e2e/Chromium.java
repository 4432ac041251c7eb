package org.armstrace.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** Debian's Chromium driven by Playwright without any browser download ({@code .ci/run} installs it). */
final class Chromium {

    static final Path PATH = Paths.get(System.getProperty("armstrace.chromium", "/usr/bin/chromium"));

    private Chromium() {
    }

    static Playwright playwright() {
        if (!Files.isExecutable(PATH)) {
            // On CI a missing browser is a broken install step, not a reason to skip.
            Assumptions.assumeFalse(System.getenv("CI") == null, "Chromium not installed at " + PATH);
            throw new IllegalStateException("Chromium not installed at " + PATH + " (see .ci/run)");
        }
        // Assertions wait as long as the pages' actions do. Playwright's own 5 s was too short on two
        // cores while the child-JVM tests run beside the browser: a reconnect after a dropped
        // connection took longer, and a recovery saved after it failed BrowserTests on a fresh clone.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /**
     * Signs a new account in with its one-time password and chooses a password of its own, as
     * every new account must before it sees anything else.
     */
    static void firstSignIn(Page page, String user, String oneTime) {
        page.locator("input[name='username']").fill(user);
        page.locator("input[name='password']").fill(oneTime);
        page.locator("input[name='password']").press("Enter");
        page.locator("#password-current input").fill(oneTime);
        page.locator("#password-new input").fill("gloves-on tablet secret");
        page.locator("#password-repeat input").fill("gloves-on tablet secret");
        page.locator("#password-save").click();
        page.getByText("Welcome, " + user).waitFor();
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(PATH)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync")));
    }
}
