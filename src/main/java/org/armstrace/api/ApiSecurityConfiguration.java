package org.armstrace.api;

import org.armstrace.security.Role;
import org.armstrace.security.SecurityHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.util.unit.DataSize;

/**
 * The stateless chain for REST API v1: bearer tokens only, no session, no cookies, and every
 * refusal as problem+json. It comes before Vaadin's chain for the UI. The actuator has a chain of
 * its own, which also knows the UI's signed-in users.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens, SecurityHeaders headers,
                                    @Value("${armstrace.api.max-body-size:1MB}") DataSize maxBody) throws Exception {
        return problems(http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        // The API's description and Swagger UI (springdoc serves its pages under /api/v1/swagger-ui).
                        .requestMatchers("/api/v1/openapi", "/api/v1/openapi/**", "/api/v1/docs", "/api/v1/docs/**",
                                "/api/v1/swagger-ui/**").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers)
                .addFilterBefore(new BodyLimitFilter(maxBody.toBytes()), AuthorizationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, new RateLimiter()), AuthorizationFilter.class));
    }

    /**
     * {@code /actuator/health} (and its liveness and readiness groups) answers everybody with its
     * status (load balancers, container probes) and shows its components and details only to
     * administrators ({@code management.endpoint.health.roles}). {@code /actuator/prometheus} is for
     * administrators and for the metrics token ({@link MetricsTokenFilter}) only. Administrators sign
     * in to the UI and never hold API tokens, so this chain reads the UI's session too (it never
     * creates one); it changes nothing, so the session cookie's SameSite=Strict is protection enough
     * against cross-site use.
     */
    @Bean
    @Order(0)
    @ConditionalOnWebApplication
    SecurityFilterChain actuatorSecurity(HttpSecurity http, ApiTokenService tokens, SecurityHeaders headers,
                                         @Value("${armstrace.metrics.token:}") String metricsToken)
            throws Exception {
        var session = new HttpSessionSecurityContextRepository();
        session.setAllowSessionCreation(false);
        return problems(http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .hasAnyAuthority("ROLE_" + Role.Names.ADMIN, MetricsTokenFilter.AUTHORITY)
                        .anyRequest().hasRole(Role.Names.SUPERVISOR))
                .securityContext(c -> c.securityContextRepository(session))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers)
                // In this order: the metrics token first, so that the API-token check lets it pass.
                .addFilterBefore(new MetricsTokenFilter(metricsToken), AuthorizationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, new RateLimiter()), AuthorizationFilter.class));
    }

    private static SecurityFilterChain problems(HttpSecurity http) throws Exception {
        return http.requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            Problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                    "Send an API token: Authorization: Bearer at_...", request.getRequestURI());
                        })
                        .accessDeniedHandler((request, response, ex) -> Problems.write(response, HttpStatus.FORBIDDEN,
                                "forbidden", "This token's role may not do this.", request.getRequestURI())))
                .build();
    }
}
