package org.armstrace.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void without_a_tile_server_images_come_from_the_application_only() {
        assertThat(new SecurityHeaders("").contentSecurityPolicy()).contains("img-src 'self' data: blob:; ");
    }

    @Test
    void a_configured_tile_server_may_serve_images_and_nothing_else() {
        String policy = new SecurityHeaders("https://tiles.police.example:8443/osm/{z}/{x}/{y}.png").contentSecurityPolicy();

        assertThat(policy).contains("img-src 'self' data: blob: https://tiles.police.example:8443; ")
                .contains("script-src 'self' 'unsafe-inline' 'unsafe-eval'; ").contains("connect-src 'self'; ");
    }

    @Test
    void leaflets_subdomain_placeholder_becomes_a_wildcard() {
        assertThat(SecurityHeaders.tileOrigin("https://{s}.tile.example.org/{z}/{x}/{y}.png"))
                .isEqualTo("https://*.tile.example.org");
    }

    @Test
    void a_tile_url_cannot_smuggle_directives_into_the_policy() {
        assertThat(SecurityHeaders.tileOrigin("https://evil.example; script-src *")).isEmpty();
        assertThat(SecurityHeaders.tileOrigin("javascript:alert(1)")).isEmpty();
    }
}
