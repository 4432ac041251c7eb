package org.armstrace.cases;

import static org.armstrace.graph.GraphValues.instant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.armstrace.security.UserAccountService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work in a case: tasks with an assignee and a due date, deadlines, and notes. A note that
 * names a colleague as {@code @username} gives them an in-app notification ({@code :CaseNotification})
 * and publishes {@link CaseEvents.CaseNoteMentioned}. Notes are never edited; tasks and deadlines are
 * done or met, never deleted. Everything is audited on the case.
 */
@Service
public class CaseWork {

    public static final int MAX_NOTE = 10_000;
    private static final Pattern MENTION = Pattern.compile("(?<![\\w.])@([A-Za-z0-9._-]{1,64})");

    public record Task(String id, String title, String assignee, LocalDate due, boolean done, String createdBy,
                       Instant createdAt, String doneBy, Instant doneAt) {
    }

    public record Deadline(String id, String what, LocalDate due, String setBy, Instant setAt, Instant metAt) {
    }

    public record Note(String id, String text, String by, Instant at, List<String> mentions) {
        public Note {
            mentions = List.copyOf(mentions);
        }
    }

    /** A colleague's mention of the user in a case's note. */
    public record Mention(String id, String caseNumber, String noteId, String by, Instant at, boolean read) {
    }

    private final Neo4jClient neo4j;
    private final Cases cases;
    private final UserAccountService users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    CaseWork(Neo4jClient neo4j, Cases cases, UserAccountService users, AuditLog audit, ApplicationEventPublisher events) {
        this.neo4j = neo4j;
        this.cases = cases;
        this.users = users;
        this.audit = audit;
        this.events = events;
    }

