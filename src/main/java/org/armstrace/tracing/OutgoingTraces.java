package org.armstrace.tracing;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.armstrace.graph.CypherParams;
import org.armstrace.recovery.Recoveries;
import org.armstrace.recovery.RecoveryCircumstances;
import org.armstrace.registry.Calibre;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.ReferenceData;
import org.armstrace.security.AuditLog;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Our requests to partners while we write them: started as a DRAFT (from a weapon in the graph or
 * typed in), edited while a draft, every earlier value kept in the audit chain. Sending and the
 * partner's answer are moves of the lifecycle ({@link TraceRequests}, {@link TraceAnswers}).
 */
@Service
public class OutgoingTraces {

    static final String ANALYSTS = "hasAnyRole('ADMIN','SUPERVISOR','ANALYST')";

    private final Neo4jClient neo4j;
    private final TraceRequests traces;
    private final TraceCreation creation;
    private final ReferenceData reference;
    private final FirearmRegistry firearms;
    private final Recoveries recoveries;
    private final ServiceLevels levels;
    private final AuditLog audit;

    OutgoingTraces(Neo4jClient neo4j, TraceRequests traces, TraceCreation creation, ReferenceData reference,
                   FirearmRegistry firearms, Recoveries recoveries, ServiceLevels levels, AuditLog audit) {
        this.neo4j = neo4j;
        this.traces = traces;
        this.creation = creation;
        this.reference = reference;
        this.firearms = firearms;
        this.recoveries = recoveries;
        this.levels = levels;
        this.audit = audit;
    }

    /** Starts an outgoing request as a DRAFT, numbered at once so that it can be referred to. */
    @PreAuthorize(ANALYSTS)
    @Transactional
    public TraceRequest draft(NewTraceRequest request) {
        if (request.direction() != Direction.OUTGOING) {
            throw new TransitionRefused("trace.not-outgoing");
        }
        return creation.create(request);
    }

    /**
     * An outgoing request filled from the graph for a weapon: its identification as registered
     * (type, make, model, calibre and serial as read, country of manufacture) and the circumstances
     * of its latest recovery. The requested country defaults to the country of manufacture. The
     * analyst completes why it is illicit, the legal basis and the intended use.
     */
    @PreAuthorize(ANALYSTS)
    @Transactional(readOnly = true)
    public Optional<NewTraceRequest> outgoingFor(String firearmId) {
        return firearms.find(firearmId).map(f -> {
            String type = reference.resolveFirearmType(f.typeCode()).map(x -> x.name(Locale.ENGLISH))
                    .orElse(f.typeCode());
            String calibre = reference.resolveCalibre(f.calibreCode()).map(Calibre::name).orElse(f.calibreCode());
            String made = f.countryOfManufacture() == null ? null : f.countryOfManufacture().toUpperCase(Locale.ROOT);
            String to = traces.isCounterpart(made) ? made : null;
            return new NewTraceRequest(Direction.OUTGOING, to, null, Priority.ROUTINE, type, f.makeAsRead(), f.model(),
                    calibre, f.serialAsRead(), f.countryOfManufacture(), null, null, null,
                    recoveries.circumstancesFor(firearmId).map(this::inWords).orElse(null),
                    NewTraceRequest.Channel.MANUAL, null, firearmId);
        });
    }

    /** The latest recovery of a weapon, in words: kind, date, place and what happened. */
    String inWords(RecoveryCircumstances r) {
        var text = new StringBuilder(String.valueOf(r.kind())).append(" on ")
                .append(r.at() == null ? "unknown date"
                        : r.at().atZone(levels.zone()).format(DateTimeFormatter.ISO_LOCAL_DATE));
        if (r.municipality() != null) {
            text.append(" in ").append(r.municipality());
        }
        if (r.latitude() != null) {
            text.append(String.format(Locale.ROOT, " (%.5f, %.5f)", r.latitude(), r.longitude()));
        }
        if (r.caseReference() != null) {
            text.append(", case ").append(r.caseReference());
        }
        if (r.circumstances() != null) {
            text.append(". ").append(r.circumstances());
        }
        return text.toString();
    }

    /**
     * Changes an outgoing request while it is a DRAFT. The earlier values stay in the audit chain,
     * field by field; the number, the weapon it concerns and the history stay as they were.
     */
    @PreAuthorize(ANALYSTS)
    @Transactional
    public TraceRequest updateDraft(String id, NewTraceRequest r) {
        TraceRequest current = traces.find(id).orElseThrow(() -> new TransitionRefused("trace.not-found"));
        if (current.direction() != Direction.OUTGOING || current.status() != TraceStatus.DRAFT) {
            throw new TransitionRefused("trace.not-a-draft");
        }
        traces.checkCounterpart(r);
        Map<String, Object> before = TraceRequestRows.content(NewTraceRequest.of(current));
        Map<String, Object> after = TraceRequestRows.content(r);
        var changes = before.entrySet().stream().filter(e -> !Objects.equals(e.getValue(), after.get(e.getKey())))
                .map(e -> e.getKey() + ": " + e.getValue() + " → " + after.get(e.getKey())).toList();
        if (changes.isEmpty()) {
            return current;
        }
        long updated = neo4j.query("""
                        MATCH (t:TraceRequest {id: $id}) WHERE t.status = 'DRAFT'
                        SET t += $after, t.dueAt = $due
                        RETURN count(t)
                        """)
                .bindAll(CypherParams.of("id", id, "after", after,
                        "due", levels.due(current.receivedAt(), r.priority()).atZone(ZoneOffset.UTC)))
                .fetchAs(Long.class).one().orElse(0L);
        if (updated == 0) {
            throw new TransitionRefused("trace.changed-meanwhile");
        }
        audit.record("trace.draft-edited", List.of("TraceRequest:" + id), current.number() + "; "
                + String.join("; ", changes));
        return traces.find(id).orElseThrow();
    }
}
