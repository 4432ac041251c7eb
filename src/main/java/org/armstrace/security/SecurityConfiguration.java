package org.armstrace.security;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.armstrace.security.ui.LoginView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * Vaadin's filter chain for the UI (the stateless API chain is {@code api.ApiSecurityConfiguration}).
 * Authorisation is enforced again on the services (method security), not only on views.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity // @PreAuthorize on services; views keep @RolesAllowed for Vaadin only (no proxies on components)
class SecurityConfiguration {

    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain uiSecurity(HttpSecurity http, SecurityHeaders headers) throws Exception {
        var failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setExceptionMappings(Map.of(
                LockedException.class.getName(), "/login?error=throttled",
                DisabledException.class.getName(), "/login?error=disabled",
                DirectorySignIn.NoMappedGroup.class.getName(), "/login?error=no-role"));
        failures.setDefaultFailureUrl("/login?error");
        http.formLogin(f -> f.failureHandler(failures));
        http.headers(headers);
        // The offline basemap's boundary files, which the map loads with the user's session.
        http.authorizeHttpRequests(a -> a.requestMatchers("/geo/**").authenticated());
        return http.with(VaadinSecurityConfigurer.vaadin(), v -> v.loginView(LoginView.class, "/login?logout"))
                .build();
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
            return User.withUsername(account.username()).password(credentials.passwordHash()).authorities(authorities)
                    .disabled(!account.enabled()).build();
        };
    }

    @Bean
    LoginThrottle loginThrottle() {
        return new LoginThrottle(Clock.systemUTC());
    }

    @Bean
    ThrottledAuthenticationProvider authenticationProvider(UserDetailsService userDetails, PasswordEncoder encoder,
                                                           LoginThrottle throttle, AuditLog audit,
                                                           Optional<DirectorySignIn> directory) {
        var dao = new DaoAuthenticationProvider(userDetails);
        dao.setPasswordEncoder(encoder);
        // With a directory configured (DirectoryConfiguration), its users go through the same throttle and audit.
        return new ThrottledAuthenticationProvider(
                directory.<AuthenticationProvider>map(d -> d.withLocalAccounts(dao)).orElse(dao), throttle, audit);
    }
}
