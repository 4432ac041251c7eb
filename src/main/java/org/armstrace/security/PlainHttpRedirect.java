package org.armstrace.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A second, plain-HTTP port ({@code armstrace.http.redirect-port}, 8080 by default) that answers
 * every request with a permanent redirect to the same path over HTTPS and serves nothing itself,
 * so that a user who types {@code http://host:8080} lands on the encrypted site. Only when the
 * application serves HTTPS ({@code server.ssl.bundle} is set, see {@link TlsPreflight}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnExpression("'${server.ssl.bundle:}' != '' and '${armstrace.http.redirect-port:}' != '' "
        + "and '${armstrace.http.redirect-port:}' != '-1'")
class PlainHttpRedirect {

    private final Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);

    PlainHttpRedirect(@Value("${armstrace.http.redirect-port}") int port) {
        connector.setPort(port); // 0: any free port (tests)
    }

    /** The port it listens on once the server runs (its own, when configured as 0). */
    int port() {
        return connector.getLocalPort();
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> plainHttpConnector() {
        return factory -> factory.addAdditionalConnectors(connector);
    }

    /** Before every other filter, Spring Security's included: nothing but the redirect happens on this port. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> plainHttpRedirectFilter(ApplicationContext context) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                // request.isSecure(): behind a proxy that said X-Forwarded-Proto: https, the user already is on HTTPS.
                if (request.getLocalPort() != connector.getLocalPort() || request.isSecure()) {
                    chain.doFilter(request, response);
                    return;
                }
                int httpsPort = ((WebServerApplicationContext) context).getWebServer().getPort();
                String query = request.getQueryString();
                String target = "https://" + host(request) + (httpsPort == 443 ? "" : ":" + httpsPort)
                        + request.getRequestURI() + (query == null ? "" : "?" + query);
                // 308, not 302: permanent, and a client re-sends the same method (a POST stays a POST).
                response.setStatus(308);
                response.setHeader(HttpHeaders.LOCATION, target);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("plainHttpRedirect");
        return registration;
    }

    private static String host(HttpServletRequest request) {
        String name = request.getServerName();
        return name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name; // an IPv6 literal
    }
}
