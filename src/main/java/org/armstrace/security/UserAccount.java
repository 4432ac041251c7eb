package org.armstrace.security;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * A person who can sign in. Accounts are disabled, never deleted, so the audit trail keeps its actors.
 *
 * @param office the office or desk the person works in (statistics count requests per office), or null
 * @param fromDirectory signs in against the directory (LDAP / AD): no password here, roles from its groups
 * @param oneTimePasswordExpiresAt when the account's one-time password stops working, or null when
 *                                 the user has chosen their own password
 */
public record UserAccount(String username, String displayName, Set<Role> roles, boolean enabled,
                          Locale locale, boolean mustChangePassword, Instant createdAt, String office,
                          boolean fromDirectory, Instant oneTimePasswordExpiresAt) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    /** A local account (signs in with a password kept here), without a one-time password's expiry. */
    public UserAccount(String username, String displayName, Set<Role> roles, boolean enabled,
                       Locale locale, boolean mustChangePassword, Instant createdAt, String office) {
        this(username, displayName, roles, enabled, locale, mustChangePassword, createdAt, office, false, null);
    }

    /** Whether the account still has only a one-time password and it has expired (sign-in is refused). */
    public boolean oneTimePasswordExpired(Instant now) {
        return mustChangePassword && oneTimePasswordExpiresAt != null && !oneTimePasswordExpiresAt.isAfter(now);
    }
}
