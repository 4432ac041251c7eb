package org.armstrace.security;

import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Component;

/**
 * The response headers of every filter chain (UI and API): a Content-Security-Policy under which
 * Vaadin Flow, Cytoscape.js, Leaflet and ECharts work, no referrer to other sites, the browser
 * features the field tablets need (location, camera) for this site only, and no framing. Spring
 * Security's defaults stay on: HSTS (on HTTPS responses), nosniff, no caching of pages.
 * Use: {@code http.headers(securityHeaders)}.
 */
@Component
public final class SecurityHeaders implements Customizer<HeadersConfigurer<HttpSecurity>> {

    /**
     * OWASP ASVS V14.4: every other powerful feature off, for this site and any frame. Only features
     * Chromium knows: an unknown one (Web Bluetooth's {@code bluetooth}) is an error on every page's console.
     */
    static final String PERMISSIONS_POLICY = "geolocation=(self), camera=(self), microphone=(), payment=(), usb=(), "
            + "serial=(), hid=(), midi=(), display-capture=(), accelerometer=(), gyroscope=(), "
            + "magnetometer=(), xr-spatial-tracking=(), browsing-topics=()";

    private static final Pattern ORIGIN = Pattern.compile("^(https?://[^/?#]+)");

    private final String contentSecurityPolicy;

    public SecurityHeaders(@Value("${armstrace.map.tile-url:}") String tileUrl) {
        this.contentSecurityPolicy = contentSecurityPolicy(tileUrl);
    }

    @Override
    public void customize(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                // One year, as the HSTS preload list asks; Spring Security sends it on HTTPS responses only.
                .httpStrictTransportSecurity(h -> h.maxAgeInSeconds(31_536_000).includeSubDomains(true));
    }

    String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    /**
     * The policy. Each allowance beyond {@code 'self'} and why:
     * <ul>
     * <li>{@code script-src 'unsafe-inline'}: Vaadin's bootstrap page starts the Flow client with an
     * inline script (Vaadin 25 docs, "Content Security Policy", required settings). The only inline
     * script of the application's own is the login page's storage clean-up ({@code AppShell},
     * {@code BrowserStorage.ON_LOGIN_PAGE}). Examined and not taken (issue 24, item 2):
     * <ul>
     * <li>a nonce instead: Vaadin 25 supports a nonce-based policy in production mode only (docs,
     * "strict CSP": an {@code IndexHtmlRequestListener} puts it on each script tag), while the
     * tests, the browser tests included, run in development mode on the precompiled dev bundle: the
     * policy the browser tests prove would not be the one production sends, and making the tests run
     * a production build is a build change of its own. A nonce would also not remove
     * {@code 'unsafe-eval'} (below).</li>
     * <li>hashes instead: a browser that sees a hash (or a nonce) ignores {@code 'unsafe-inline'}, so
     * every inline script of the bootstrap page would need its hash, and Flow writes one of them per
     * request: {@code <script initial>} holds the UI's first state ({@code window.Vaadin.TypeScript
     * .initial}: a random {@code appId}, the request URL, the first UIDL), seen in the browser tests'
     * bootstrap page, so no hash could be fixed in advance.</li>
     * </ul></li>
     * <li>{@code script-src 'unsafe-eval'}: the Flow client runs the expressions the server sends
     * ({@code executeJs}, event data expressions) by constructing functions from them.</li>
     * <li>{@code style-src 'unsafe-inline'}: Vaadin's web components and Leaflet set inline styles
     * and inject {@code <style>} elements.</li>
     * <li>{@code img-src data: blob:}: Lumo's and Leaflet's icons are data URLs; photo previews of
     * files not yet uploaded are blob URLs. Plus the tile server's origin when one is configured.</li>
     * <li>{@code font-src data:}: Lumo's icon font is inlined.</li>
     * </ul>
     * {@code connect-src 'self'} covers Vaadin's XHR and its WebSocket to the same host.
     */
    static String contentSecurityPolicy(String tileUrl) {
        String tiles = tileOrigin(tileUrl);
        return "default-src 'self'; "
                + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:" + (tiles.isEmpty() ? "" : " " + tiles) + "; "
                + "font-src 'self' data:; "
                + "connect-src 'self'; "
                + "worker-src 'self' blob:; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    /**
     * {@code https://{s}.tile.example.org/{z}/{x}/{y}.png} becomes {@code https://*.tile.example.org}
     * (Leaflet fills {@code {s}} with a subdomain); blank or unparsable gives nothing.
     */
    static String tileOrigin(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank()) {
            return "";
        }
        var matcher = ORIGIN.matcher(tileUrl.strip().replace("{s}", "*"));
        if (!matcher.find()) {
            return "";
        }
        String origin = matcher.group(1);
        // Only what a CSP source expression may hold: no quotes, spaces or semicolons from the setting.
        return origin.matches("https?://[A-Za-z0-9.*\\-]+(:[0-9]+)?") ? origin : "";
    }
}
