package org.armstrace.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.armstrace.base.Sha256;
import org.armstrace.base.StartupProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a Prometheus server scrape {@code /actuator/prometheus} with the shared secret
 * {@code armstrace.metrics.token}, sent as {@code Authorization: Bearer <token>}. It is not an API
 * token: it grants the metrics authority and nothing else, so a scraper's leaked configuration
 * opens no weapon, person or trace request. Blank: only signed-in administrators can scrape.
 */
final class MetricsTokenFilter extends OncePerRequestFilter {

    /** The only thing the metrics token may do. */
    static final String AUTHORITY = "METRICS_SCRAPE";
    static final int MIN_LENGTH = 32;

    private final byte[] expected;

    MetricsTokenFilter(String token) {
        String t = token == null ? "" : token.strip();
        if (!t.isEmpty() && t.length() < MIN_LENGTH) {
            throw new StartupProblem("The metrics token (ARMSTRACE_METRICS_TOKEN) is shorter than " + MIN_LENGTH
                    + " characters.", "Generate one with: openssl rand -base64 32", null);
        }
        this.expected = t.isEmpty() ? null : digest(t);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        // Digests of equal length, compared in constant time: the answer's timing tells nothing of the token.
        if (expected == null || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)
                || !MessageDigest.isEqual(expected, digest(header.substring(7).strip()))) {
            chain.doFilter(request, response); // not the metrics token: an API token, a session, or nobody
            return;
        }
        var auth = UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                List.of(new SimpleGrantedAuthority(AUTHORITY)));
        SecurityContextHolder.setContext(new SecurityContextImpl(auth));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static byte[] digest(String s) {
        return Sha256.hex(s).getBytes(StandardCharsets.US_ASCII);
    }
}
