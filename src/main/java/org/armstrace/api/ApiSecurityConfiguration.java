package org.armstrace.api;

import org.armstrace.security.Role;
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
import org.springframework.util.unit.DataSize;

/**
 * The stateless chain for REST API v1 and the actuator: bearer tokens only, no session, no
 * cookies, and every refusal as problem+json. It comes before Vaadin's chain for the UI.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens,
                                    @Value("${armstrace.api.max-body-size:1MB}") DataSize maxBody) throws Exception {
        return http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // The API's description and Swagger UI (springdoc serves its pages under /api/v1/swagger-ui).
                        .requestMatchers("/api/v1/openapi", "/api/v1/openapi/**", "/api/v1/docs", "/api/v1/docs/**",
                                "/api/v1/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.Names.SUPERVISOR)
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(new BodyLimitFilter(maxBody.toBytes()), AuthorizationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, new RateLimiter()), AuthorizationFilter.class)
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
