package org.armstrace.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The signed-in sessions, so that they can be ended from outside: when an administrator disables an
 * account, changes its roles or resets its password, and when a session reaches its absolute
 * lifetime (an idle timeout alone lets a busy session live for ever).
 *
 * <p>Spring Security's {@link SessionRegistry} knows which sessions belong to whom; expiring their
 * {@link SessionInformation} makes the {@code ConcurrentSessionFilter} sign the next request out.
 * That alone would leave the Vaadin session (and a push connection) alive until that request, so
 * the servlet session itself is invalidated too, which closes the Vaadin session and its UIs.
 */
@Component
class SignedInSessions implements HttpSessionListener, HttpSessionIdListener {

    static final String SIGNED_IN_AT = SignedInSessions.class.getName() + ".signedInAt";

    private final SessionRegistry registry;
    private final Duration absoluteTimeout;
    private final ConcurrentMap<String, HttpSession> live = new ConcurrentHashMap<>();

    SignedInSessions(SessionRegistry registry,
                     @Value("${armstrace.security.session.absolute-timeout:12h}") Duration absoluteTimeout) {
        this.registry = registry;
        this.absoluteTimeout = absoluteTimeout;
    }

    @Override
    public void sessionCreated(HttpSessionEvent se) {
        live.put(se.getSession().getId(), se.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent se) {
        live.remove(se.getSession().getId());
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        live.remove(oldSessionId);
        live.put(event.getSession().getId(), event.getSession());
    }

    /** Ends every session of this user now; their next request goes to the sign-in page. */
    void endSessionsOf(String username) {
        for (Object principal : registry.getAllPrincipals()) {
            if (username.equals(nameOf(principal))) {
                registry.getAllSessions(principal, true).forEach(this::end);
            }
        }
    }

    /** Whether a live, signed-in session with this id exists (for tests and diagnostics). */
    boolean isLive(String sessionId) {
        var info = registry.getSessionInformation(sessionId);
        return live.containsKey(sessionId) && info != null && !info.isExpired();
    }

    /** The servlet session with this id while it lives (tests age it to check the absolute lifetime). */
    Optional<HttpSession> session(String sessionId) {
        return Optional.ofNullable(live.get(sessionId));
    }

    /** Notes the time of sign-in in the session, for the absolute lifetime, and asks the UI to show the previous one. */
    SessionAuthenticationStrategy stampSignIn() {
        return (authentication, request, response) -> {
            request.getSession().setAttribute(SIGNED_IN_AT, Instant.now());
            request.getSession().setAttribute(SignIn.ANNOUNCE_PREVIOUS, Boolean.TRUE);
        };
    }

    /** Expires a session past its absolute lifetime before the request is served (placed before ConcurrentSessionFilter). */
    OncePerRequestFilter lifetimeFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                if (session != null && tooOld(session)) {
                    var info = registry.getSessionInformation(session.getId());
                    if (info != null) {
                        info.expireNow(); // ConcurrentSessionFilter signs out and redirects to the sign-in page
                    } else {
                        session.invalidate();
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** Closes sessions past their absolute lifetime even when they send nothing (a push connection). */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void endOverAgeSessions() {
        for (HttpSession session : List.copyOf(live.values())) {
            if (tooOld(session)) {
                var info = registry.getSessionInformation(session.getId());
                if (info != null) {
                    end(info);
                } else {
                    invalidate(session);
                }
            }
        }
    }

    private boolean tooOld(HttpSession session) {
        try {
            return session.getAttribute(SIGNED_IN_AT) instanceof Instant at
                    && at.plus(absoluteTimeout).isBefore(Instant.now());
        } catch (IllegalStateException alreadyInvalidated) {
            return false;
        }
    }

    private void end(SessionInformation info) {
        info.expireNow();
        HttpSession session = live.get(info.getSessionId());
        if (session != null) {
            invalidate(session);
        }
    }

    private void invalidate(HttpSession session) {
        try {
            session.invalidate(); // Vaadin's session listener closes the VaadinSession and its UIs
        } catch (IllegalStateException alreadyInvalidated) {
            // ended meanwhile: nothing left to do
        }
        live.remove(session.getId());
    }

    private static String nameOf(Object principal) {
        if (principal instanceof UserDetails u) {
            return u.getUsername();
        }
        if (principal instanceof AuthenticatedPrincipal p) {
            return p.getName();
        }
        return String.valueOf(principal);
    }
}
