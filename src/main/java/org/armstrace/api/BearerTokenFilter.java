package org.armstrace.api;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Optional;
import org.armstrace.security.PartnerScope;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer at_...} on the API chain and applies the token's rate
 * limit. The caller acts as {@code token:<name>} with the token's role, so method security and
 * the audit trail treat API calls like any other user's.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;
    private final RateLimiter limiter;

    BearerTokenFilter(ApiTokenService tokens, RateLimiter limiter) {
        this.tokens = tokens;
        this.limiter = limiter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // No token: anonymous (the entry point answers 401 where a token is needed), or, on the
            // actuator's chain only, an administrator's UI session. The API's chain reads no session.
            chain.doFilter(request, response);
            return;
        }
        if (metricsToken()) {
            chain.doFilter(request, response); // the actuator's chain accepted the metrics token (MetricsTokenFilter)
            return;
        }
        // A token is judged on its own, whatever session came with it: an unknown, revoked or
        // mistyped token is refused even beside a signed-in session, and a valid one acts with the
        // token's role only, never with the session's.
        Optional<ApiTokenService.Caller> caller = tokens.authenticate(header.substring(7).strip());
        if (caller.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            Problems.write(response, HttpStatus.UNAUTHORIZED, "invalid-token",
                    "The bearer token is unknown or has been revoked.", request.getRequestURI());
            return;
        }
        ConsumptionProbe probe = limiter.tryConsume(caller.get());
        response.setHeader("RateLimit-Limit", String.valueOf(caller.get().requestsPerMinute()));
        response.setHeader("RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "This token may make " + caller.get().requestsPerMinute() + " requests a minute; retry after "
                            + seconds + " s.", request.getRequestURI());
            return;
        }
        var authorities = new ArrayList<SimpleGrantedAuthority>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + caller.get().role().name()));
        if (caller.get().country() != null) {
            authorities.add(new SimpleGrantedAuthority(PartnerScope.PREFIX + caller.get().country()));
        }
        var auth = UsernamePasswordAuthenticationToken.authenticated("token:" + caller.get().name(), null, authorities);
        SecurityContextHolder.setContext(new SecurityContextImpl(auth));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Whether this request's Authorization header was the metrics token, which MetricsTokenFilter accepted before this filter. */
    private static boolean metricsToken() {
        var current = SecurityContextHolder.getContext().getAuthentication();
        return current != null && current.isAuthenticated() && current.getAuthorities().stream()
                .anyMatch(a -> MetricsTokenFilter.AUTHORITY.equals(a.getAuthority()));
    }
}
