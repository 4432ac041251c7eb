package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.ResourcePropertySource;

class DirectorySettingsTest {

    private static DirectorySettings ldap(String url, Map<String, String> roles) {
        return new DirectorySettings(true, url, "dc=police,dc=example", "uid={0},ou=people", null, null, "ou=groups",
                "(member={0})", null, null, null, roles, Duration.ofSeconds(5));
    }

    @Test
    void group_names_are_compared_as_distinguished_names_and_one_group_may_give_several_roles() {
        var settings = ldap("ldap://dc1", Map.of(
                "ANALYST", "cn=ffp-analysts,ou=groups,dc=police,dc=example; cn=ffp-leads,ou=groups,dc=police,dc=example",
                "supervisor", "CN=FFP-Leads, OU=Groups, DC=Police, DC=Example",
                // the key as it arrives from ARMSTRACE_DIRECTORY_ROLES_FIELD_OFFICER
                "field.officer", "cn=patrol,ou=groups,dc=police,dc=example"));
        settings.check();

        assertThat(settings.rolesFor(List.of("cn=ffp-leads,ou=groups,dc=police,dc=example", "not a dn", "canteen")))
                .containsExactlyInAnyOrder(Role.ANALYST, Role.SUPERVISOR);
        assertThat(settings.rolesFor(List.of("cn=patrol,ou=groups,dc=police,dc=example"))).containsExactly(Role.FIELD_OFFICER);
        assertThat(settings.rolesFor(List.of("cn=canteen,ou=groups,dc=police,dc=example"))).isEmpty();
    }

    @Test
    void a_configuration_that_cannot_work_stops_the_start() {
        Map<String, String> analysts = Map.of("ANALYST", "cn=a,dc=x");
        assertThatThrownBy(() -> ldap("http://dc1", analysts).check()).hasMessageContaining("ldap:// or ldaps://");
        assertThatThrownBy(() -> ldap("ldaps://dc1", Map.of()).check()).hasMessageContaining("at least one group");
        assertThatThrownBy(() -> ldap("ldaps://dc1", Map.of("CHIEF", "cn=a,dc=x")).check()).hasMessageContaining("no such role");
        assertThatThrownBy(() -> ldap("ldaps://dc1", Map.of("PARTNER", "cn=a,dc=x")).check())
                .hasMessageContaining("only desk roles");
        assertThatThrownBy(() -> ldap("ldaps://dc1", Map.of("ANALYST", "analysts")).check()).hasMessageContaining("not a DN");
        assertThatThrownBy(() -> new DirectorySettings(true, "ldap://dc1", "dc=x", null, null, null, "", "(member={0})",
                null, null, null, analysts, Duration.ofSeconds(5)).check()).hasMessageContaining("user-search-filter");
    }

    @Test
    void an_active_directory_domain_builds_the_active_directory_provider() {
        var settings = new DirectorySettings(true, "ldaps://dc1.police.example", "", null, null, null, null, null,
                null, null, "police.example", Map.of("ANALYST", "CN=FFP Analysts,OU=Groups,DC=police,DC=example"),
                Duration.ofSeconds(5));

        assertThat(DirectoryProviders.of(settings))
                .isInstanceOf(org.springframework.security.ldap.authentication.ad.ActiveDirectoryLdapAuthenticationProvider.class);
    }

    @Test
    void the_settings_bind_from_properties_without_splitting_a_dn_at_its_commas() throws Exception {
        var environment = new StandardEnvironment();
        // application.properties as shipped, with the environment variables of an installation on top.
        environment.getPropertySources().addLast(new ResourcePropertySource("classpath:application.properties"));
        environment.getPropertySources().addFirst(new MapPropertySource("installation", Map.of(
                "ARMSTRACE_DIRECTORY_ENABLED", "true",
                "ARMSTRACE_DIRECTORY_URL", "ldaps://dc1.police.example ldaps://dc2.police.example",
                "ARMSTRACE_DIRECTORY_USER_DN_PATTERN", "uid={0},ou=people",
                "ARMSTRACE_DIRECTORY_ROLES_FIELD_OFFICER", "cn=patrol,ou=groups,dc=police,dc=example;cn=k9,ou=groups,dc=police,dc=example")));

        DirectorySettings settings = Binder.get(environment).bind("armstrace.directory", DirectorySettings.class).get();

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.urls()).containsExactly("ldaps://dc1.police.example", "ldaps://dc2.police.example");
        assertThat(settings.userDnPattern()).isEqualTo("uid={0},ou=people");
        assertThat(settings.groupSearchFilter()).isEqualTo("(member={0})");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.rolesFor(List.of("cn=k9,ou=groups,dc=police,dc=example"))).containsExactly(Role.FIELD_OFFICER);
        settings.check();
    }
}
