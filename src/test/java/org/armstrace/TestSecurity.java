package org.armstrace;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/** Runs test set-up code as a signed-in user, for services guarded by method security. */
public final class TestSecurity {

    private TestSecurity() {
    }

    public static <T> T as(String username, String role, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                username, "", List.of(new SimpleGrantedAuthority("ROLE_" + role)))));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
