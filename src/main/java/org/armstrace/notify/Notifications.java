package org.armstrace.notify;

import static org.armstrace.graph.GraphValues.instant;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.armstrace.base.Translations;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.armstrace.security.UserAccountService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifications by e-mail. {@link #enqueue} is called by a feature in the transaction of its event:
 * it writes one {@code :OutboundEmail} per recipient who has an address and wants the kind, with the
 * text already in the recipient's language, so that the message commits or rolls back with the event
 * and is never lost in between; the outbox sends it after commit ({@code MailOutbox}).
 */
@Service
public class Notifications {

    public static final int MAX_EMAIL = 254;
    // Deliberately loose: the SMTP server is the judge; this only catches what is plainly not an address.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final Neo4jClient neo4j;
    private final UserAccountService users;
    private final Translations translations;
    private final EmailChannel channel;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    @Autowired
    Notifications(Neo4jClient neo4j, UserAccountService users, Translations translations, EmailChannel channel,
                  ApplicationEventPublisher events, AuditLog audit) {
        this(neo4j, users, translations, channel, events, audit, Clock.systemUTC());
    }

    Notifications(Neo4jClient neo4j, UserAccountService users, Translations translations, EmailChannel channel,
                  ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.neo4j = neo4j;
        this.users = users;
        this.translations = translations;
        this.channel = channel;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether an SMTP server is configured; without one nothing is written to the outbox. */
    public boolean emailEnabled() {
        return channel.enabled();
    }

    /**
     * Queues the notice for every recipient who is enabled, has an address and wants its kind, in
     * their language. Runs in the caller's transaction (or its own). No role is asked for: features
     * call it for users other than the signed-in one, and scheduled jobs with nobody signed in.
     *
     * @return how many e-mails were queued
     */
    @Transactional
    public int enqueue(Notice notice) {
        if (!channel.enabled() || notice.recipients().isEmpty()) {
            return 0;
        }
        Map<String, String> addresses = new HashMap<>();
        neo4j.query("""
                        MATCH (s:NotificationSettings) WHERE s.user IN $users AND s.email IS NOT NULL AND $kind IN s.wanted
                        RETURN s.user AS user, s.email AS email""")
                .bindAll(CypherParams.of("users", List.copyOf(new LinkedHashSet<>(notice.recipients())),
                        "kind", notice.kind().name()))
                .fetch().all().forEach(r -> addresses.put((String) r.get("user"), (String) r.get("email")));
        Map<String, Locale> locales = users.localesOf(addresses.keySet());
        List<Map<String, Object>> rows = new ArrayList<>();
        locales.forEach((user, locale) -> rows.add(Map.of("id", UUID.randomUUID().toString(), "user", user,
                "address", addresses.get(user), "locale", locale.toLanguageTag(),
                "subject", render(notice.subjectKey(), locale, notice), "text", body(notice, locale))));
        if (rows.isEmpty()) {
            return 0;
        }
        neo4j.query("""
                        UNWIND $rows AS row
                        CREATE (:OutboundEmail {id: row.id, kind: $kind, user: row.user, address: row.address,
                                                locale: row.locale, subject: row.subject, text: row.text,
                                                status: 'PENDING', attempts: 0, createdAt: $now, nextAttemptAt: $now})""")
                .bindAll(CypherParams.of("rows", rows, "kind", notice.kind().name(),
                        "now", clock.instant().atZone(ZoneOffset.UTC)))
                .run();
        events.publishEvent(new EmailQueued(rows.size()));
        return rows.size();
    }

    private String render(String key, Locale locale, Notice notice) {
        Object[] args = notice.args().stream().map(a -> a.startsWith(Notice.KEY)
                ? translations.getTranslation(a.substring(Notice.KEY.length()), locale) : a).toArray();
        return translations.getTranslation(key, locale, args);
    }

    private String body(Notice notice, Locale locale) {
        return render(notice.textKey(), locale, notice) + "\n\n" + channel.link(notice.link()) + "\n\n-- \n"
                + translations.getTranslation("notify.mail.footer", locale, channel.link("account/notifications"));
    }

    /** The signed-in user's settings; a user who never chose gets no e-mail (no address yet) and every kind ticked. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public NotificationSettings mySettings() {
        return neo4j.query("MATCH (s:NotificationSettings {user: $user}) RETURN s.email AS email, s.wanted AS wanted")
                .bind(AuditLog.currentActor()).to("user").fetch().one()
                .map(r -> new NotificationSettings((String) r.get("email"), kinds(r.get("wanted")), emailEnabled()))
                .orElseGet(() -> new NotificationSettings(null, EnumSet.allOf(NotificationKind.class), emailEnabled()));
    }

    private static Set<NotificationKind> kinds(Object names) {
        var kinds = EnumSet.noneOf(NotificationKind.class);
        if (names instanceof List<?> list) {
            list.forEach(n -> kinds.add(NotificationKind.valueOf(n.toString())));
        }
        return kinds;
    }

    /** The signed-in user chooses their address (blank: none) and what reaches them by e-mail. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public NotificationSettings saveMySettings(String email, Set<NotificationKind> wanted) {
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null && (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches())) {
            throw new NotificationRejected("notify.bad-email");
        }
        String user = AuditLog.currentActor();
        List<String> kinds = wanted.stream().sorted().map(Enum::name).toList();
        neo4j.query("MERGE (s:NotificationSettings {user: $user}) SET s.email = $email, s.wanted = $wanted, s.updatedAt = $now")
                .bindAll(CypherParams.of("user", user, "email", address, "wanted", kinds,
                        "now", clock.instant().atZone(ZoneOffset.UTC)))
                .run();
        // The address is the user's own; the audit says that it changed, not what it is.
        audit.record("notify.settings-changed", List.of("User:" + user),
                (address == null ? "no address" : "address set") + "; kinds " + String.join(", ", kinds));
        return mySettings();
    }

    /** The outbox, newest first, for the administrator: who, what, and how each send went. */
    @PreAuthorize("hasRole('" + Role.Names.ADMIN + "')")
    @Transactional(readOnly = true)
    public List<OutboundEmail> outbox(OutboundEmail.Status status, int offset, int limit) {
        return neo4j.query("""
                        MATCH (m:OutboundEmail) WHERE $status IS NULL OR m.status = $status
                        RETURN m ORDER BY m.createdAt DESC, m.id SKIP $offset LIMIT $limit""")
                .bindAll(CypherParams.of("status", status == null ? null : status.name(), "offset", Math.max(0, offset),
                        "limit", Math.clamp(limit, 1, 500)))
                .fetchAs(OutboundEmail.class).mappedBy((t, r) -> row(r.get("m"))).all().stream().toList();
    }

    static OutboundEmail row(org.neo4j.driver.Value m) {
        return new OutboundEmail(m.get("id").asString(), NotificationKind.valueOf(m.get("kind").asString()),
                m.get("user").asString(), m.get("address").asString(), m.get("subject").asString(),
                OutboundEmail.Status.valueOf(m.get("status").asString()), m.get("attempts").asInt(),
                instant(m.get("createdAt")), instant(m.get("nextAttemptAt")), instant(m.get("sentAt")),
                m.get("lastError").asString(null));
    }

    /**
     * An administrator sends a failed or refused message again: after fixing the server, or once the
     * server has the mailbox it refused (the job itself never retries a refusal). Sent and waiting
     * ones are left alone, so that a double click sends nothing twice.
     */
    @PreAuthorize("hasRole('" + Role.Names.ADMIN + "')")
    @Transactional
    public boolean retry(String id) {
        long moved = neo4j.query("""
                        MATCH (m:OutboundEmail {id: $id}) WHERE m.status IN ['FAILED', 'REFUSED']
                        SET m.status = 'PENDING', m.nextAttemptAt = $now, m.attempts = 0
                        RETURN count(m)""")
                .bindAll(CypherParams.of("id", id, "now", clock.instant().atZone(ZoneOffset.UTC)))
                .fetchAs(Long.class).one().orElse(0L);
        if (moved > 0) {
            audit.record("notify.email-retried", List.of("OutboundEmail:" + id), "sent again by hand");
            events.publishEvent(new EmailQueued(1));
        }
        return moved > 0;
    }

    /** Published when messages were queued; the outbox sends them once the transaction commits. */
    record EmailQueued(int count) {
    }
}
