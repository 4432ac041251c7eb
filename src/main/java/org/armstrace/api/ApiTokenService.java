package org.armstrace.api;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.armstrace.base.Sha256;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens that administrators create and revoke. The secret (256 random bits) is shown once;
 * the graph keeps only its SHA-256, so a copy of the database does not hand out API access.
 * Creation and revocation are audited; a token is revoked, never deleted.
 */
@Service
public class ApiTokenService {

    public static final String PREFIX = "at_";
    public static final int DEFAULT_RATE = 120;
    public static final int MAX_RATE = 6_000;

    /** The new token and its secret, which exists only in this object and is never stored. */
    public record Created(ApiToken token, String secret) {
    }

    /** Who is calling, once a secret checks out. */
    public record Caller(String tokenId, String name, Role role, int requestsPerMinute, String country) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Neo4jClient neo4j;
    private final AuditLog audit;
    /** lastUsedAt is written at most once a minute per token, not on every request. */
    private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();

    ApiTokenService(Neo4jClient neo4j, AuditLog audit) {
        this.neo4j = neo4j;
        this.audit = audit;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Created create(String name, Role role, int requestsPerMinute) {
        return create(name, role, requestsPerMinute, null);
    }

    /**
     * A token; a PARTNER token is scoped to the partner's country (ISO 3166-1 alpha-2), so that it
     * sees and creates only that country's requests.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Created create(String name, Role role, int requestsPerMinute, String country) {
        String scope = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        if (role == Role.PARTNER && (scope == null || !scope.matches("[A-Z]{2}"))) {
            throw new IllegalArgumentException("A partner token needs the partner's two-letter country code");
        }
        if (role != Role.PARTNER) {
            scope = null;
        }
        if (name == null || name.isBlank() || name.length() > 80) {
            throw new IllegalArgumentException("A token needs a name of 1 to 80 characters");
        }
        if (role == null || role == Role.ADMIN) {
            // Administration is UI-only: a leaked token must not be able to create more tokens or users.
            throw new IllegalArgumentException("A token's role must not be ADMIN");
        }
        if (requestsPerMinute < 1 || requestsPerMinute > MAX_RATE) {
            throw new IllegalArgumentException("Requests per minute must be between 1 and " + MAX_RATE);
        }
        final String partnerCountry = scope;
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String id = UUID.randomUUID().toString();
        neo4j.query("""
                        CREATE (:ApiToken {id: $id, name: $name, role: $role, requestsPerMinute: $rate, hash: $hash,
                                country: $country, createdBy: $by, createdAt: $now})
                        """)
                .bindAll(CypherParams.of("id", id, "name", name.strip(), "role", role.name(),
                        "rate", requestsPerMinute, "hash", hash(secret), "country", partnerCountry,
                        "by", AuditLog.currentActor(), "now", ZonedDateTime.now(ZoneOffset.UTC)))
                .run();
        audit.record("api-token.created", List.of("ApiToken:" + id), name.strip() + "; role " + role
                + (partnerCountry == null ? "" : " of " + partnerCountry) + "; " + requestsPerMinute + "/min");
        return new Created(find(id).orElseThrow(), secret);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void revoke(String id) {
        long n = neo4j.query("""
                        MATCH (t:ApiToken {id: $id}) WHERE t.revokedAt IS NULL
                        SET t.revokedAt = $now, t.revokedBy = $by
                        RETURN count(t) AS n
                        """)
                .bindAll(Map.of("id", id, "now", ZonedDateTime.now(ZoneOffset.UTC), "by", AuditLog.currentActor()))
                .fetchAs(Long.class).one().orElse(0L);
        if (n == 0) {
            throw new IllegalArgumentException("No active token " + id);
        }
        audit.record("api-token.revoked", List.of("ApiToken:" + id), "");
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ApiToken> list() {
        return neo4j.query("MATCH (t:ApiToken) RETURN t ORDER BY t.createdAt DESC")
                .fetchAs(ApiToken.class).mappedBy((ts, r) -> toToken(r.get("t").asNode())).all().stream().toList();
    }

    /** The caller a presented secret belongs to, if it is an active token. Runs before authentication. */
    @Transactional
    public Optional<Caller> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Optional<Caller> caller = neo4j.query("""
                        MATCH (t:ApiToken {hash: $hash}) WHERE t.revokedAt IS NULL
                        RETURN t.id AS id, t.name AS name, t.role AS role, t.requestsPerMinute AS rate, t.country AS country
                        """)
                .bind(hash(secret)).to("hash")
                .fetchAs(Caller.class).mappedBy((ts, r) -> new Caller(r.get("id").asString(), r.get("name").asString(),
                        Role.valueOf(r.get("role").asString()), r.get("rate").asInt(), r.get("country").asString(null)))
                .one();
        caller.ifPresent(this::touch);
        return caller;
    }

    private void touch(Caller caller) {
        Instant now = Instant.now();
        Instant last = lastTouched.get(caller.tokenId());
        if (last == null || last.isBefore(now.minusSeconds(60))) {
            lastTouched.put(caller.tokenId(), now);
            neo4j.query("MATCH (t:ApiToken {id: $id}) SET t.lastUsedAt = $now")
                    .bindAll(Map.of("id", caller.tokenId(), "now", ZonedDateTime.ofInstant(now, ZoneOffset.UTC))).run();
        }
    }

    private Optional<ApiToken> find(String id) {
        return neo4j.query("MATCH (t:ApiToken {id: $id}) RETURN t").bindAll(CypherParams.of("id", id))
                .fetchAs(ApiToken.class).mappedBy((ts, r) -> toToken(r.get("t").asNode())).one();
    }

    private static ApiToken toToken(Node t) {
        return new ApiToken(t.get("id").asString(), t.get("name").asString(), Role.valueOf(t.get("role").asString()),
                t.get("requestsPerMinute").asInt(), t.get("createdBy").asString(""),
                t.get("createdAt").asZonedDateTime().toInstant(), t.get("revokedBy").asString(null),
                t.get("revokedAt").isNull() ? null : t.get("revokedAt").asZonedDateTime().toInstant(),
                t.get("lastUsedAt").isNull() ? null : t.get("lastUsedAt").asZonedDateTime().toInstant(),
                t.get("country").asString(null));
    }

    static String hash(String secret) {
        return Sha256.hex(secret);
    }
}
