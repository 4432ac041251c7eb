package org.armstrace.security;

import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The partner country a PARTNER caller speaks for, carried as an authority {@code COUNTRY_<code>}
 * of its API token. Services scope partners' reads and writes by it themselves, so a partner can
 * never reach another country's requests whatever the controller does.
 */
public final class PartnerScope {

    public static final String PREFIX = "COUNTRY_";

    private PartnerScope() {
    }

    /** The caller's partner country, if the caller is a partner. */
    public static Optional<String> country() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !Role.current(Role.Names.PARTNER)) {
            return Optional.empty();
        }
        return auth.getAuthorities().stream().map(a -> a.getAuthority()).filter(a -> a.startsWith(PREFIX))
                .map(a -> a.substring(PREFIX.length())).findFirst();
    }
}
