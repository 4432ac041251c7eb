package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.armstrace.TestHttps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real form sign-ins over HTTPS against the running application: what a browser (or an attacker's
 * script) gets back, and what happens to a signed-in session when its account changes.
 * The client's address is set with X-Forwarded-For, which the test profile trusts from 127.0.0.1
 * ({@code server.forward-headers-strategy=native}), as a proxy in front of the application would.
 */
@ArmsTraceTest
class SignInHttpTests {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService users;
    @Autowired
    SignedInSessions sessions;
    @Autowired
    SslBundles ssl;

    /** One browser: its own cookies, coming from one client address. */
    private final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).sslContext(TestHttps.trusting(ssl))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        final String address;

        Browser(String address) {
            this.address = address;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(TestHttps.uri(port, path)).header("X-Forwarded-For", address).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Submits the sign-in form; returns where the application sends the browser next. */
        String signIn(String username, String password) throws IOException, InterruptedException {
            String page = get("/login").body();
            var token = CSRF.matcher(page);
            var parameter = CSRF_PARAMETER.matcher(page);
            String form = "username=" + enc(username) + "&password=" + enc(password)
                    + (token.find() ? "&" + (parameter.find() ? parameter.group(1) : "_csrf") + "=" + enc(token.group(1)) : "");
            var response = http.send(HttpRequest.newBuilder(TestHttps.uri(port, "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", address)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("sign-in answer").isEqualTo(302);
            return path(response);
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String path(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElse("");
        String base = TestHttps.uri(port, "").toString();
        return location.startsWith(base) ? location.substring(base.length()) : location;
    }

    private static String uniqueName() {
        return "h" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String uniqueAddress() {
        var r = UUID.randomUUID().getLeastSignificantBits();
        return "198.51." + (r & 0x7f) + "." + ((r >> 8) & 0xff);
    }

    /** Signs a new account in, checks its page opens, applies the change, and returns the next answer. */
    private HttpResponse<String> afterChange(Consumer<String> change) throws Exception {
        String name = uniqueName();
        String password = Actors.admin(() -> users.create(name, "", EnumSet.of(Role.ANALYST, Role.INTAKE)));
        var browser = new Browser(uniqueAddress());
        assertThat(browser.signIn(name, password)).doesNotContain("/login");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        String session = browser.sessionId();
        assertThat(sessions.isLive(session)).isTrue();

        Actors.admin(() -> {
            change.accept(name);
            return null;
        });

        assertThat(sessions.isLive(session)).as("the session is ended at once, not at its next request").isFalse();
        return browser.get("/");
    }

    private void assertSentToSignIn(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(path(response)).startsWith("/login");
    }

    @Test
    void disabling_a_user_ends_their_session_and_its_next_request_goes_to_the_sign_in_page() throws Exception {
        assertSentToSignIn(afterChange(name -> users.update(name, "", EnumSet.of(Role.ANALYST, Role.INTAKE), false)));
    }

    @Test
    void changing_a_users_roles_ends_their_session() throws Exception {
        assertSentToSignIn(afterChange(name -> users.update(name, "", EnumSet.of(Role.ANALYST), true)));
    }

    @Test
    void resetting_a_users_password_ends_their_session() throws Exception {
        assertSentToSignIn(afterChange(users::resetPassword));
    }

    @Test
    void a_session_past_its_absolute_lifetime_is_ended_however_active() throws Exception {
        String name = uniqueName();
        String password = Actors.admin(() -> users.create(name, "", EnumSet.of(Role.ANALYST)));
        var browser = new Browser(uniqueAddress());
        browser.signIn(name, password);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        // Twelve hours and a minute after the sign-in (default armstrace.security.session.absolute-timeout=12h).
        sessions.session(browser.sessionId()).orElseThrow()
                .setAttribute(SignedInSessions.SIGNED_IN_AT, Instant.now().minus(Duration.ofHours(12).plusMinutes(1)));

        assertSentToSignIn(browser.get("/"));
    }

    @Test
    void a_browser_whose_session_ended_lands_on_the_applications_own_sign_in_page_which_forgets_the_tablets_storage()
            throws Exception {
        var browser = new Browser(uniqueAddress());
        var sent = browser.get("/recoveries/new");
        assertSentToSignIn(sent);

        String page = browser.get(path(sent)).body();

        // Vaadin's bootstrap page (LoginView), with the storage clean-up inline before Flow starts;
        // not Spring Security's generated form, on which nothing of the application runs.
        assertThat(page).doesNotContain("default-ui.css").contains("<meta name=\"_csrf\"", "armstrace-forget");
    }

    @Test
    void a_disabled_account_gets_the_same_page_as_a_wrong_password() throws Exception {
        String name = uniqueName();
        String password = Actors.admin(() -> users.create(name, "", EnumSet.of(Role.ANALYST)));
        Actors.admin(() -> users.update(name, "", EnumSet.of(Role.ANALYST), false));

        String disabled = new Browser(uniqueAddress()).signIn(name, password);
        String wrong = new Browser(uniqueAddress()).signIn(uniqueName(), "wrong");

        assertThat(disabled).isEqualTo(wrong).isEqualTo("/login?error");
    }

    @Test
    void the_lockout_counts_the_client_behind_the_proxy_not_the_proxy() throws Exception {
        String name = uniqueName();
        String password = Actors.admin(() -> users.create(name, "", EnumSet.of(Role.ANALYST)));
        var attacker = new Browser(uniqueAddress());
        for (int i = 0; i < 20; i++) {
            assertThat(attacker.signIn(uniqueName(), "wrong")).isEqualTo("/login?error");
        }

        assertThat(attacker.signIn(name, password)).isEqualTo("/login?error=throttled");
        // Every request came through 127.0.0.1; another client behind the same proxy is not locked out.
        assertThat(new Browser(uniqueAddress()).signIn(name, password)).doesNotContain("/login");
    }
}
