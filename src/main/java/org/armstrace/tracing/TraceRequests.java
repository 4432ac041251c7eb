package org.armstrace.tracing;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.armstrace.base.ModelLookup;
import org.armstrace.graph.CypherParams;
import org.armstrace.registry.Country;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.neo4j.driver.types.Node;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trace requests under the International Tracing Instrument as they stand: reading one, its
 * history and the registry's candidates, and moving it from state to state. Every change of state
 * goes through {@link TraceLifecycle} and is kept as a {@code :TraceTransition} with who, when and
 * why, and written to the audit chain; nothing is ever deleted. Requests come in through
 * {@link TraceIntake}, go out through {@link OutgoingTraces} and are worked from {@link TraceQueues}.
 *
 * <p>Reads registry's {@code :Firearm} by id in its own Cypher only to follow this module's
 * {@code CONCERNS} links in the same query (owners: graph-model/README.md).
 */
@Service
@EnableConfigurationProperties(ServiceLevels.class)
public class TraceRequests {

    static final String DESK = "hasAnyRole('ADMIN','SUPERVISOR','ANALYST','INTAKE')";

    private final Neo4jClient neo4j;
    private final ReferenceData reference;
    private final FirearmRegistry firearms;
    private final AuditLog audit;
    private final AnswerApprovals approvals;
    private final String home;

    TraceRequests(Neo4jClient neo4j, ReferenceData reference, FirearmRegistry firearms, AuditLog audit,
                  AnswerApprovals approvals, @Value("${armstrace.home-country:XK}") String home) {
        this.approvals = approvals;
        this.neo4j = neo4j;
        this.reference = reference;
        this.firearms = firearms;
        this.audit = audit;
        this.home = home.toUpperCase(Locale.ROOT);
    }

    /** Our own country's code, the first part of every request number. */
    String home() {
        return home;
    }

    /** Whether a country may be the other side of a request: known to the reference data, and not us. */
    public boolean isCounterpart(String code) {
        return code != null && !code.equals(home) && reference.country(code).isPresent();
    }

    /** The countries a request may go to or come from, for the forms' pick-lists. */
    public List<Country> counterparts() {
        return reference.countries().stream().filter(c -> !c.code().equals(home)).toList();
    }

    /** The reference data's models of a make, for the forms' model pick-list. */
    public ModelLookup models() {
        return reference.modelLookup();
    }

    void checkCounterpart(NewTraceRequest r) {
        if (!isCounterpart(r.counterpart())) {
            throw new TransitionRefused("trace.unknown-country");
        }
    }

    @PreAuthorize(DESK)
    @Transactional(readOnly = true)
    public Optional<TraceRequest> find(String id) {
        return neo4j.query("MATCH (t:TraceRequest {id: $id}) RETURN t").bind(id == null ? "" : id).to("id")
                .fetchAs(TraceRequest.class).mappedBy((x, r) -> TraceRequestRows.of(r.get("t").asNode())).one();
    }

    /** Every move of the request, oldest first. */
    @PreAuthorize(DESK)
    @Transactional(readOnly = true)
    public List<TraceTransition> history(String id) {
        return neo4j.query("""
                        MATCH (:TraceRequest {id: $id})-[:HAS_TRANSITION]->(x:TraceTransition)
                        RETURN x ORDER BY x.at, x.seq, elementId(x)
                        """)
                .bind(id).to("id").fetchAs(TraceTransition.class).mappedBy((t, r) -> {
                    Node x = r.get("x").asNode();
                    return new TraceTransition(x.get("from").isNull() ? null : TraceStatus.valueOf(x.get("from").asString()),
                            TraceStatus.valueOf(x.get("to").asString()), x.get("at").asZonedDateTime().toInstant(),
                            x.get("by").asString(), x.get("reason").asString(null));
                }).all().stream().toList();
    }

    /** A weapon the registry check found for a request, with why. */
    public record Candidate(Firearm firearm, double score, List<String> reasons, List<String> flags) {
    }

    /** What the registry check on intake found, best first. */
    @PreAuthorize(DESK)
    @Transactional(readOnly = true)
    public List<Candidate> candidates(String id) {
        return neo4j.query("""
                        MATCH (:TraceRequest {id: $id})-[c:CANDIDATE]->(f:Firearm)
                        RETURN f.id AS firearm, c.score AS score, c.reasons AS reasons, c.flags AS flags ORDER BY c.rank
                        """)
                .bind(id).to("id").fetchAs(Candidate.class).mappedBy((x, row) -> new Candidate(
                        firearms.find(row.get("firearm").asString()).orElseThrow(), row.get("score").asDouble(),
                        row.get("reasons").asList(v -> v.asString(), List.of()),
                        row.get("flags").asList(v -> v.asString(), List.of())))
                .all().stream().toList();
    }

