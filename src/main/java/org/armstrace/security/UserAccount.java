package org.armstrace.security;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/** A person who can sign in. Accounts are disabled, never deleted, so the audit trail keeps its actors. */
public record UserAccount(String username, String displayName, Set<Role> roles, boolean enabled,
                          Locale locale, boolean mustChangePassword, Instant createdAt) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }
}
