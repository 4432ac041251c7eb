package org.armstrace.security;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * Work the application does under an identity of its own, for the length of one call: the demo
 * loader, or the desk's intake step taking the people a partner's request names. The services'
 * method security then sees a role that may do the work, and the audit names who it was done for;
 * the caller's own identity is back as soon as the call returns, thrown or not.
 */
public final class Acting {

    private Acting() {
    }

    /** Runs the action signed in as {@code name} with {@code role} only. */
    public static <T> T as(String name, Role role, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                name, null, AuthorityUtils.createAuthorityList("ROLE_" + role.name()))));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
