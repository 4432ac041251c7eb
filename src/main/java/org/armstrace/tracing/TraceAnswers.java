package org.armstrace.tracing;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.armstrace.security.PersonalDataPath;
import org.armstrace.security.PersonalDataReads;
import org.armstrace.security.Role;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers to trace requests. The analyst drafts ours to a partner from what the registry holds; a
 * supervisor approves it (four eyes, see {@link TraceRequests}); it goes out and the partner reads it
 * through the API. A partner's answer to our request is recorded the same way, with the point of
 * diversion if the trace found one. Every draft is a new version; none is overwritten.
 *
 * <p>Reads registry's {@code :Firearm} by id in its own Cypher only to follow this module's
 * {@code CONCERNS} links in the same query (owners: graph-model/README.md).
 */
@Service
public class TraceAnswers {

    static final String ANALYSTS = "hasAnyRole('ADMIN','SUPERVISOR','ANALYST')";

    private final Neo4jClient neo4j;
    private final TraceRequests traces;
    private final TraceIntake intake;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final PersonalDataReads reads;

    TraceAnswers(Neo4jClient neo4j, TraceRequests traces, TraceIntake intake, AuditLog audit,
                 ApplicationEventPublisher events, PersonalDataReads reads) {
        this.events = events;
        this.reads = reads;
        this.neo4j = neo4j;
        this.traces = traces;
        this.intake = intake;
        this.audit = audit;
    }

    /**
     * Drafts (or redrafts) the answer to an incoming request the analyst is working on, and moves
     * it to ANSWER_DRAFTED for approval. Only the assigned analyst or a supervisor drafts. A redraft
     * after approval, before the answer is sent, voids the approval: the new text goes back for review.
     */
    @PreAuthorize(ANALYSTS)
    @Transactional
    public TraceAnswer draft(String requestId, AnswerDraft draft) {
        TraceRequest t = traces.find(requestId).orElseThrow(() -> new TransitionRefused("trace.not-found"));
        if (t.direction() != Direction.INCOMING || (t.status() != TraceStatus.IN_PROGRESS
                && t.status() != TraceStatus.ANSWER_DRAFTED && t.status() != TraceStatus.APPROVED)) {
            throw new TransitionRefused("trace.not-answerable");
        }
        String me = AuditLog.currentActor();
        if (!me.equals(t.assignee()) && !Role.current(Role.Names.ADMIN, Role.Names.SUPERVISOR)) {
            throw new TransitionRefused("trace.not-your-request");
        }
        TraceAnswer answer = write(t, draft, me);
        if (t.status() == TraceStatus.IN_PROGRESS) {
            traces.move(t, TraceStatus.ANSWER_DRAFTED, null, me);
        } else if (t.status() == TraceStatus.APPROVED) {
            traces.voidApproval(t, answer.version(), me);
        } else {
            audit.record("trace.answer-redrafted", List.of("TraceRequest:" + t.id()), t.number() + ": version "
                    + answer.version());
        }
        return answer;
    }

    /** Records the partner's answer to one of our requests; the request is ANSWERED. */
    @PreAuthorize(ANALYSTS)
    @Transactional
    public TraceAnswer record(String requestId, AnswerDraft answer) {
        TraceRequest t = traces.find(requestId).orElseThrow(() -> new TransitionRefused("trace.not-found"));
        if (t.direction() != Direction.OUTGOING) {
            throw new TransitionRefused("trace.not-outgoing");
        }
        // Checked before anything is written, so a refused move leaves no answer behind.
        TraceLifecycle.check(t.direction(), t.status(), TraceStatus.ANSWERED, null);
        String me = AuditLog.currentActor();
        TraceAnswer recorded = write(t, answer, me);
        traces.move(t, TraceStatus.ANSWERED, "answer recorded: " + answer.outcome(), me);
        return recorded;
    }

