package org.armstrace.security;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.armstrace.base.PlainText;
import org.armstrace.base.Translations;
import org.armstrace.graph.CypherParams;
import org.neo4j.driver.types.Node;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and roles, stored as {@code :User} nodes. Every change is audited in the same transaction;
 * accounts are disabled rather than deleted so that the audit trail's actors stay resolvable.
 */
@Service
public class UserAccountService {

    /** Who may be given tracing work: one definition for every query of this class that asks. */
    private static final String ENABLED_ANALYST = "u.enabled AND 'ANALYST' IN u.roles";

    /** Accounts created before directory sign-in existed have no {@code source}: they are local. */
    private static final String LOCAL = "coalesce(u.source, 'local') = 'local'";
    private static final String DIRECTORY = "directory";

    private final Neo4jClient neo4j;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final SignedInSessions sessions;
    private final Duration oneTimeLifetime;

    UserAccountService(Neo4jClient neo4j, PasswordEncoder passwords, AuditLog audit, SignedInSessions sessions,
                       @Value("${armstrace.security.one-time-password.lifetime:24h}") Duration oneTimeLifetime) {
        this.neo4j = neo4j;
        this.passwords = passwords;
        this.audit = audit;
        this.sessions = sessions;
        this.oneTimeLifetime = oneTimeLifetime;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        return neo4j.query("MATCH (u:User) RETURN u ORDER BY u.username")
                .fetchAs(UserAccount.class).mappedBy((t, r) -> toAccount(r.get("u").asNode()))
                .all().stream().toList();
    }

