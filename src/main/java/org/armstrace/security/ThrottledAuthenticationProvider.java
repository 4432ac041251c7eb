package org.armstrace.security;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Password sign-in with throttling, and every attempt's outcome in the audit trail. */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle, AuditLog audit) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = UserAccountService.normalise(authentication.getName());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        if (throttle.blockedFor(name, address).isPositive()) {
            audit.recordAs(name, "login.throttled", List.of("User:" + name), "from " + address);
            throw new LockedException("Too many failed sign-in attempts");
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(name);
            audit.recordAs(name, "login.succeeded", List.of("User:" + name), "from " + address);
            return result;
        } catch (BadCredentialsException | DisabledException e) {
            throttle.failed(name, address);
            audit.recordAs(name, "login.failed", List.of("User:" + name), "from " + address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
