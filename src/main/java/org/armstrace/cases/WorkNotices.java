package org.armstrace.cases;

import static org.armstrace.graph.GraphValues.instant;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-app notices that are not mentions: the escalation job's word that a user's work (a trace
 * request, a case task or deadline) is soon due or overdue, or was escalated to them. They are
 * {@code :CaseNotification} nodes of kind {@code ESCALATION}, shown on the cases list beside the
 * colleagues' mentions, so that a user finds every in-app notification in one place. A notice is
 * read when its user opens it from there.
 */
@Service
public class WorkNotices {

    /**
     * An unread escalation notice.
     *
     * @param step   the escalation's step ({@code SOON_DUE}, {@code OVERDUE}, {@code SUPERVISOR},
     *               {@code REASSIGNED})
     * @param number the item's number (a trace request's or the case's)
     * @param link   the application path of the item's page
     * @param days   how many days overdue, when the notice was written
     */
    public record Escalated(String id, String step, String number, String link, long days, Instant at) {
    }

    private static final int MAX = 200;

    private final Neo4jClient neo4j;

    WorkNotices(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * One unread notice for each of these users, in the caller's transaction (the escalation step's,
     * so that the notice exists if and only if the step was taken). For the scheduled job, which runs
     * with nobody signed in; refused while someone is.
     *
     * @param at when the step was taken (the job's clock)
     */
    @Transactional
    public void escalated(Collection<String> users, String step, String number, String link, long days, Instant at) {
        if (!"system".equals(AuditLog.currentActor())) {
            throw new CaseRejected("cases.no-such-user", String.join(", ", users));
        }
        neo4j.query("""
                        UNWIND $users AS user
                        CREATE (:CaseNotification {id: randomUUID(), user: user, kind: 'ESCALATION', step: $step,
                                                   number: $number, link: $link, days: $days, at: $now, read: false})""")
                .bindAll(CypherParams.of("users", List.copyOf(new LinkedHashSet<>(users)), "step", step, "number", number,
                        "link", link, "days", days, "now", at.atZone(ZoneOffset.UTC)))
                .run();
    }

    /** The signed-in user's unread escalation notices, newest first. */
    @PreAuthorize(Cases.WORKERS)
    @Transactional(readOnly = true)
    public List<Escalated> unreadEscalations() {
        return neo4j.query("""
                        MATCH (n:CaseNotification {user: $user, read: false}) WHERE n.kind = 'ESCALATION'
                        RETURN n ORDER BY n.at DESC LIMIT $max""")
                .bindAll(CypherParams.of("user", AuditLog.currentActor(), "max", MAX))
                .fetchAs(Escalated.class).mappedBy((x, r) -> {
                    var n = r.get("n");
                    return new Escalated(n.get("id").asString(), n.get("step").asString(), n.get("number").asString(),
                            n.get("link").asString(), n.get("days").asLong(), instant(n.get("at")));
                }).all().stream().toList();
    }

    /** Marks one of the signed-in user's notices read (another user's is left alone). */
    @PreAuthorize(Cases.WORKERS)
    @Transactional
    public void read(String id) {
        neo4j.query("""
                        MATCH (n:CaseNotification {user: $user, read: false}) WHERE n.id = $id
                        SET n.read = true, n.readAt = $now""")
                .bindAll(CypherParams.of("user", AuditLog.currentActor(), "id", id, "now", Instant.now().atZone(ZoneOffset.UTC)))
                .run();
    }
}
