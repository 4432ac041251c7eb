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
        return with(username, List.of("ROLE_" + role), action);
    }

    /** As a partner API token of the given country. */
    public static <T> T partner(String country, Supplier<T> action) {
        return with("token:" + country, List.of("ROLE_PARTNER", "COUNTRY_" + country), action);
    }

    private static <T> T with(String username, List<String> authorities, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                username, "", authorities.stream().map(SimpleGrantedAuthority::new).toList())));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
