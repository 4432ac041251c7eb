package org.armstrace.tracing;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.armstrace.security.AuditLog;
import org.armstrace.security.UserAccountService;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tracing desk's work: its queues, the supervisor's escalation view, and who works on what.
 * Incoming requests go to the analyst with the lightest weighted load on intake; a supervisor
 * gives a request to another analyst. Which users are analysts is the security module's to say.
 */
@Service
public class TraceQueues {

    /** The work queues of the tracing desk. */
    public enum Queue {
        /** Open requests assigned to me. */
        MINE,
        /** Open incoming requests nobody has yet. */
        TEAM,
        /** Open requests past their due date (an outgoing one: its answer is late). */
        OVERDUE,
        /** Open requests due within {@code armstrace.tracing.soon-due}. */
        SOON_DUE
    }

    /** Per analyst: open, overdue and soon-due requests, for the supervisor's escalation view. */
    public record Workload(String analyst, long open, long overdue, long soonDue, long weighted) {
    }

    private static final String OPEN = """
            ((t.direction = 'INCOMING' AND NOT t.status IN $closedIn)
             OR (t.direction = 'OUTGOING' AND NOT t.status IN $closedOut))
            """;

    private final Neo4jClient neo4j;
    private final TraceRequests traces;
    private final UserAccountService users;
    private final ServiceLevels levels;
    private final AuditLog audit;

    TraceQueues(Neo4jClient neo4j, TraceRequests traces, UserAccountService users, ServiceLevels levels,
                AuditLog audit) {
        this.neo4j = neo4j;
        this.traces = traces;
        this.users = users;
        this.levels = levels;
        this.audit = audit;
    }

    /** A page of a queue, most urgent first (due date, then priority). */
    @PreAuthorize(TraceRequests.DESK)
    @Transactional(readOnly = true)
    public List<TraceRequest> queue(Queue queue, int offset, int limit) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        // Only these fixed fragments are joined into the query; every value is a parameter.
        String where = switch (queue) {
            case MINE -> "t.assignee = $me";
            case TEAM -> "t.direction = 'INCOMING' AND t.assignee IS NULL";
            case OVERDUE -> "t.dueAt < $now";
            case SOON_DUE -> "t.dueAt >= $now AND t.dueAt < $soon";
        };
        return neo4j.query("MATCH (t:TraceRequest) WHERE " + OPEN + " AND " + where + """

                         RETURN t ORDER BY t.dueAt, $weights[t.priority] DESC, t.number SKIP $offset LIMIT $limit
                        """)
                .bindAll(queueParams(now, offset, limit))
                .fetchAs(TraceRequest.class).mappedBy((x, r) -> TraceRequestRows.of(r.get("t").asNode()))
                .all().stream().toList();
    }

    /** Every analyst with open work: what is late and what is about to be. */
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @Transactional(readOnly = true)
    public List<Workload> escalation() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        return neo4j.query("MATCH (t:TraceRequest) WHERE " + OPEN + " AND t.assignee IS NOT NULL" + """

                        WITH t.assignee AS analyst, count(t) AS open,
                             count(CASE WHEN t.dueAt < $now THEN 1 END) AS overdue,
                             count(CASE WHEN t.dueAt >= $now AND t.dueAt < $soon THEN 1 END) AS soonDue,
                             sum($weights[t.priority]) AS weighted
                        RETURN analyst, open, overdue, soonDue, weighted ORDER BY overdue DESC, weighted DESC, analyst
                        """)
                .bindAll(queueParams(now, 0, 0))
                .fetchAs(Workload.class).mappedBy((x, r) -> new Workload(r.get("analyst").asString(),
                        r.get("open").asLong(), r.get("overdue").asLong(), r.get("soonDue").asLong(),
                        r.get("weighted").asLong())).all().stream().toList();
    }

    private Map<String, Object> queueParams(ZonedDateTime now, int offset, int limit) {
        return Map.of("me", AuditLog.currentActor(), "now", now, "soon", now.plus(levels.soonDue()),
                "closedIn", names(TraceLifecycle.INCOMING_CLOSED), "closedOut", names(TraceLifecycle.OUTGOING_CLOSED),
                "weights", Priority.weights(), "offset", Math.max(0, offset), "limit", Math.clamp(limit, 1, 500));
    }

    static List<String> names(Set<TraceStatus> states) {
        return states.stream().map(Enum::name).toList();
    }

    /** A supervisor gives the request to another analyst (or the analyst takes it from the team queue). */
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @Transactional
    public TraceRequest assign(String id, String analyst, String reason) {
        TraceRequest current = traces.find(id).orElseThrow(() -> new TransitionRefused("trace.not-found"));
        if (!users.isEnabledAnalyst(analyst)) {
            throw new TransitionRefused("trace.not-an-analyst");
        }
        if (TraceLifecycle.closed(current.direction(), current.status())) {
            throw new TransitionRefused("trace.transition-not-allowed");
        }
        neo4j.query("MATCH (t:TraceRequest {id: $id}) SET t.assignee = $analyst")
                .bindAll(Map.of("id", id, "analyst", analyst)).run();
        String why = "assigned to " + analyst + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
        if (current.status() == TraceStatus.ACKNOWLEDGED || current.status() == TraceStatus.ASSIGNED) {
            traces.move(current, TraceStatus.ASSIGNED, why, AuditLog.currentActor());
        } else {
            audit.record("trace.reassigned", List.of("TraceRequest:" + id), why);
        }
        return traces.find(id).orElseThrow();
    }

    /** The enabled analysts, for a supervisor choosing whom to give a request. */
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @Transactional(readOnly = true)
    public List<String> analysts() {
        return users.enabledAnalysts();
    }

    /**
     * The enabled analyst with the least open work, weighted by priority ({@link Priority#weight()});
     * ties go to the one with fewer open requests, then by name. The analysts come from the
     * security module and go into the query as a parameter, so that the load is still weighed in
     * one query.
     */
    Optional<String> lightestAnalyst() {
        List<String> analysts = users.enabledAnalysts();
        if (analysts.isEmpty()) {
            return Optional.empty();
        }
        return neo4j.query("""
                        UNWIND $analysts AS username
                        OPTIONAL MATCH (t:TraceRequest {assignee: username, direction: 'INCOMING'})
                        WHERE NOT t.status IN $closed
                        WITH username, sum($weights[t.priority]) AS load, count(t) AS open
                        RETURN username ORDER BY load, open, username LIMIT 1
                        """)
                .bindAll(Map.of("analysts", analysts, "closed", names(TraceLifecycle.INCOMING_CLOSED),
                        "weights", Priority.weights()))
                .fetchAs(String.class).one();
    }
}