    /**
     * Creates an account with a one-time password that the administrator hands over; the user must
     * choose their own at first sign-in.
     *
     * @return the one-time password (shown once, never stored in clear)
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public String create(String username, String displayName, Set<Role> roles) {
        String name = normalise(username);
        if (!name.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new UserAccountException("users.error.username-format");
        }
        if (roles.isEmpty()) {
            throw new UserAccountException("users.error.no-role");
        }
        String oneTime = OneTimePassword.generate();
        boolean created = insert(name, displayName, roles, passwords.encode(oneTime), true, oneTimeExpiry());
        if (!created) {
            throw new UserAccountException("users.error.exists");
        }
        audit.record("user.created", List.of("User:" + name), "roles=" + sortedNames(roles));
        return oneTime;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserAccount update(String username, String displayName, Set<Role> requestedRoles, boolean enabled) {
        String name = normalise(username);
        UserAccount before = find(name).orElseThrow(() -> new UserAccountException("users.error.not-found"));
        // A directory account's roles come from its groups at every sign-in; here it can only be disabled.
        Set<Role> roles = before.fromDirectory() ? before.roles() : requestedRoles;
        if (roles.isEmpty() && !before.fromDirectory()) {
            throw new UserAccountException("users.error.no-role");
        }
        boolean self = name.equals(AuditLog.currentActor());
        if (self && (!enabled || !roles.contains(Role.ADMIN))) {
            throw new UserAccountException("users.error.self-lockout");
        }
        if (before.roles().contains(Role.ADMIN) && (!roles.contains(Role.ADMIN) || !enabled) && activeAdmins() <= 1) {
            throw new UserAccountException("users.error.last-admin");
        }
        neo4j.query("""
                        MATCH (u:User {username: $username})
                        SET u.displayName = $displayName, u.roles = $roles, u.enabled = $enabled, u.updatedAt = datetime()
                        """)
                .bindAll(Map.of("username", name, "displayName", displayName == null ? "" : displayName.strip(),
                        "roles", sortedNames(roles), "enabled", enabled))
                .run();
        audit.record("user.updated", List.of("User:" + name), "roles " + sortedNames(before.roles()) + " -> "
                + sortedNames(roles) + "; enabled " + before.enabled() + " -> " + enabled
                + "; displayName '" + before.displayName() + "' -> '" + displayName + "'");
        if (!enabled || !before.roles().equals(Set.copyOf(roles))) {
            // A session keeps the roles it signed in with: it must not outlive the change.
            sessions.endSessionsOf(name);
        }
        return find(name).orElseThrow();
    }

    /**
     * Sets the office a person works in (blank: none). Statistics count trace requests per office:
     * incoming ones by their analyst's office, outgoing ones by their author's.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setOffice(String username, String office) {
        String name = normalise(username);
        UserAccount before = find(name).orElseThrow(() -> new UserAccountException("users.error.not-found"));
        String value = office == null || office.isBlank() ? null : office.strip();
        if (value != null && !PlainText.acceptable(value, 100, false)) {
            throw new UserAccountException("users.error.office");
        }
        if (Objects.equals(before.office(), value)) {
            return;
        }
        neo4j.query("MATCH (u:User {username: $username}) SET u.office = $office, u.updatedAt = datetime()")
                .bindAll(CypherParams.of("username", name, "office", value)).run();
        audit.record("user.office", List.of("User:" + name), "office '" + before.office() + "' -> '" + value + "'");
    }

    /** @return a new one-time password; the user must replace it at next sign-in */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public String resetPassword(String username) {
        String name = normalise(username);
        if (find(name).orElseThrow(() -> new UserAccountException("users.error.not-found")).fromDirectory()) {
            throw new UserAccountException("users.error.directory-password"); // the directory holds it
        }
        String oneTime = OneTimePassword.generate();
        setPassword(name, passwords.encode(oneTime), true, oneTimeExpiry());
        audit.record("user.password-reset", List.of("User:" + name), "");
        // A reset is what an administrator does when an account may be in the wrong hands.
        sessions.endSessionsOf(name);
        return oneTime;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        String name = AuditLog.currentActor();
        String hash = credentials(name).map(Credentials::passwordHash).orElseThrow(() -> new UserAccountException(
                find(name).map(UserAccount::fromDirectory).orElse(false) ? "users.error.directory-password"
                        : "users.error.not-found"));
        if (!passwords.matches(currentPassword, hash)) {
            throw new UserAccountException("password.current-wrong");
        }
        String problem = PasswordPolicy.problem(newPassword, name);
        if (problem != null) {
            throw new UserAccountException(problem);
        }
        if (passwords.matches(newPassword, hash)) {
            throw new UserAccountException("password.same");
        }
        setPassword(name, passwords.encode(newPassword), false, null);
        audit.record("user.password-changed", List.of("User:" + name), "");
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void setOwnLocale(Locale locale) {
        if (!Translations.LOCALES.contains(locale)) {
            throw new UserAccountException("language.unsupported");
        }
        String name = AuditLog.currentActor();
        neo4j.query("MATCH (u:User {username: $username}) SET u.locale = $locale")
                .bindAll(Map.of("username", name, "locale", locale.toLanguageTag())).run();
        audit.record("user.language-changed", List.of("User:" + name), locale.toLanguageTag());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<UserAccount> currentUser() {
        return find(AuditLog.currentActor());
    }

    /**
     * The signed-in user's sign-in before the current one, if there was one: shown after sign-in, so
     * that someone else's use of the account is noticed.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<SignIn> previousSignIn() {
        return neo4j.query("""
                        MATCH (u:User {username: $username}) WHERE u.previousSignInAt IS NOT NULL
                        RETURN u.previousSignInAt AS at, u.previousSignInFrom AS address
                        """)
                .bind(AuditLog.currentActor()).to("username")
                .fetchAs(SignIn.class)
                .mappedBy((t, r) -> new SignIn(r.get("at").asZonedDateTime().toInstant(), r.get("address").asString(null)))
                .one();
    }

    /**
     * The usernames of the enabled analysts, by name: who may be given a trace request. Other
     * modules ask here rather than reading {@code :User} themselves (this module owns the label).
     * Any signed-in caller may ask: a partner's request is assigned on intake, in the partner's call.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<String> enabledAnalysts() {
        return analysts();
    }

    /** Whether the user exists, is enabled and holds the analyst role. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean isEnabledAnalyst(String username) {
        return neo4j.query("RETURN EXISTS { MATCH (u:User {username: $username}) WHERE " + ENABLED_ANALYST + " } AS ok")
                .bind(username == null ? "" : username).to("username").fetchAs(Boolean.class).one().orElse(false);
    }

    /**
     * Those of these users who exist and are enabled, by name: to check an owner, an assignee or a
     * colleague named in a note before anything is written for them.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<String> enabledAmong(Collection<String> usernames) {
        return neo4j.query("MATCH (u:User) WHERE u.enabled AND u.username IN $named RETURN u.username ORDER BY u.username")
                .bind(usernames.stream().map(UserAccountService::normalise).toList()).to("named")
                .fetchAs(String.class).all().stream().toList();
    }

    /**
     * Whom a notification about these users' work goes to: those of them who are enabled, or every
     * enabled analyst when none is. No role is asked for: background work (pattern scans) calls it
     * with nobody signed in, and it returns only user names, which it shows to nobody.
     */
    @Transactional(readOnly = true)
    public List<String> notifiable(Collection<String> usernames) {
        List<String> enabled = neo4j.query("""
                        MATCH (u:User) WHERE u.enabled AND u.username IN $named RETURN u.username ORDER BY u.username
                        """).bind(List.copyOf(usernames)).to("named").fetchAs(String.class).all().stream().toList();
        return enabled.isEmpty() ? analysts() : enabled;
    }

    /**
     * The language of each of these users who is enabled, for a message written to them while
     * someone else (or nobody: a scheduled job) is signed in. Shows nothing but the language.
     */
    @Transactional(readOnly = true)
    public Map<String, Locale> localesOf(Collection<String> usernames) {
        var locales = new LinkedHashMap<String, Locale>();
        neo4j.query("MATCH (u:User) WHERE u.enabled AND u.username IN $named RETURN u.username AS user, u.locale AS locale")
                .bind(List.copyOf(usernames)).to("named").fetch().all().forEach(r -> locales.put((String) r.get("user"),
                        r.get("locale") == null ? Translations.ENGLISH : Locale.forLanguageTag((String) r.get("locale"))));
        return locales;
    }

    /** The enabled supervisors, by name: whom an overdue item escalates to. Callable by scheduled jobs. */
    @Transactional(readOnly = true)
    public List<String> enabledSupervisors() {
        return neo4j.query("MATCH (u:User) WHERE u.enabled AND 'SUPERVISOR' IN u.roles RETURN u.username ORDER BY u.username")
                .fetchAs(String.class).all().stream().toList();
    }

    private List<String> analysts() {
        return neo4j.query("MATCH (u:User) WHERE " + ENABLED_ANALYST + " RETURN u.username ORDER BY u.username")
                .fetchAs(String.class).all().stream().toList();
    }

    // ---- package-private: sign-in and start-up ----

    @Transactional(readOnly = true)
    Optional<UserAccount> find(String username) {
        return neo4j.query("MATCH (u:User {username: $username}) RETURN u")
                .bind(normalise(username)).to("username")
                .fetchAs(UserAccount.class).mappedBy((t, r) -> toAccount(r.get("u").asNode()))
                .one();
    }

    /** The account and its password hash, read together for sign-in (one query, not two). */
    record Credentials(UserAccount account, String passwordHash) {
    }

    /**
     * A local account's sign-in data; none for a directory account, which has no password here
     * (and must not sign in with one, also when the directory is switched off later).
     */
    @Transactional(readOnly = true)
    Optional<Credentials> credentials(String username) {
        return neo4j.query("MATCH (u:User {username: $username}) WHERE " + LOCAL + " RETURN u")
                .bind(normalise(username)).to("username")
                .fetchAs(Credentials.class).mappedBy((t, r) -> {
                    Node n = r.get("u").asNode();
                    return new Credentials(toAccount(n), n.get("passwordHash").asString());
                })
                .one();
    }

    /** Remembers a successful sign-in; the one before it becomes the previous sign-in. */
    @Transactional
    void recordSignIn(String username, String address) {
        neo4j.query("""
                        MATCH (u:User {username: $username})
                        SET u.previousSignInAt = u.lastSignInAt, u.previousSignInFrom = u.lastSignInFrom,
                            u.lastSignInAt = $now, u.lastSignInFrom = $address
                        """)
                .bindAll(CypherParams.of("username", normalise(username), "now", ZonedDateTime.now(ZoneOffset.UTC),
                        "address", address))
                .run();
    }

    @Transactional(readOnly = true)
    long activeAdmins() {
        return neo4j.query("MATCH (u:User) WHERE u.enabled AND 'ADMIN' IN u.roles RETURN count(u)")
                .fetchAs(Long.class).one().orElse(0L);
    }

    /**
     * Creates or refreshes the local record of a user the directory has just signed in: roles as
     * the groups say now, display name from the directory. Every role change is audited.
     *
     * @return the account; empty when a local account holds the name (it is never taken over)
     */
    @Transactional
    Optional<UserAccount> signedInFromDirectory(String username, String displayName, Set<Role> roles) {
        String name = normalise(username);
        Optional<UserAccount> before = find(name);
        if (before.isPresent() && !before.get().fromDirectory()) {
            return Optional.empty();
        }
        neo4j.query("""
                        MERGE (u:User {username: $username})
                          ON CREATE SET u.source = $directory, u.enabled = true, u.locale = 'en',
                                        u.mustChangePassword = false, u.createdAt = $now
                        SET u.roles = $roles,
                            u.displayName = CASE WHEN $displayName = '' THEN coalesce(u.displayName, '') ELSE $displayName END
                        """)
                .bindAll(Map.of("username", name, "directory", DIRECTORY, "roles", sortedNames(roles),
                        "displayName", displayName == null ? "" : displayName.strip(),
                        "now", ZonedDateTime.now(ZoneOffset.UTC)))
                .run();
        if (before.isEmpty()) {
            audit.recordAs(name, "user.directory-created", List.of("User:" + name), "roles=" + sortedNames(roles));
        } else if (!before.get().roles().equals(roles)) {
            audit.recordAs(name, "user.directory-roles", List.of("User:" + name),
                    "roles " + sortedNames(before.get().roles()) + " -> " + sortedNames(roles));
            // Sessions keep the roles they signed in with: those opened before the change end now.
            sessions.endSessionsOf(name);
        }
        return find(name);
    }

    /** A directory user no longer in any mapped group keeps the record (audit) but no role. */
    @Transactional
    void directoryRolesRevoked(String username) {
        String name = normalise(username);
        find(name).filter(a -> a.fromDirectory() && !a.roles().isEmpty()).ifPresent(a -> {
            neo4j.query("MATCH (u:User {username: $username}) SET u.roles = [], u.updatedAt = datetime()")
                    .bind(name).to("username").run();
            audit.recordAs(name, "user.directory-roles", List.of("User:" + name),
                    "roles " + sortedNames(a.roles()) + " -> []");
            sessions.endSessionsOf(name);
        });
    }

    /** Creates the first administrator when the store has none; see {@link FirstAdministrator}. */
    @Transactional
    boolean createFirstAdministrator(String username, String rawPassword, boolean mustChange) {
        if (activeAdmins() > 0) {
            return false;
        }
        String name = normalise(username);
        // The first administrator's one-time password does not expire: it is printed once to the log
        // and nobody could hand out another one if it did.
        if (!insert(name, "Administrator", EnumSet.of(Role.ADMIN), passwords.encode(rawPassword), mustChange, null)) {
            // The name exists without the ADMIN role: promote it rather than fail to start.
            neo4j.query("MATCH (u:User {username: $username}) SET u.roles = u.roles + ['ADMIN'], u.enabled = true")
                    .bind(name).to("username").run();
            setPassword(name, passwords.encode(rawPassword), mustChange, null);
        }
        audit.recordAs("system", "user.first-admin-created", List.of("User:" + name), "");
        return true;
    }

    private boolean insert(String name, String displayName, Set<Role> roles, String hash, boolean mustChange,
                           ZonedDateTime expiry) {
        return neo4j.query("""
                        OPTIONAL MATCH (existing:User {username: $username})
                        WITH existing WHERE existing IS NULL
                        CREATE (u:User {username: $username, displayName: $displayName, roles: $roles,
                                        passwordHash: $hash, enabled: true, locale: 'en',
                                        mustChangePassword: $mustChange, createdAt: $now,
                                        oneTimePasswordExpiresAt: $oneTimeExpiresAt})
                        RETURN count(u) AS created
                        """)
                .bindAll(CypherParams.of("username", name, "displayName", displayName == null ? "" : displayName.strip(),
                        "roles", sortedNames(roles), "hash", hash, "mustChange", mustChange,
                        "now", ZonedDateTime.now(ZoneOffset.UTC), "oneTimeExpiresAt", expiry))
                .fetchAs(Long.class).one().orElse(0L) == 1L;
    }

    private void setPassword(String name, String hash, boolean mustChange, ZonedDateTime expiry) {
        neo4j.query("""
                        MATCH (u:User {username: $username})
                        SET u.passwordHash = $hash, u.mustChangePassword = $mustChange, u.passwordChangedAt = datetime(),
                            u.oneTimePasswordExpiresAt = $oneTimeExpiresAt
                        """)
                .bindAll(CypherParams.of("username", name, "hash", hash, "mustChange", mustChange,
                        "oneTimeExpiresAt", expiry)).run();
    }

    /** When a one-time password handed out now stops working (default after 24 h). */
    private ZonedDateTime oneTimeExpiry() {
        return ZonedDateTime.now(ZoneOffset.UTC).plus(oneTimeLifetime);
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> sortedNames(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.toList());
    }

    private static UserAccount toAccount(Node n) {
        Set<Role> roles = n.get("roles").asList(v -> v.asString(), List.<String>of()).stream()
                .map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        Instant created = n.get("createdAt").isNull() ? null : n.get("createdAt").asZonedDateTime().toInstant();
        return new UserAccount(n.get("username").asString(), n.get("displayName").asString(""),
                roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles, n.get("enabled").asBoolean(false),
                Locale.forLanguageTag(n.get("locale").asString("en")), n.get("mustChangePassword").asBoolean(false),
                created, n.get("office").asString(null), DIRECTORY.equals(n.get("source").asString("local")),
                n.get("oneTimePasswordExpiresAt").isNull() ? null
                        : n.get("oneTimePasswordExpiresAt").asZonedDateTime().toInstant());
    }
}
