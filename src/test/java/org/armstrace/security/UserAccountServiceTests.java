package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.armstrace.Actors;
import org.armstrace.ArmsTraceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.test.context.support.WithMockUser;

@ArmsTraceTest
class UserAccountServiceTests {

    @Autowired
    UserAccountService users;
    @Autowired
    ThrottledAuthenticationProvider signIn;
    @Autowired
    AuditLog audit;

    private static String uniqueName() {
        return "u" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Authentication attempt(String name, String password) {
        return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password));
    }

    @Test
    void the_first_administrator_from_the_environment_can_sign_in_and_need_not_change_the_password() {
        Authentication auth = attempt("ADMIN", "Kosovo-FFP-2026-pw!");

        assertThat(auth.getName()).isEqualTo("admin");
        assertThat(auth.getAuthorities()).extracting(Object::toString).contains("ROLE_ADMIN");
        assertThat(users.find("admin")).get().extracting(UserAccount::mustChangePassword).isEqualTo(false);
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void a_created_account_gets_a_one_time_password_that_must_be_replaced_and_the_creation_is_audited() {
        String name = uniqueName();

        String oneTime = users.create(" " + name.toUpperCase() + " ", "Arta Gashi", EnumSet.of(Role.ANALYST));

        UserAccount account = users.find(name).orElseThrow();
        assertThat(account).usingRecursiveComparison().ignoringFields("createdAt", "oneTimePasswordExpiresAt").isEqualTo(
                new UserAccount(name, "Arta Gashi", EnumSet.of(Role.ANALYST), true, Locale.ENGLISH, true, null, null));
        assertThat(attempt(name, oneTime).isAuthenticated()).isTrue();
        assertThat(audit.page(0, 20, "admin", "user.created")).anySatisfy(e -> {
            assertThat(e.entities()).containsExactly("User:" + name);
            assertThat(e.details()).isEqualTo("roles=[ANALYST]");
        });
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void a_taken_or_malformed_user_name_and_an_account_without_roles_are_refused() {
        String name = uniqueName();
        users.create(name, "", EnumSet.of(Role.INTAKE));

        assertThatThrownBy(() -> users.create(name, "", EnumSet.of(Role.INTAKE))).hasMessage("users.error.exists");
        assertThatThrownBy(() -> users.create("x y", "", EnumSet.of(Role.INTAKE))).hasMessage("users.error.username-format");
        assertThatThrownBy(() -> users.create(uniqueName(), "", EnumSet.noneOf(Role.class))).hasMessage("users.error.no-role");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void the_last_active_administrator_cannot_be_disabled_or_demoted() {
        assertThatThrownBy(() -> users.update("admin", "Administrator", EnumSet.of(Role.ADMIN), false))
                .isInstanceOf(UserAccountException.class);
        assertThatThrownBy(() -> users.update("admin", "Administrator", EnumSet.of(Role.ANALYST), true))
                .isInstanceOf(UserAccountException.class);
        assertThat(users.find("admin").orElseThrow().enabled()).isTrue();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void a_disabled_account_cannot_sign_in_and_is_told_only_that_the_credentials_are_wrong() {
        String name = uniqueName();
        String oneTime = users.create(name, "", EnumSet.of(Role.FIELD_OFFICER));
        users.update(name, "", EnumSet.of(Role.FIELD_OFFICER), false);

        assertThatThrownBy(() -> attempt(name, oneTime)).isExactlyInstanceOf(BadCredentialsException.class);
    }

    @Test
    @WithMockUser(username = "someone", roles = "ANALYST")
    void only_administrators_may_manage_accounts_even_when_calling_the_service_directly() {
        assertThatThrownBy(() -> users.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.create(uniqueName(), "", EnumSet.of(Role.ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.verify()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void after_five_wrong_passwords_even_the_right_one_is_refused_for_a_while() {
        String name = "throttle-" + uniqueName();
        for (int i = 0; i < 5; i++) { // armstrace.security.lockout.attempts
            assertThatThrownBy(() -> attempt(name, "wrong")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> attempt(name, "anything")).isInstanceOf(LockedException.class);
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void changing_a_password_requires_the_current_one_and_clears_the_change_requirement() {
        String name = uniqueName();
        String oneTime = Actors.admin(() -> users.create(name, "", EnumSet.of(Role.ANALYST)));
        Authentication me = attempt(name, oneTime);
        SecurityContextHolder.setContext(
                new SecurityContextImpl(me));
        try {
            assertThatThrownBy(() -> users.changeOwnPassword("not-it", "a brand new secret")).hasMessage("password.current-wrong");
            assertThatThrownBy(() -> users.changeOwnPassword(oneTime, "short")).hasMessage("password.too-short");

            users.changeOwnPassword(oneTime, "a brand new secret");

            assertThat(users.currentUser().orElseThrow().mustChangePassword()).isFalse();
            assertThatThrownBy(() -> attempt(name, oneTime)).isInstanceOf(BadCredentialsException.class);
            assertThat(attempt(name, "a brand new secret").isAuthenticated()).isTrue();
            users.setOwnLocale(Locale.forLanguageTag("sq"));
            assertThat(users.currentUser().orElseThrow().locale()).isEqualTo(Locale.forLanguageTag("sq"));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void enabled_analysts_are_the_enabled_accounts_with_the_analyst_role_and_no_one_else() {
        String analyst = uniqueName();
        String disabled = uniqueName();
        String supervisor = uniqueName();
        users.create(analyst, "", EnumSet.of(Role.ANALYST));
        users.create(disabled, "", EnumSet.of(Role.ANALYST, Role.INTAKE));
        users.update(disabled, "", EnumSet.of(Role.ANALYST, Role.INTAKE), false);
        users.create(supervisor, "", EnumSet.of(Role.SUPERVISOR));

        assertThat(users.enabledAnalysts()).contains(analyst).doesNotContain(disabled, supervisor)
                .isSorted();
        assertThat(users.isEnabledAnalyst(analyst)).isTrue();
        assertThat(users.isEnabledAnalyst(disabled)).isFalse();
        assertThat(users.isEnabledAnalyst(supervisor)).isFalse();
        assertThat(users.isEnabledAnalyst("nobody-" + analyst)).isFalse();
        assertThat(users.isEnabledAnalyst(null)).isFalse();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void a_notification_goes_to_the_enabled_users_named_or_when_none_is_to_every_enabled_analyst() {
        String analyst = uniqueName();
        String supervisor = uniqueName();
        String disabled = uniqueName();
        users.create(analyst, "", EnumSet.of(Role.ANALYST));
        users.create(supervisor, "", EnumSet.of(Role.SUPERVISOR));
        users.create(disabled, "", EnumSet.of(Role.ANALYST));
        users.update(disabled, "", EnumSet.of(Role.ANALYST), false);

        assertThat(users.notifiable(List.of(supervisor, disabled, "nobody-" + analyst))).containsExactly(supervisor);
        assertThat(users.notifiable(List.of(disabled))).isEqualTo(users.enabledAnalysts()).contains(analyst)
                .doesNotContain(disabled, supervisor);
        assertThat(users.notifiable(List.of())).isEqualTo(users.enabledAnalysts());
    }
}
