package org.armstrace.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the police force's directory is and how its groups become ArmsTrace roles
 * ({@code armstrace.directory.*}; the README's "Directory sign-in" lists them with examples).
 *
 * @param url                   {@code ldap://} or {@code ldaps://} URL; several, separated by spaces, are tried in turn
 * @param base                  the base DN every other DN below is relative to (LDAP); the search root (AD)
 * @param userDnPattern         e.g. {@code uid={0},ou=people}: bind directly, no search (LDAP)
 * @param userSearchBase        where to search for the user when there is no pattern (LDAP)
 * @param userSearchFilter      e.g. {@code (uid={0})} (LDAP); with AD it replaces the provider's own filter
 * @param groupSearchBase       where the groups are (LDAP)
 * @param groupSearchFilter     {@code {0}} is the user's full DN, {@code {1}} the user name (LDAP)
 * @param managerDn             the account that searches (LDAP); blank means anonymous search
 * @param activeDirectoryDomain switches to Active Directory: users bind as {@code name@domain}, groups from {@code memberOf}
 * @param roles                 role name to group DNs, several separated by {@code ;} (a DN has commas, never a bare {@code ;})
 * @param timeout               connect and read timeout: a directory that hangs must not hang the login form
 */
@ConfigurationProperties("armstrace.directory")
record DirectorySettings(
        boolean enabled,
        String url,
        String base,
        String userDnPattern,
        String userSearchBase,
        String userSearchFilter,
        String groupSearchBase,
        @DefaultValue("(member={0})") String groupSearchFilter,
        String managerDn,
        String managerPassword,
        String activeDirectoryDomain,
        Map<String, String> roles,
        @DefaultValue("5s") Duration timeout) {

    DirectorySettings {
        roles = roles == null ? Map.of() : Map.copyOf(roles);
    }

    boolean activeDirectory() {
        return present(activeDirectoryDomain);
    }

    List<String> urls() {
        return Arrays.stream(url.strip().split("\\s+")).toList();
    }

    /**
     * The roles that the given groups (full DNs, as the directory returns them) carry. DNs are
     * compared as names, not strings: {@code CN=FFP-Analysts, OU=Groups} and
     * {@code cn=ffp-analysts,ou=groups} are the same group. Values that are no DN are ignored.
     */
    Set<Role> rolesFor(Collection<String> groups) {
        Map<LdapName, Set<Role>> byGroup = groupRoles();
        Set<Role> granted = EnumSet.noneOf(Role.class);
        for (String group : groups) {
            dn(group).map(byGroup::get).ifPresent(granted::addAll);
        }
        return granted;
    }

    /**
     * Refuses a configuration that cannot work, at start-up rather than at the first sign-in. Only
     * the desk roles can come from a directory: API-only roles belong to API tokens.
     */
    void check() {
        require(present(url) && urls().stream().allMatch(u -> u.startsWith("ldap://") || u.startsWith("ldaps://")),
                "armstrace.directory.url must be one or more ldap:// or ldaps:// URLs");
        if (!activeDirectory()) {
            require(present(userDnPattern) || present(userSearchFilter),
                    "armstrace.directory needs user-dn-pattern or user-search-filter");
            require(groupSearchBase != null, "armstrace.directory.group-search-base must be set (blank: the base)");
            require(present(managerDn) == present(managerPassword),
                    "armstrace.directory.manager-dn and manager-password go together");
        }
        require(!groupRoles().isEmpty(),
                "armstrace.directory.roles.<ROLE> must map at least one group, or nobody can sign in");
    }

    private Map<LdapName, Set<Role>> groupRoles() {
        Map<LdapName, Set<Role>> byGroup = new HashMap<>();
        roles.forEach((roleName, groups) -> {
            Role role = role(roleName);
            for (String group : groups.split(";")) {
                if (group.isBlank()) {
                    continue;
                }
                LdapName dn = dn(group).orElseThrow(() -> new IllegalStateException(
                        "armstrace.directory.roles." + roleName + ": '" + group.strip() + "' is not a DN"));
                byGroup.computeIfAbsent(dn, d -> EnumSet.noneOf(Role.class)).add(role);
            }
        });
        return byGroup;
    }

    private static Role role(String name) {
        Role role;
        try {
            // An environment variable's key arrives as field.officer (ARMSTRACE_DIRECTORY_ROLES_FIELD_OFFICER).
            role = Role.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("armstrace.directory.roles." + name + ": no such role", e);
        }
        require(Set.of(Role.STAFF).contains(role.name()),
                "armstrace.directory.roles." + name + ": only desk roles can come from the directory");
        return role;
    }

    private static Optional<LdapName> dn(String value) {
        try {
            LdapName name = new LdapName(value.strip());
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (InvalidNameException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
