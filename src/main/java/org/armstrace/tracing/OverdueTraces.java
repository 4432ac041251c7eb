package org.armstrace.tracing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.armstrace.security.AuditLog;
import org.armstrace.security.UserAccountService;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trace requests the escalation job acts on, and its one write: giving an overdue request to
 * the on-duty supervisor by a configured rule. Both are for the scheduled job, which runs with
 * nobody signed in; a signed-in user reassigns through {@link TraceQueues#assign}.
 */
@Service
public class OverdueTraces {

    private static final int MAX = 1000;

    private final Neo4jClient neo4j;
    private final TraceRequests traces;
    private final UserAccountService users;
    private final AuditLog audit;

    OverdueTraces(Neo4jClient neo4j, TraceRequests traces, UserAccountService users, AuditLog audit) {
        this.neo4j = neo4j;
        this.traces = traces;
        this.users = users;
        this.audit = audit;
    }

    /** Open requests due before {@code until} (overdue ones included), earliest first, at most 1000. */
    @Transactional(readOnly = true)
    public List<TraceRequest> dueBefore(Instant until) {
        return neo4j.query("""
                        MATCH (t:TraceRequest) WHERE t.dueAt < $until
                          AND ((t.direction = 'INCOMING' AND NOT t.status IN $closedIn)
                               OR (t.direction = 'OUTGOING' AND NOT t.status IN $closedOut))
                        RETURN t ORDER BY t.dueAt, t.number LIMIT $max""")
                .bindAll(Map.of("until", until.atZone(ZoneOffset.UTC), "max", MAX,
                        "closedIn", TraceQueues.names(TraceLifecycle.INCOMING_CLOSED),
                        "closedOut", TraceQueues.names(TraceLifecycle.OUTGOING_CLOSED)))
                .fetchAs(TraceRequest.class).mappedBy((x, r) -> TraceRequestRows.of(r.get("t").asNode()))
                .all().stream().toList();
    }

    /**
     * Gives the request to this user, recorded on its history as a move to ASSIGNED where the
     * lifecycle has one, in the audit otherwise. Refused while someone is signed in.
     */
    @Transactional
    public void reassign(String id, String username, String why) {
        if (!"system".equals(AuditLog.currentActor())) {
            throw new TransitionRefused("trace.transition-not-allowed");
        }
        // Read here rather than through TraceRequests.find, which asks for a signed-in desk role.
        TraceRequest current = neo4j.query("MATCH (t:TraceRequest {id: $id}) RETURN t").bind(id).to("id")
                .fetchAs(TraceRequest.class).mappedBy((x, r) -> TraceRequestRows.of(r.get("t").asNode())).one()
                .orElseThrow(() -> new TransitionRefused("trace.not-found"));
        if (users.localesOf(List.of(username)).isEmpty() || TraceLifecycle.closed(current.direction(), current.status())) {
            throw new TransitionRefused("trace.transition-not-allowed");
        }
        neo4j.query("MATCH (t:TraceRequest {id: $id}) SET t.assignee = $user").bindAll(Map.of("id", id, "user", username)).run();
        if (current.status() == TraceStatus.ACKNOWLEDGED || current.status() == TraceStatus.ASSIGNED) {
            traces.move(current, TraceStatus.ASSIGNED, why, "system");
        } else {
            audit.recordAs("system", "trace.reassigned", List.of("TraceRequest:" + id), why);
        }
    }
}
