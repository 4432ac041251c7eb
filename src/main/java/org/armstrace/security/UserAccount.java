package org.armstrace.security;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * A person who can sign in. Accounts are disabled, never deleted, so the audit trail keeps its actors.
 *
 * @param office the office or desk the person works in (statistics count requests per office), or null
 */
public record UserAccount(String username, String displayName, Set<Role> roles, boolean enabled,
                          Locale locale, boolean mustChangePassword, Instant createdAt, String office) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }
}