    @PreAuthorize(Cases.WORKERS)
    @Transactional
    public Task addTask(String number, String title, String assignee, LocalDate due) {
        Case c = cases.visible(number);
        String what = Cases.text(title, Cases.MAX_TITLE, "cases.bad-task", true);
        String who = Cases.blankToNull(assignee);
        if (who != null && users.enabledAmong(List.of(who)).isEmpty()) {
            throw new CaseRejected("cases.no-such-user", who);
        }
        String id = UUID.randomUUID().toString();
        String by = AuditLog.currentActor();
        neo4j.query("""
                        MATCH (c:Case {number: $number})
                        CREATE (c)-[:HAS_TASK]->(:CaseTask {id: $id, title: $title, assignee: $assignee, due: $due,
                                                           status: 'OPEN', createdBy: $by, createdAt: $now})""")
                .bindAll(CypherParams.of("number", c.number(), "id", id, "title", what, "assignee", who == null ? null
                        : who.toLowerCase(Locale.ROOT), "due", due, "by", by, "now", Instant.now().atZone(ZoneOffset.UTC)))
                .run();
        audit.record("case.task-added", List.of("Case:" + c.number()), what + "; assignee " + who + "; due " + due);
        if (who != null) {
            events.publishEvent(new CaseEvents.CaseTaskAssigned(c.number(), id, who, due == null ? null
                    : due.atStartOfDay(ZoneOffset.UTC).toInstant(), by));
        }
        return tasks(c.number()).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @PreAuthorize(Cases.WORKERS)
    @Transactional
    public void completeTask(String number, String taskId) {
        Case c = cases.visible(number);
        long done = neo4j.query("""
                        MATCH (:Case {number: $number})-[:HAS_TASK]->(t:CaseTask {id: $id, status: 'OPEN'})
                        SET t.status = 'DONE', t.doneBy = $by, t.doneAt = $now
                        RETURN count(t)""")
                .bindAll(CypherParams.of("number", c.number(), "id", taskId, "by", AuditLog.currentActor(),
                        "now", Instant.now().atZone(ZoneOffset.UTC)))
                .fetchAs(Long.class).one().orElse(0L);
        if (done == 0) {
            throw new CaseRejected("cases.no-such-task");
        }
        audit.record("case.task-done", List.of("Case:" + c.number()), "task " + taskId);
    }

    @PreAuthorize(Cases.WORKERS)
    @Transactional(readOnly = true)
    public List<Task> tasks(String number) {
        Case c = cases.visible(number);
        return neo4j.query("MATCH (:Case {number: $number})-[:HAS_TASK]->(t:CaseTask) RETURN t ORDER BY t.status DESC, t.due, t.createdAt")
                .bind(c.number()).to("number").fetchAs(Task.class).mappedBy((x, r) -> {
                    var t = r.get("t");
                    return new Task(t.get("id").asString(), t.get("title").asString(), t.get("assignee").asString(null),
                            t.get("due").isNull() ? null : t.get("due").asLocalDate(), "DONE".equals(t.get("status").asString()),
                            t.get("createdBy").asString(), instant(t.get("createdAt")), t.get("doneBy").asString(null),
                            instant(t.get("doneAt")));
                }).all().stream().toList();
    }

    @PreAuthorize(Cases.WORKERS)
    @Transactional
    public Deadline addDeadline(String number, String what, LocalDate due) {
        Case c = cases.visible(number);
        String text = Cases.text(what, Cases.MAX_TITLE, "cases.bad-deadline", true);
        if (due == null) {
            throw new CaseRejected("cases.bad-deadline");
        }
        String id = UUID.randomUUID().toString();
        neo4j.query("""
                        MATCH (c:Case {number: $number})
                        CREATE (c)-[:HAS_DEADLINE]->(:CaseDeadline {id: $id, what: $what, due: $due, setBy: $by, setAt: $now})""")
                .bindAll(CypherParams.of("number", c.number(), "id", id, "what", text, "due", due, "by", AuditLog.currentActor(),
                        "now", Instant.now().atZone(ZoneOffset.UTC)))
                .run();
        audit.record("case.deadline-set", List.of("Case:" + c.number()), text + " by " + due);
        return deadlines(c.number()).stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    @PreAuthorize(Cases.WORKERS)
    @Transactional
    public void meetDeadline(String number, String deadlineId) {
        Case c = cases.visible(number);
        long met = neo4j.query("""
                        MATCH (:Case {number: $number})-[:HAS_DEADLINE]->(d:CaseDeadline {id: $id}) WHERE d.metAt IS NULL
                        SET d.metAt = $now, d.metBy = $by
                        RETURN count(d)""")
                .bindAll(CypherParams.of("number", c.number(), "id", deadlineId, "by", AuditLog.currentActor(),
                        "now", Instant.now().atZone(ZoneOffset.UTC)))
                .fetchAs(Long.class).one().orElse(0L);
        if (met == 0) {
            throw new CaseRejected("cases.no-such-deadline");
        }
        audit.record("case.deadline-met", List.of("Case:" + c.number()), "deadline " + deadlineId);
    }

    @PreAuthorize(Cases.WORKERS)
    @Transactional(readOnly = true)
    public List<Deadline> deadlines(String number) {
        Case c = cases.visible(number);
        return neo4j.query("MATCH (:Case {number: $number})-[:HAS_DEADLINE]->(d:CaseDeadline) RETURN d ORDER BY d.due, d.setAt")
                .bind(c.number()).to("number").fetchAs(Deadline.class).mappedBy((x, r) -> {
                    var d = r.get("d");
                    return new Deadline(d.get("id").asString(), d.get("what").asString(), d.get("due").asLocalDate(),
                            d.get("setBy").asString(), instant(d.get("setAt")), instant(d.get("metAt")));
                }).all().stream().toList();
    }

    /**
     * Writes a note. Every {@code @username} that names an enabled colleague (other than the writer)
     * notifies them; names that match nobody stay plain text.
     */
    @PreAuthorize(Cases.WORKERS)
    @Transactional
    public Note addNote(String number, String text) {
        Case c = cases.visible(number);
        String body = Cases.text(text, MAX_NOTE, "cases.bad-note", true);
        String by = AuditLog.currentActor();
        var named = new LinkedHashSet<String>();
        MENTION.matcher(body).results().forEach(m -> named.add(m.group(1).toLowerCase(Locale.ROOT)));
        named.remove(by);
        List<String> mentioned = named.isEmpty() ? List.of() : users.enabledAmong(named);
        String id = UUID.randomUUID().toString();
        neo4j.query("""
                        MATCH (c:Case {number: $number})
                        CREATE (c)-[:HAS_NOTE]->(:CaseNote {id: $id, text: $text, by: $by, at: $now, mentions: $mentioned})
                        WITH c
                        UNWIND $mentioned AS user
                        CREATE (:CaseNotification {id: randomUUID(), user: user, case: c.number, note: $id, by: $by, at: $now,
                                                   read: false})""")
                .bindAll(CypherParams.of("number", c.number(), "id", id, "text", body, "by", by, "mentioned", mentioned,
                        "now", Instant.now().atZone(ZoneOffset.UTC)))
                .run();
        audit.record("case.note-added", List.of("Case:" + c.number()), body.length() + " characters"
                + (mentioned.isEmpty() ? "" : "; mentions " + String.join(", ", mentioned)));
        if (!mentioned.isEmpty()) {
            events.publishEvent(new CaseEvents.CaseNoteMentioned(c.number(), id, by, mentioned));
        }
        return notes(c.number()).stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    @PreAuthorize(Cases.WORKERS)
    @Transactional
    public List<Note> notes(String number) {
        Case c = cases.visible(number);
        // Reading the notes is reading the mentions of the case: the reader's are marked read.
        neo4j.query("MATCH (n:CaseNotification {user: $user, read: false}) WHERE n.case = $number SET n.read = true, n.readAt = $now")
                .bindAll(CypherParams.of("user", AuditLog.currentActor(), "number", c.number(),
                        "now", Instant.now().atZone(ZoneOffset.UTC)))
                .run();
        return neo4j.query("MATCH (:Case {number: $number})-[:HAS_NOTE]->(n:CaseNote) RETURN n ORDER BY n.at DESC LIMIT 1000")
                .bind(c.number()).to("number").fetchAs(Note.class).mappedBy((x, r) -> {
                    var n = r.get("n");
                    return new Note(n.get("id").asString(), n.get("text").asString(), n.get("by").asString(),
                            instant(n.get("at")), n.get("mentions").asList(org.neo4j.driver.Value::asString));
                }).all().stream().toList();
    }

    /** The signed-in user's unread mentions, newest first (a mention has no kind; escalations are {@link WorkNotices}). */
    @PreAuthorize(Cases.WORKERS)
    @Transactional(readOnly = true)
    public List<Mention> unreadMentions() {
        return neo4j.query("""
                        MATCH (n:CaseNotification {user: $user, read: false}) WHERE n.kind IS NULL
                        RETURN n ORDER BY n.at DESC LIMIT 200""")
                .bind(AuditLog.currentActor()).to("user").fetchAs(Mention.class).mappedBy((x, r) -> {
                    var n = r.get("n");
                    return new Mention(n.get("id").asString(), n.get("case").asString(), n.get("note").asString(),
                            n.get("by").asString(), instant(n.get("at")), n.get("read").asBoolean());
                }).all().stream().toList();
    }
}