    /**
     * Moves a request to its next state by hand, if {@link TraceLifecycle#handRefusal} allows it;
     * reasons where the ITI asks for them. Approval is not a bare move: it names the answer version
     * approved ({@link #approve}).
     */
    @PreAuthorize(DESK)
    @Transactional
    public TraceRequest transition(String id, TraceStatus to, String reason) {
        boolean supervisor = Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR);
        // Refused before the request is read: whatever it is, this user does not approve.
        if (to == TraceStatus.APPROVED && !supervisor) {
            throw new TransitionRefused("trace.approval-needs-supervisor");
        }
        if (to == TraceStatus.APPROVED) {
            throw new TransitionRefused("trace.approval-needs-version");
        }
        TraceRequest current = find(id).orElseThrow(() -> new TransitionRefused("trace.not-found"));
        TraceLifecycle.handRefusal(current.direction(), current.status(), to, supervisor).ifPresent(refusal -> {
            throw new TransitionRefused(refusal);
        });
        move(current, to, reason, AuditLog.currentActor());
        return find(id).orElseThrow();
    }

    /**
     * A supervisor approves one answer version: the one they read, as the page showed it. Refused
     * when a newer draft exists (they have not read it), and for whoever drafted it (four eyes).
     */
    @PreAuthorize(DESK)
    @Transactional
    public TraceRequest approve(String id, int version, String reason) {
        boolean supervisor = Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR);
        if (!supervisor) {
            throw new TransitionRefused("trace.approval-needs-supervisor");
        }
        TraceRequest current = find(id).orElseThrow(() -> new TransitionRefused("trace.not-found"));
        TraceLifecycle.handRefusal(current.direction(), current.status(), TraceStatus.APPROVED, true)
                .ifPresent(refusal -> {
                    throw new TransitionRefused(refusal);
                });
        String by = AuditLog.currentActor();
        approvals.stamp(id, version, by);
        write(current, TraceStatus.APPROVED, "version " + version + " approved"
                + (reason == null || reason.isBlank() ? "" : "; " + reason.strip()), by);
        return find(id).orElseThrow();
    }

    /**
     * The one writer of {@code status}: checks the move against the lifecycle, keeps it as a
     * transition and audits it. A move that lost a race with another user's is refused. Sending
     * our answer (ANSWERED) sends the approved version, and is refused without one; approving goes
     * through {@link #approve}, which names the version.
     */
    void move(TraceRequest current, TraceStatus to, String reason, String by) {
        if (to == TraceStatus.APPROVED) {
            throw new TransitionRefused("trace.approval-needs-version");
        }
        TraceLifecycle.check(current.direction(), current.status(), to, reason);
        if (current.direction() == Direction.OUTGOING && to == TraceStatus.READY) {
            List<String> missing = ItiContent.missing(current);
            if (!missing.isEmpty()) {
                throw new ItiContentMissing(missing);
            }
        }
        String why = reason;
        if (current.direction() == Direction.INCOMING && to == TraceStatus.ANSWERED) {
            int sent = approvals.markSent(current.id());
            why = "version " + sent + " sent" + (reason == null || reason.isBlank() ? "" : "; " + reason.strip());
        }
        write(current, to, why, by);
    }

    /**
     * A redraft after approval: the approval is void (the supervisor did not read the new text) and
     * the request goes back for review, APPROVED → ANSWER_DRAFTED, with why in its history.
     */
    void voidApproval(TraceRequest current, int redraft, String by) {
        Integer voided = approvals.voidStanding(current.id(), by).orElse(null);
        write(current, TraceStatus.ANSWER_DRAFTED, "approval of version " + voided + " voided by redraft (version "
                + redraft + "); back for review", by);
    }

    private void write(TraceRequest current, TraceStatus to, String reason, String by) {
        String id = current.id();
        TraceLifecycle.check(current.direction(), current.status(), to, reason);
        long moved = neo4j.query("""
                        MATCH (t:TraceRequest {id: $id}) WHERE t.status = $from
                        SET t.status = $to
                        CREATE (t)-[:HAS_TRANSITION]->(:TraceTransition {from: $from, to: $to, at: $now, by: $by,
                                reason: $reason})
                        RETURN count(t) AS n
                        """)
                .bindAll(CypherParams.of("id", id, "from", current.status().name(), "to", to.name(),
                        "now", ZonedDateTime.now(ZoneOffset.UTC), "by", by,
                        "reason", reason == null || reason.isBlank() ? null : reason.strip()))
                .fetchAs(Long.class).one().orElse(0L);
        if (moved == 0) {
            throw new TransitionRefused("trace.changed-meanwhile"); // another user moved it first
        }
        audit.recordAs(by, "trace." + to.name().toLowerCase(Locale.ROOT), List.of("TraceRequest:" + id),
                current.number() + ": " + current.status() + " → " + to + (reason == null ? "" : "; " + reason.strip()));
    }
}
