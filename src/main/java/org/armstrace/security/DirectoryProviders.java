package org.armstrace.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.SpringSecurityLdapTemplate;
import org.springframework.security.ldap.authentication.AbstractLdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.ad.ActiveDirectoryLdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.DefaultLdapAuthoritiesPopulator;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;

/**
 * Builds Spring Security's LDAP or Active Directory provider from {@link DirectorySettings}. Either
 * way the result's principal is a {@link DirectoryEntry} carrying the user's groups as full DNs,
 * so that one mapping ({@link DirectorySettings#rolesFor}) serves both.
 */
final class DirectoryProviders {

    private DirectoryProviders() {
    }

    /** The user's entry as the directory describes it: its display name and its groups' DNs. */
    record DirectoryEntry(String username, String displayName, Set<String> groups) implements UserDetails {

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return List.of(); // roles are ArmsTrace's to give, from the groups (DirectorySignIn)
        }

        @Override
        public String getPassword() {
            return null;
        }

        @Override
        public String getUsername() {
            return username;
        }
    }

    static AbstractLdapAuthenticationProvider of(DirectorySettings settings) {
        settings.check();
        AbstractLdapAuthenticationProvider provider = settings.activeDirectory() ? activeDirectory(settings) : ldap(settings);
        provider.setUserDetailsContextMapper(new EntryMapper());
        return provider;
    }

    private static LdapAuthenticationProvider ldap(DirectorySettings settings) {
        var source = new DefaultSpringSecurityContextSource(settings.urls(), blankAsEmpty(settings.base()));
        if (settings.managerDn() != null && !settings.managerDn().isBlank()) {
            source.setUserDn(settings.managerDn());
            source.setPassword(settings.managerPassword());
        }
        source.setBaseEnvironmentProperties(timeouts(settings));
        source.afterPropertiesSet();

        var bind = new BindAuthenticator(source);
        if (settings.userDnPattern() != null && !settings.userDnPattern().isBlank()) {
            bind.setUserDnPatterns(new String[] {settings.userDnPattern()});
        } else {
            bind.setUserSearch(new FilterBasedLdapUserSearch(blankAsEmpty(settings.userSearchBase()),
                    settings.userSearchFilter(), source));
        }
        bind.afterPropertiesSet();

        var groups = new DefaultLdapAuthoritiesPopulator(source, blankAsEmpty(settings.groupSearchBase()));
        groups.setGroupSearchFilter(settings.groupSearchFilter());
        groups.setSearchSubtree(true);
        groups.setIgnorePartialResultException(true);
        // The group's DN, not its cn: two groups named "analysts" in different OUs are different groups.
        groups.setAuthorityMapper(record -> new SimpleGrantedAuthority(
                record.get(SpringSecurityLdapTemplate.DN_KEY).getFirst()));
        return new LdapAuthenticationProvider(bind, groups);
    }

    private static ActiveDirectoryLdapAuthenticationProvider activeDirectory(DirectorySettings settings) {
        String rootDn = settings.base() == null || settings.base().isBlank() ? null : settings.base();
        var provider = new ActiveDirectoryLdapAuthenticationProvider(settings.activeDirectoryDomain().strip(),
                String.join(" ", settings.urls()), rootDn);
        if (settings.userSearchFilter() != null && !settings.userSearchFilter().isBlank()) {
            provider.setSearchFilter(settings.userSearchFilter());
        }
        // A disabled, locked or expired AD account is refused as such (not as a wrong password).
        provider.setConvertSubErrorCodesToExceptions(true);
        provider.setContextEnvironmentProperties(Map.copyOf(timeouts(settings)));
        return provider;
    }

    private static Map<String, Object> timeouts(DirectorySettings settings) {
        String millis = Long.toString(settings.timeout().toMillis());
        return Map.of("com.sun.jndi.ldap.connect.timeout", millis, "com.sun.jndi.ldap.read.timeout", millis);
    }

    private static String blankAsEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    /**
     * Collects the groups from both places a directory may name them: the group search (LDAP; the
     * authorities carry the DNs) and the user's own {@code memberOf} (AD, or OpenLDAP's overlay).
     */
    private static final class EntryMapper implements UserDetailsContextMapper {

        @Override
        public UserDetails mapUserFromContext(DirContextOperations ctx, String username,
                                              Collection<? extends GrantedAuthority> authorities) {
            Set<String> groups = new LinkedHashSet<>();
            authorities.forEach(a -> groups.add(a.getAuthority()));
            String[] memberOf = ctx.getStringAttributes("memberOf");
            if (memberOf != null) {
                groups.addAll(List.of(memberOf));
            }
            String displayName = ctx.getStringAttribute("displayName");
            if (displayName == null || displayName.isBlank()) {
                displayName = ctx.getStringAttribute("cn");
            }
            return new DirectoryEntry(username, displayName == null ? "" : displayName.strip(), Set.copyOf(groups));
        }

        @Override
        public void mapUserToContext(UserDetails user, DirContextAdapter ctx) {
            throw new UnsupportedOperationException("ArmsTrace never writes to the directory");
        }
    }
}
