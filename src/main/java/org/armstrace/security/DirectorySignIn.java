package org.armstrace.security;

import java.util.Locale;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.ldap.authentication.AbstractLdapAuthenticationProvider;

/**
 * Sign-in against the force's directory (LDAP or Active Directory): the directory checks the
 * password and names the groups, ArmsTrace turns the groups into roles and keeps a local
 * {@code :User} record (marked as from the directory, without a password) so that preferences,
 * audit names and work assignment go on working. Roles are refreshed at every sign-in; an
 * administrator can still disable the account here.
 *
 * <p>Deliberately not an {@link AuthenticationProvider} bean itself: Spring Security uses the one
 * provider bean it finds, and a second would silently replace the throttled one. It is combined
 * with the local accounts by {@link #withLocalAccounts} inside {@code SecurityConfiguration}'s
 * throttled provider.
 */
final class DirectorySignIn {

    /** Directory names must fit the same pattern as local ones: they are keys in the graph and the audit trail. */
    private static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,63}";

    private final AbstractLdapAuthenticationProvider directory;
    private final DirectorySettings settings;
    private final UserAccountService users;

    DirectorySignIn(DirectorySettings settings, UserAccountService users) {
        this.directory = DirectoryProviders.of(settings);
        this.settings = settings;
        this.users = users;
    }

    /** Refused: the directory knows the user, but no configured group gives them an ArmsTrace role. */
    static final class NoMappedGroup extends DisabledException {
        NoMappedGroup(String name) {
            super("No directory group of '" + name + "' is mapped to an ArmsTrace role");
        }
    }

    /**
     * Local accounts first, decided by name: a name that belongs to a local account is checked
     * against its local password only; every other name goes to the directory. Why this order:
     * the break-glass administrator must sign in at once when the directory is down or slow (no
     * wait for a directory timeout first), and a directory entry that happens to share a local
     * account's name ({@code admin}) can never sign in as that account.
     */
    AuthenticationProvider withLocalAccounts(AuthenticationProvider local) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                return users.credentials(attempt.getName()).isPresent() ? local.authenticate(attempt)
                        : DirectorySignIn.this.authenticate(attempt);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return local.supports(authentication);
            }
        };
    }

    Authentication authenticate(Authentication attempt) {
        String name = username(attempt.getName());
        if (!name.matches(USERNAME)) {
            throw new BadCredentialsException("Not a valid user name");
        }
        var request = UsernamePasswordAuthenticationToken.unauthenticated(name, attempt.getCredentials());
        request.setDetails(attempt.getDetails());
        var entry = (DirectoryProviders.DirectoryEntry) directory.authenticate(request).getPrincipal();
        Set<Role> roles = settings.rolesFor(entry.groups());
        if (roles.isEmpty()) {
            // Left every mapped group: the local record loses its roles too (no more work assigned to it).
            users.directoryRolesRevoked(name);
            throw new NoMappedGroup(name);
        }
        UserAccount account = users.signedInFromDirectory(name, entry.displayName(), roles)
                .orElseThrow(() -> new BadCredentialsException("A local account holds this name"));
        if (!account.enabled()) {
            throw new DisabledException("Disabled in ArmsTrace");
        }
        var authorities = roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        // No password in the principal: there is none here, the directory has it.
        var principal = User.withUsername(name).password("").authorities(authorities).build();
        var result = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        result.setDetails(attempt.getDetails());
        return result;
    }

    /**
     * Lower case, and an AD user who types {@code name@domain} is the same person as {@code name}:
     * one account, so one lockout counter whichever way the name is typed.
     */
    String username(String typed) {
        String name = UserAccountService.normalise(typed);
        if (settings.activeDirectory()) {
            String suffix = "@" + settings.activeDirectoryDomain().strip().toLowerCase(Locale.ROOT);
            if (name.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
