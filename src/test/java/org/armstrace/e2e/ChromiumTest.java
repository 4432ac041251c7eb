package org.armstrace.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Paths;
import java.util.EnumSet;
import org.armstrace.Actors;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every Chromium test class shares: one headless browser per class, the application's port, new accounts signed in. */
abstract class ChromiumTest {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService users;

    @BeforeAll
    static void launch() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
            playwright.close();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A new account with the role, signed in for the first time on a desktop-sized page that accepts downloads. */
    Page signedIn(String user, Role role) {
        String oneTime = Actors.admin(() -> users.create(user, user, EnumSet.of(role)));
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB")
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
