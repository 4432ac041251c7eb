package org.armstrace.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of REST API v1, served at /api/v1/openapi with Swagger UI at /api/v1/docs. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI armsTraceOpenApi() {
        return new OpenAPI()
                .info(new Info().title("ArmsTrace API").version("v1")
                        .description("Firearm registry search for national Firearms Focal Points. Authenticate with "
                                + "a bearer token from an administrator. Errors are RFC 9457 problem+json; each "
                                + "token has a rate limit (429 with Retry-After).")
                        .license(new License().name("GPL-3.0-or-later").url("https://www.gnu.org/licenses/gpl-3.0.html")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    }
}
