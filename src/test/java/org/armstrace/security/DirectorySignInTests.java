package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFReader;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Directory sign-in against a real LDAP server (UnboundID, in this JVM, on a free loopback port)
 * loaded from {@code directory/police.ldif}. The provider is built by the production bean methods
 * ({@link DirectoryConfiguration}, then {@link SecurityConfiguration}'s throttled provider) on the
 * shared context's services, so no second Spring context is started.
 */
@ArmsTraceTest
class DirectorySignInTests {

    private static final String BASE = "dc=police,dc=example";
    private static final String ANALYSTS = "cn=ffp-analysts,ou=groups," + BASE;
    private static final String SUPERVISORS = "cn=ffp-supervisors,ou=groups," + BASE;
    private static final String LEADS = "cn=ffp-leads,ou=groups," + BASE;
    private static final String CANTEEN = "cn=canteen,ou=groups," + BASE;

    private static InMemoryDirectoryServer directory;

    @Autowired
    UserAccountService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    AuditLog audit;
    @Autowired
    ThrottledAuthenticationProvider localOnly;
    @Autowired
    SignInLockout lockout;
    @Autowired
    RefusedSignIns refusals;

    private AuthenticationProvider signIn;

    @BeforeAll
    static void start_the_directory() throws Exception {
        var config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials("cn=manager," + BASE, "manager-pw-1");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("loopback",
                InetAddress.getLoopbackAddress(), 0, null));
        directory = new InMemoryDirectoryServer(config);
        try (var ldif = new LDIFReader(DirectorySignInTests.class.getResourceAsStream("/directory/police.ldif"))) {
            directory.importFromLDIF(true, ldif);
        }
        directory.startListening();
    }

    @AfterAll
    static void stop_the_directory() {
        directory.shutDown(true);
    }

    static DirectorySettings settings() {
        return new DirectorySettings(true, "ldap://127.0.0.1:" + directory.getListenPort(), BASE, null,
                "ou=people", "(uid={0})", "ou=groups", "(member={0})", "cn=manager," + BASE, "manager-pw-1", null,
                // Written differently from what the directory returns: DNs are compared as names.
                Map.of("ANALYST", ANALYSTS + ";" + LEADS,
                        "SUPERVISOR", "CN=FFP-Supervisors, OU=Groups, DC=police, DC=example ; " + LEADS),
                Duration.ofSeconds(5));
    }

    @BeforeEach
    void wire_the_sign_in_as_production_does() {
        var directorySignIn = new DirectoryConfiguration().directorySignIn(settings(), users);
        signIn = new SecurityConfiguration().authenticationProvider(userDetails, encoder,
                lockout, refusals, users, audit, Optional.of(directorySignIn));
    }

    private Authentication attempt(String name, String password) {
        return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password));
    }

    private static Set<String> roles(Authentication auth) {
        return Set.copyOf(auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    private static void setMembers(String group, String... uids) throws Exception {
        String[] dns = java.util.Arrays.stream(uids).map(u -> "uid=" + u + ",ou=people," + BASE).toArray(String[]::new);
        directory.modify(group, new Modification(ModificationType.REPLACE, "member", dns));
    }

    @Test
    void an_analyst_signs_in_with_the_directory_password_and_gets_the_mapped_role_and_a_local_record() {
        Authentication auth = attempt("Dir.Analyst", "analyst-pw-1");

        assertThat(auth.getName()).isEqualTo("dir.analyst");
        assertThat(roles(auth)).containsExactly("ROLE_ANALYST"); // canteen adds nothing
        assertThat(users.find("dir.analyst")).get().usingRecursiveComparison().ignoringFields("createdAt")
                .isEqualTo(new UserAccount("dir.analyst", "Arta Krasniqi", EnumSet.of(Role.ANALYST), true,
                        Locale.ENGLISH, false, null, null, true, null));
        assertThat(Actors.supervisor(() -> users.enabledAnalysts())).contains("dir.analyst");
        assertThat(Actors.admin(() -> audit.page(0, 20, "dir.analyst", "login.succeeded"))).isNotEmpty();
    }

    @Test
    void a_group_mapped_to_two_roles_gives_both_and_group_names_match_whatever_their_case() {
        assertThat(roles(attempt("dir.lead", "lead-pw-1"))).containsExactlyInAnyOrder("ROLE_ANALYST", "ROLE_SUPERVISOR");
        assertThat(roles(attempt("dir.supervisor", "supervisor-pw-1"))).containsExactly("ROLE_SUPERVISOR");
        assertThat(users.find("dir.supervisor")).get().extracting(UserAccount::displayName).isEqualTo("Dragan Petrovic");
    }

    @Test
    void a_wrong_directory_password_is_refused_and_audited() {
        assertThatThrownBy(() -> attempt("dir.analyst", "not-the-password")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> attempt("nobody.here", "whatever-1")).isInstanceOf(BadCredentialsException.class);

        // Refusals are written in bulk (RefusedSignIns): one event per address and minute, naming them.
        refusals.flush();
        assertThat(Actors.admin(() -> audit.page(0, 20, "", "login.refused"))).extracting(AuditEvent::entities)
                .anySatisfy(entities -> assertThat(entities).contains("User:nobody.here"));
    }

    @Test
    void a_directory_user_is_told_of_their_previous_sign_in_not_of_this_one() {
        attempt("dir.lead", "lead-pw-1");
        Instant between = Instant.now();
        Authentication now = attempt("dir.lead", "lead-pw-1");

        SecurityContextHolder.setContext(new SecurityContextImpl(now));
        try {
            assertThat(users.previousSignIn()).get().extracting(SignIn::at).matches(at -> at.isBefore(between));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void a_directory_user_in_no_mapped_group_is_refused_and_gets_no_local_record() {
        assertThatThrownBy(() -> attempt("dir.nogroup", "nogroup-pw-1"))
                .isInstanceOf(DirectorySignIn.NoMappedGroup.class);

        assertThat(users.find("dir.nogroup")).isEmpty();
    }

    @Test
    void roles_follow_the_group_membership_in_the_directory_at_every_sign_in() throws Exception {
        assertThat(roles(attempt("dir.mover", "mover-pw-1"))).containsExactly("ROLE_ANALYST");
        try {
            setMembers(ANALYSTS, "dir.analyst", "dir.leaver", "dir.guessed", "admin");
            setMembers(SUPERVISORS, "dir.supervisor", "dir.mover");

            assertThat(roles(attempt("dir.mover", "mover-pw-1"))).containsExactly("ROLE_SUPERVISOR");
            assertThat(users.find("dir.mover")).get().extracting(UserAccount::roles).isEqualTo(Set.of(Role.SUPERVISOR));
            assertThat(Actors.supervisor(() -> users.isEnabledAnalyst("dir.mover"))).isFalse();

            setMembers(SUPERVISORS, "dir.supervisor");
            setMembers(CANTEEN, "dir.nogroup", "dir.mover");
            assertThatThrownBy(() -> attempt("dir.mover", "mover-pw-1")).isInstanceOf(DisabledException.class);
            assertThat(users.find("dir.mover")).get().extracting(UserAccount::roles).isEqualTo(Set.of());
            assertThat(Actors.admin(() -> audit.page(0, 20, "dir.mover", "user.directory-roles"))).extracting(AuditEvent::details)
                    .contains("roles [ANALYST] -> [SUPERVISOR]", "roles [SUPERVISOR] -> []");
        } finally {
            setMembers(ANALYSTS, "dir.analyst", "dir.mover", "dir.leaver", "dir.guessed", "admin");
            setMembers(SUPERVISORS, "dir.supervisor");
            setMembers(CANTEEN, "dir.nogroup", "dir.analyst");
        }
    }

    @Test
    void a_local_account_still_signs_in_and_its_name_is_never_taken_by_the_directory() {
        assertThat(roles(attempt("admin", "Kosovo-FFP-2026-pw!"))).contains("ROLE_ADMIN");

        assertThatThrownBy(() -> attempt("admin", "directory-admin-pw-1")).isInstanceOf(BadCredentialsException.class);
        assertThat(users.find("admin")).get().extracting(UserAccount::fromDirectory).isEqualTo(false);
    }

    @Test
    void a_directory_user_disabled_locally_is_refused() {
        attempt("dir.leaver", "leaver-pw-1");
        Actors.admin(() -> users.update("dir.leaver", "Luan Gashi", Set.of(Role.ANALYST), false));

        // The answer of a wrong password: a disabled account is not told apart.
        assertThatThrownBy(() -> attempt("dir.leaver", "leaver-pw-1")).isExactlyInstanceOf(BadCredentialsException.class);
        assertThat(users.find("dir.leaver")).get().extracting(UserAccount::enabled).isEqualTo(false);
    }

    @Test
    void failed_directory_sign_ins_are_throttled_like_local_ones() {
        for (int i = 0; i < lockout.attempts(); i++) {
            assertThatThrownBy(() -> attempt("dir.guessed", "guess")).isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> attempt("dir.guessed", "guessed-pw-1")).isInstanceOf(LockedException.class);
    }

    /**
     * The in-memory directory cannot take an AD bind ({@code name@domain} is no DN), so the guesses
     * go to the local accounts, behind the lockout keyed the way production keys it with AD on.
     */
    @Test
    void an_active_directory_name_typed_with_and_without_its_domain_counts_against_one_lockout() {
        var activeDirectory = new DirectorySettings(true, "ldap://127.0.0.1:" + directory.getListenPort(), BASE, null,
                null, null, null, "(member={0})", null, null, "police.example", Map.of("ANALYST", ANALYSTS),
                Duration.ofSeconds(5));
        var accounts = new DaoAuthenticationProvider(userDetails);
        accounts.setPasswordEncoder(encoder);
        var adSignIn = new ThrottledAuthenticationProvider(accounts, lockout, refusals, users, audit,
                new DirectoryConfiguration().directorySignIn(activeDirectory, users)::username);
        for (int i = 0; i < lockout.attempts(); i++) {
            String typed = i % 2 == 0 ? "ad.guessed" : "AD.Guessed@police.example";
            assertThatThrownBy(() -> adSignIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(typed, "guess")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> adSignIn.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("ad.guessed@POLICE.example", "guess")))
                .isInstanceOf(LockedException.class);
    }

    @Test
    void a_directory_user_has_no_local_password_to_reset_or_to_sign_in_with() {
        attempt("dir.analyst", "analyst-pw-1");

        assertThatThrownBy(() -> Actors.admin(() -> users.resetPassword("dir.analyst")))
                .hasMessage("users.error.directory-password");
        assertThatThrownBy(() -> Actors.analyst("dir.analyst", () -> {
            users.changeOwnPassword("analyst-pw-1", "a-new-local-password-1");
            return null;
        })).hasMessage("users.error.directory-password");
        // With the directory switched off (the shared context), the record is no local account.
        assertThatThrownBy(() -> localOnly.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("dir.analyst", "analyst-pw-1")))
                .isInstanceOf(BadCredentialsException.class);
    }

    /**
     * The switch itself. A tiny context of DirectoryConfiguration alone (milliseconds, not another
     * application context), on the shared context's real UserAccountService.
     */
    @Test
    void the_directory_is_wired_only_when_switched_on() {
        var runner = new ApplicationContextRunner().withBean(UserAccountService.class, () -> users)
                .withUserConfiguration(DirectoryConfiguration.class);
        String port = Integer.toString(directory.getListenPort());

        runner.run(context -> assertThat(context).doesNotHaveBean(DirectorySignIn.class));
        runner.withPropertyValues("armstrace.directory.enabled=true", "armstrace.directory.url=ldap://127.0.0.1:" + port,
                "armstrace.directory.base=" + BASE, "armstrace.directory.user-dn-pattern=uid={0},ou=people",
                "armstrace.directory.group-search-base=ou=groups", "armstrace.directory.roles.ANALYST=" + ANALYSTS)
                .run(context -> {
                    var signIn = context.getBean(DirectorySignIn.class);
                    Authentication auth = signIn.authenticate(
                            UsernamePasswordAuthenticationToken.unauthenticated("dir.analyst", "analyst-pw-1"));
                    assertThat(roles(auth)).containsExactly("ROLE_ANALYST");
                });
        runner.withPropertyValues("armstrace.directory.enabled=true", "armstrace.directory.url=http://nowhere")
                .run(context -> assertThat(context).hasFailed());
    }
}