    private TraceAnswer write(TraceRequest t, AnswerDraft d, String by) {
        if (d.firearmId() != null && !neo4j.query("RETURN EXISTS { MATCH (:Firearm {id: $id}) } AS ok")
                .bind(d.firearmId()).to("id").fetchAs(Boolean.class).one().orElse(false)) {
            throw new TransitionRefused("trace.no-such-firearm");
        }
        PointOfDiversion p = d.diversion();
        var props = CypherParams.of("outcome", d.outcome().name(), "findings", d.findings(), "firearmId", d.firearmId(),
                "draftedBy", by, "draftedAt", ZonedDateTime.now(ZoneOffset.UTC),
                "diversionCountry", p == null ? null : p.country(), "diversionDate", p == null ? null : p.date(),
                "diversionMethod", p == null ? null : p.method().name(), "diversionPlace", p == null ? null : p.place(),
                "diversionDetails", p == null ? null : p.details());
        // The request node is locked first, so two drafts at once get versions n and n+1.
        Node a = neo4j.query("""
                        MATCH (t:TraceRequest {id: $id})
                        SET t._lock = true REMOVE t._lock
                        WITH t, COUNT { (t)-[:HAS_ANSWER]->() } + 1 AS version
                        CREATE (t)-[:HAS_ANSWER]->(a:TraceAnswer {version: version})
                        SET a += $props
                        WITH t, a
                        OPTIONAL MATCH (f:Firearm {id: $props.firearmId})
                        FOREACH (_ IN CASE WHEN f IS NULL THEN [] ELSE [1] END | MERGE (t)-[:CONCERNS]->(f))
                        RETURN a
                        """)
                .bindAll(Map.of("id", t.id(), "props", props))
                .fetchAs(Node.class).mappedBy((x, r) -> r.get("a").asNode()).one().orElseThrow();
        TraceAnswer answer = toAnswer(a);
        audit.record("trace.answer-drafted", List.of("TraceRequest:" + t.id()), t.number() + ": version "
                + answer.version() + ", " + d.outcome() + (p == null ? "" : "; diverted in " + p.country() + " by "
                + p.method()));
        return answer;
    }

    /** The current answer (the newest version), if any. */
    @PreAuthorize(TraceRequests.DESK)
    @Transactional(readOnly = true)
    public Optional<TraceAnswer> current(String requestId) {
        return versions(requestId).stream().reduce((first, second) -> second);
    }

    /** Every version of the answer, oldest first. */
    @PreAuthorize(TraceRequests.DESK)
    @Transactional(readOnly = true)
    public List<TraceAnswer> versions(String requestId) {
        return neo4j.query("MATCH (:TraceRequest {id: $id})-[:HAS_ANSWER]->(a:TraceAnswer) RETURN a ORDER BY a.version")
                .bind(requestId).to("id").fetchAs(TraceAnswer.class).mappedBy((x, r) -> toAnswer(r.get("a").asNode()))
                .all().stream().toList();
    }

    /**
     * The analyst confirms that a weapon the registry check proposed is the one asked about: the
     * request then CONCERNS it (and the weapon's timeline shows the request).
     */
    @PreAuthorize(ANALYSTS)
    @Transactional
    public void confirmCandidate(String requestId, String firearmId) {
        TraceRequest t = traces.find(requestId).orElseThrow(() -> new TransitionRefused("trace.not-found"));
        long linked = neo4j.query("""
                        MATCH (t:TraceRequest {id: $id})-[:CANDIDATE]->(f:Firearm {id: $firearm})
                        MERGE (t)-[:CONCERNS]->(f)
                        RETURN count(f)
                        """)
                .bindAll(Map.of("id", requestId, "firearm", firearmId == null ? "" : firearmId))
                .fetchAs(Long.class).one().orElse(0L);
        if (linked == 0) {
            throw new TransitionRefused("trace.not-a-candidate");
        }
        audit.record("trace.candidate-confirmed", List.of("TraceRequest:" + requestId, "Firearm:" + firearmId),
                t.number() + " concerns " + firearmId);
        if (t.direction() == Direction.INCOMING) {
            events.publishEvent(new IncomingRequestLinked(requestId));
        }
    }

