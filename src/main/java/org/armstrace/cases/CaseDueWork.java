package org.armstrace.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.armstrace.security.UserAccountService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case work the escalation job acts on: open tasks and unmet deadlines of open cases, and its
 * one write, giving an overdue task to the on-duty supervisor. For the scheduled job, which runs
 * with nobody signed in. A due date is the last day: the item is overdue from the next midnight in
 * the office's time zone.
 */
@Service
public class CaseDueWork {

    private static final int MAX = 1000;

    public enum Kind { TASK, DEADLINE }

    /**
     * @param assignee a task's assignee, a deadline's case owner; null when nobody
     * @param dueAt    when it becomes overdue
     */
    public record DueWork(Kind kind, String id, String caseNumber, String assignee, Instant dueAt) {
    }

    private final Neo4jClient neo4j;
    private final UserAccountService users;
    private final AuditLog audit;
    private final ZoneId zone;

    CaseDueWork(Neo4jClient neo4j, UserAccountService users, AuditLog audit,
                @Value("${armstrace.cases.zone:Europe/Belgrade}") ZoneId zone) {
        this.neo4j = neo4j;
        this.users = users;
        this.audit = audit;
        this.zone = zone;
    }

    /** Open work that is overdue before {@code until}, earliest first, at most 1000 of each kind. */
    @Transactional(readOnly = true)
    public List<DueWork> dueBefore(Instant until) {
        // The last due date that is overdue by then: the day before "until" in the office's zone.
        LocalDate last = until.atZone(zone).toLocalDate();
        var params = CypherParams.of("last", last, "max", MAX);
        var due = new ArrayList<DueWork>();
        neo4j.query("""
                        MATCH (c:Case {status: 'OPEN'})-[:HAS_TASK]->(t:CaseTask {status: 'OPEN'}) WHERE t.due <= $last
                        RETURN t.id AS id, c.number AS number, t.assignee AS assignee, t.due AS due ORDER BY due LIMIT $max""")
                .bindAll(params).fetch().all().forEach(r -> due.add(row(Kind.TASK, r)));
        neo4j.query("""
                        MATCH (c:Case {status: 'OPEN'})-[:HAS_DEADLINE]->(d:CaseDeadline) WHERE d.metAt IS NULL AND d.due <= $last
                        RETURN d.id AS id, c.number AS number, c.owner AS assignee, d.due AS due ORDER BY due LIMIT $max""")
                .bindAll(params).fetch().all().forEach(r -> due.add(row(Kind.DEADLINE, r)));
        return due.stream().filter(d -> d.dueAt().isBefore(until)).toList();
    }

    private DueWork row(Kind kind, Map<String, Object> r) {
        LocalDate due = (LocalDate) r.get("due");
        return new DueWork(kind, (String) r.get("id"), (String) r.get("number"), (String) r.get("assignee"),
                due.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Gives an open task to this user, audited on its case. Refused while someone is signed in. */
    @Transactional
    public void reassignTask(String taskId, String username, String why) {
        if (!"system".equals(AuditLog.currentActor()) || users.localesOf(List.of(username)).isEmpty()) {
            throw new CaseRejected("cases.no-such-user", username);
        }
        String number = neo4j.query("""
                        MATCH (c:Case)-[:HAS_TASK]->(t:CaseTask {id: $id, status: 'OPEN'})
                        SET t.assignee = $user
                        RETURN c.number""")
                .bindAll(CypherParams.of("id", taskId, "user", username)).fetchAs(String.class).one()
                .orElseThrow(() -> new CaseRejected("cases.no-such-task"));
        audit.recordAs("system", "case.task-reassigned", List.of("Case:" + number), "task " + taskId + ": " + why);
    }
}
