package org.armstrace.tracing.api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.armstrace.Actors;
import org.armstrace.TestHttps;
import org.armstrace.api.ApiTokenService;
import org.armstrace.security.Role;
import org.springframework.boot.ssl.SslBundles;

/** A partner's side of the trace API in tests: a token for its country, and its calls over HTTPS. */
record PartnerApi(int port, SslBundles ssl, ApiTokenService tokens) {

    /** A new partner token for the country (ISO code), as an administrator issues it. */
    String token(String country) {
        return Actors.admin(() -> tokens.create("partner " + country + " " + System.nanoTime(),
                Role.PARTNER, 1_000, country)).secret();
    }

    /** A trace request body sent as the partner; {@code idempotencyKey} may be null. */
    HttpResponse<String> post(String token, String json, String idempotencyKey) throws Exception {
        var request = HttpRequest.newBuilder(TestHttps.uri(port, "/api/v1/trace-requests"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return TestHttps.client(ssl).send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String token, String path) throws Exception {
        return TestHttps.client(ssl).send(HttpRequest.newBuilder(TestHttps.uri(port, path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
