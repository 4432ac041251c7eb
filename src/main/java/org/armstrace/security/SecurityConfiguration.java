package org.armstrace.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.armstrace.security.ui.LoginView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * Vaadin's filter chain for the UI (the stateless API chain is {@code api.ApiSecurityConfiguration}).
 * Authorisation is enforced again on the services (method security), not only on views.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity // @PreAuthorize on services; views keep @RolesAllowed for Vaadin only (no proxies on components)
@EnableScheduling // the lockout clean-up, the refusal flush and the session lifetime sweep
class SecurityConfiguration {

    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain uiSecurity(HttpSecurity http, SecurityHeaders headers, SessionRegistry sessionRegistry,
                                   SignedInSessions sessions) throws Exception {
        // A disabled account, an expired one-time password and a wrong password all get the one
        // generic message (the provider turns them into BadCredentialsException); only a lockout is
        // told apart, and it is told whatever the password, so it reveals nothing about it. A
        // directory user in no mapped group is told so: the password was right, nothing to guess.
        var failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?error=throttled",
                DirectorySignIn.NoMappedGroup.class.getName(), "/login?error=no-role"));
        failures.setDefaultFailureUrl("/login?error");
        // The login page is named here, not only by Vaadin's configurer below: Vaadin names it in its
        // init(), which runs after this configurer's own init, which has by then found no login page
        // and switched on Spring Security's generated one. That page, not LoginView, then answered
        // GET /login, so nothing of the application ran where a browser lands after its session ended.
        http.formLogin(f -> f.loginPage("/login").failureHandler(failures));
        http.headers(headers);
        // Unlimited sessions per user, but registered, so that they can be ended (SignedInSessions).
        http.sessionManagement(s -> s.addSessionAuthenticationStrategy(sessions.stampSignIn())
                .maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login"));
        http.addFilterBefore(sessions.lifetimeFilter(), ConcurrentSessionFilter.class);
        // The offline basemap's boundary files, which the map loads with the user's session.
        http.authorizeHttpRequests(a -> a.requestMatchers("/geo/**").authenticated());
        return http.with(VaadinSecurityConfigurer.vaadin(), v -> v.loginView(LoginView.class, "/login?logout"))
                .build();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when a servlet session ends or changes its id. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** Argon2id for new hashes; the {id} prefix lets a future algorithm take over without a reset. */
    @Bean
    PasswordEncoder passwordEncoder() {
        String id = "argon2";
        return new DelegatingPasswordEncoder(id, Map.of(id, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    @Bean
    UserDetailsService userDetailsService(UserAccountService users) {
        return username -> {
            var credentials = users.credentials(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
            UserAccount account = credentials.account();
            List<SimpleGrantedAuthority> authorities = account.roles().stream()
                    .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
            // An expired one-time password is checked after the password (credentialsExpired), so a
            // wrong guess and a right-but-expired one look the same to the caller.
            return User.withUsername(account.username()).password(credentials.passwordHash()).authorities(authorities)
                    .disabled(!account.enabled()).credentialsExpired(account.oneTimePasswordExpired(Instant.now()))
                    .build();
        };
    }

    /**
     * Password sign-in behind the lockout. A second provider (a directory) goes behind the same
     * lockout by wrapping it the same way: {@code new ThrottledAuthenticationProvider(ldap, ...)}.
     */
    @Bean
    ThrottledAuthenticationProvider authenticationProvider(UserDetailsService userDetails, PasswordEncoder encoder,
                                                           SignInLockout lockout, RefusedSignIns refusals,
                                                           UserAccountService users, AuditLog audit,
                                                           Optional<DirectorySignIn> directory) {
        var dao = new DaoAuthenticationProvider(userDetails);
        dao.setPasswordEncoder(encoder);
        // Account state only after the password hash was computed: a disabled account must not
        // answer faster (or differently) than a wrong password.
        dao.setPreAuthenticationChecks(user -> { });
        dao.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        // With a directory configured (DirectoryConfiguration), its users go through the same
        // lockout and audit: one wrapper around both, so that one attempt is counted once.
        return new ThrottledAuthenticationProvider(
                directory.<AuthenticationProvider>map(d -> d.withLocalAccounts(dao)).orElse(dao),
                lockout, refusals, users, audit,
                directory.<UnaryOperator<String>>map(d -> d::username).orElse(UserAccountService::normalise));
    }
}
