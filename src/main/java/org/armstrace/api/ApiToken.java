package org.armstrace.api;

import java.time.Instant;
import org.armstrace.security.Role;

/**
 * A bearer token for REST API v1 as an administrator sees it: never the secret, which is shown
 * once at creation. {@code role} is the token's scope: the API lets it do what that role may;
 * a PARTNER token is further scoped to its {@code country}.
 */
public record ApiToken(String id, String name, Role role, int requestsPerMinute, String createdBy, Instant createdAt,
                       String revokedBy, Instant revokedAt, Instant lastUsedAt, String country) {

    public boolean active() {
        return revokedAt == null;
    }
}
