package org.armstrace.tracing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.armstrace.registry.NewPerson;
import org.armstrace.security.AuditLog;
import org.armstrace.security.PartnerScope;
import org.armstrace.security.Role;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners' requests coming in, by any channel (API, workbook, typed in at the desk), and a
 * partner's own view of them. A partner only ever sees the requests its own country sent.
 */
@Service
public class TraceIntake {

    private final Neo4jClient neo4j;
    private final TraceCreation creation;
    private final AuditLog audit;
    private final TracePeople tracePeople;

    TraceIntake(Neo4jClient neo4j, TraceCreation creation, AuditLog audit, TracePeople tracePeople) {
        this.neo4j = neo4j;
        this.creation = creation;
        this.audit = audit;
        this.tracePeople = tracePeople;
    }

    /**
     * Takes in a partner's request (any intake channel): validated, numbered, acknowledged, given a
     * due date by priority and assigned to the analyst with the lightest workload, in one
     * transaction. A retry with the same idempotency key returns the first request; the same key
     * with a different content is refused.
     */
    @PreAuthorize(TraceRequests.DESK + " or hasRole('PARTNER')")
    @Transactional
    public TraceRequest receive(NewTraceRequest request) {
        return receive(request, List.of());
    }

    /**
     * As {@link #receive(NewTraceRequest)}, with the people the request names, each matched against
     * the registry's people in the same transaction ({@link TracePeople}): a sure match is linked, an
     * unsure one registered and put to the review queue.
     */
    @PreAuthorize(TraceRequests.DESK + " or hasRole('PARTNER')")
    @Transactional
    public TraceRequest receive(NewTraceRequest request, List<NewPerson> people) {
        if (request.direction() != Direction.INCOMING) {
            throw new TransitionRefused("trace.not-incoming");
        }
        // A partner speaks for its own country only, whatever the body says.
        boolean partner = Role.current(Role.Names.PARTNER);
        if (partner && !PartnerScope.country().map(c -> c.equals(request.counterpart())).orElse(false)) {
            throw new TransitionRefused("trace.not-your-country");
        }
        ItiContent.require(request);
        TraceRequest created = creation.create(request);
        tracePeople.link(created, people);
        return created;
    }

    /** The people a request names, as linked to the registry's records (ids). */
    @PreAuthorize(TraceRequests.DESK)
    @Transactional(readOnly = true)
    public List<String> peopleOf(String requestId) {
        return neo4j.query("MATCH (:TraceRequest {id: $id})-[:NAMES]->(p:Person) RETURN p.id ORDER BY p.id")
                .bind(requestId).to("id").fetchAs(String.class).all().stream().toList();
    }

    /**
     * Takes in several partner requests at once (a workbook), all or none: one failure rolls every
     * one of them back, numbers included. Each carries its own idempotency key, so the same
     * workbook uploaded twice yields the same requests, not twice as many.
     */
    @PreAuthorize(TraceRequests.DESK)
    @Transactional
    public List<TraceRequest> receiveAll(List<NewTraceRequest> requests) {
        return receiveAll(requests, requests.stream().map(r -> List.<NewPerson>of()).toList());
    }

    /** As {@link #receiveAll(List)}, each request with the people it names ({@code people}, in the same order). */
    @PreAuthorize(TraceRequests.DESK)
    @Transactional
    public List<TraceRequest> receiveAll(List<NewTraceRequest> requests, List<List<NewPerson>> people) {
        for (NewTraceRequest r : requests) {
            if (r.direction() != Direction.INCOMING) {
                throw new TransitionRefused("trace.not-incoming");
            }
            ItiContent.require(r);
        }
        var created = new ArrayList<TraceRequest>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            TraceRequest t = creation.create(requests.get(i));
            tracePeople.link(t, people.get(i));
            created.add(t);
        }
        return created;
    }

    /**
     * A partner's own request, by number. Another country's request, or an outgoing one, does not
     * exist for a partner (the API answers 404), and the attempt is audited.
     */
    @PreAuthorize("hasRole('PARTNER')")
    @Transactional
    public Optional<TraceRequest> partnerRequest(String number) {
        String country = PartnerScope.country().orElseThrow(() -> new TransitionRefused("trace.not-your-country"));
        Optional<TraceRequest> found = neo4j.query("MATCH (t:TraceRequest {number: $number}) RETURN t")
                .bind(number == null ? "" : number).to("number")
                .fetchAs(TraceRequest.class).mappedBy((x, r) -> TraceRequestRows.of(r.get("t").asNode())).one();
        if (found.isPresent() && (found.get().direction() != Direction.INCOMING
                || !found.get().counterpart().equals(country))) {
            audit.record("trace.partner-denied", List.of("TraceRequest:" + found.get().id()),
                    "partner " + country + " asked for " + found.get().number());
            return Optional.empty();
        }
        return found;
    }

    /** A partner's own requests, newest first. */
    @PreAuthorize("hasRole('PARTNER')")
    @Transactional(readOnly = true)
    public List<TraceRequest> partnerRequests(int offset, int limit) {
        String country = PartnerScope.country().orElseThrow(() -> new TransitionRefused("trace.not-your-country"));
        return neo4j.query("MATCH (t:TraceRequest {direction: 'INCOMING', counterpart: $country}) "
                        + "RETURN t ORDER BY t.receivedAt DESC, t.number DESC SKIP $offset LIMIT $limit")
                .bindAll(Map.of("country", country, "offset", Math.max(0, offset), "limit", Math.clamp(limit, 1, 200)))
                .fetchAs(TraceRequest.class).mappedBy((x, r) -> TraceRequestRows.of(r.get("t").asNode()))
                .all().stream().toList();
    }
}