    /** The weapons a request concerns (confirmed, or the one an outgoing request started from). */
    @PreAuthorize(TraceRequests.DESK)
    @Transactional(readOnly = true)
    public List<String> concerns(String requestId) {
        return neo4j.query("MATCH (:TraceRequest {id: $id})-[:CONCERNS]->(f:Firearm) RETURN f.id ORDER BY f.id")
                .bind(requestId).to("id").fetchAs(String.class).all().stream().toList();
    }

    /**
     * What a partner sees of its own request: the status, the reason where the ITI requires one
     * (delayed, restricted, refused), and the approved answer once it has been sent.
     */
    public record PartnerView(TraceRequest request, String reason, TraceAnswer answer) {
    }

    @PreAuthorize("hasRole('PARTNER')")
    @Transactional
    public Optional<PartnerView> forPartner(String number) {
        // partnerRequest scopes to the caller's country and audits a look at another's.
        return intake.partnerRequest(number).map(t -> {
            String reason = TraceLifecycle.NEED_REASON.contains(t.status()) ? neo4j.query("""
                            MATCH (:TraceRequest {id: $id})-[:HAS_TRANSITION]->(x:TraceTransition {to: $status})
                            RETURN x.reason ORDER BY x.at DESC LIMIT 1
                            """).bindAll(Map.of("id", t.id(), "status", t.status().name()))
                    .fetchAs(String.class).one().orElse(null) : null;
            // Exactly the version sent; requests answered before versions were recorded, the newest approved one.
            TraceAnswer released = t.status() == TraceStatus.ANSWERED || t.status() == TraceStatus.RESTRICTED
                    ? neo4j.query("""
                            MATCH (t:TraceRequest {id: $id})-[:HAS_ANSWER]->(a:TraceAnswer)
                            WHERE a.version = t.sentVersion
                               OR (t.sentVersion IS NULL AND a.approvedAt IS NOT NULL AND a.voidedAt IS NULL)
                            RETURN a ORDER BY a.version DESC LIMIT 1
                            """).bind(t.id()).to("id").fetchAs(TraceAnswer.class)
                    .mappedBy((x, r) -> toAnswer(r.get("a").asNode())).one().orElse(null) : null;
            if (released != null) {
                // The findings may name the last legal holder: what goes abroad is a read like any other.
                reads.recordUnlisted(PersonalDataPath.TRACE_ANSWER_PARTNER, List.of("TraceRequest:" + t.id()),
                        "answer version " + released.version() + " read by the requesting partner");
            }
            return new PartnerView(t, reason, released);
        });
    }

    static TraceAnswer toAnswer(Node a) {
        Value country = a.get("diversionCountry");
        PointOfDiversion diversion = country.isNull() ? null : new PointOfDiversion(country.asString(),
                a.get("diversionDate").isNull() ? null : a.get("diversionDate").asLocalDate(),
                PointOfDiversion.Method.valueOf(a.get("diversionMethod").asString("UNKNOWN")),
                a.get("diversionPlace").asString(null), a.get("diversionDetails").asString(null));
        return new TraceAnswer(a.get("version").asInt(), TraceAnswer.Outcome.valueOf(a.get("outcome").asString()),
                a.get("findings").asString(), a.get("firearmId").asString(null), diversion,
                a.get("draftedBy").asString(), a.get("draftedAt").asZonedDateTime().toInstant(),
                a.get("approvedBy").asString(null),
                a.get("approvedAt").isNull() ? null : a.get("approvedAt").asZonedDateTime().toInstant(),
                a.get("voidedAt").isNull() ? null : a.get("voidedAt").asZonedDateTime().toInstant());
    }
}
