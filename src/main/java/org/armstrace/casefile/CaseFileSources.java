package org.armstrace.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.armstrace.cases.Case;
import org.armstrace.cases.CaseAttachments;
import org.armstrace.cases.CaseLink;
import org.armstrace.cases.CaseLinks;
import org.armstrace.cases.LinkKind;
import org.armstrace.graph.CypherParams;
import org.armstrace.registry.Firearm;
import org.armstrace.registry.FirearmRegistry;
import org.armstrace.registry.FirearmTimeline;
import org.armstrace.registry.Photos;
import org.armstrace.registry.TimelineEntry;
import org.armstrace.security.AuditEvent;
import org.armstrace.security.AuditLog;
import org.armstrace.tracing.TraceAnswer;
import org.armstrace.tracing.TraceAnswers;
import org.armstrace.tracing.TraceRequest;
import org.armstrace.tracing.TraceRequests;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Everything a case file holds, read through the owners' services: the case's links (cases), each
 * weapon with its chain of custody and photos (registry), each trace request with its answer
 * (tracing), the attachments and the audit trail of the case.
 *
 * <p>Two questions are asked in this module's own Cypher, because each is one bounded traversal
 * from the case that no owner's service answers (owners: graph-model/README.md): which weapons are
 * in the case (linked, recovered in a linked recovery, or the registered weapon one of those was
 * identified as), and in what role each person is in it (linked, found in possession at a linked
 * recovery, holding a licence that covers one of its weapons, a party to a transfer of one).
 */
@Component
class CaseFileSources {

    /** At most this many weapons, people and audit events in one file: a case file is read by a person. */
    static final int MAX_ROWS = 500;

    /** How a weapon is in the case: {@code how} is LINKED, RECOVERED or IDENTIFIED. */
    record Weapon(Firearm firearm, String how, List<TimelineEntry> custody, List<Photos.Photo> photos) {
    }

    /** A role: {@code kind} names a translation ({@code casefile.role.<kind>}), {@code what} the record it is through. */
    record Role(String kind, String what) {
    }

    record PersonInCase(String id, String name, LocalDate born, List<Role> roles) {
    }

    record Trace(TraceRequest request, Optional<TraceAnswer> answer) {
    }

    record Sources(Case c, List<CaseLink> links, List<Weapon> weapons, List<PersonInCase> people, List<Trace> traces,
                   List<CaseAttachments.Attachment> attachments, List<AuditEvent> audit) {
    }

    private final Neo4jClient neo4j;
    private final CaseLinks links;
    private final CaseAttachments attachments;
    private final FirearmRegistry firearms;
    private final FirearmTimeline timeline;
    private final Photos photos;
    private final TraceRequests traces;
    private final TraceAnswers answers;
    private final AuditLog audit;

    CaseFileSources(Neo4jClient neo4j, CaseLinks links, CaseAttachments attachments, FirearmRegistry firearms,
                    FirearmTimeline timeline, Photos photos, TraceRequests traces, TraceAnswers answers, AuditLog audit) {
        this.neo4j = neo4j;
        this.links = links;
        this.attachments = attachments;
        this.firearms = firearms;
        this.timeline = timeline;
        this.photos = photos;
        this.traces = traces;
        this.answers = answers;
        this.audit = audit;
    }

    /** Reads it all; the caller's transaction must be writable, as reading people and timelines is audited. */
    Sources of(Case c) {
        List<CaseLink> linked = links.links(c.number());
        var weapons = weaponIds(c.number()).stream().map(w -> firearms.find(w[0])
                        .map(f -> new Weapon(f, w[1], timeline.of(f.id()), photos.list(f.id()))))
                .flatMap(Optional::stream).toList();
        var trace = linked.stream().filter(l -> l.kind() == LinkKind.TRACE_REQUEST)
                .map(l -> traces.find(l.key()).map(t -> new Trace(t, answers.current(t.id()))))
                .flatMap(Optional::stream).toList();
        // The events of the case from the start: the file says how the case came to be as it is.
        List<AuditEvent> events = audit.about("Case:" + c.number(), MAX_ROWS);
        return new Sources(c, linked, weapons, people(c.number()), trace, attachments.list(c.number()), events);
    }

    /** The ids of the case's weapons with how each is in it, linked ones first. */
    private List<String[]> weaponIds(String number) {
        return neo4j.query("""
                        MATCH (c:Case {number: $number})
                        CALL (c) {
                            MATCH (f:Firearm)-[:PART_OF]->(c) RETURN f, 0 AS rank
                            UNION
                            MATCH (r:Recovery)-[:PART_OF]->(c), (r)-[:RECOVERED]->(f:Firearm)
                            RETURN f, 1 AS rank
                            UNION
                            MATCH (r:Recovery)-[:PART_OF]->(c), (r)-[:RECOVERED]->(:Firearm)-[:IDENTIFIED_AS]->(f:Firearm)
                            RETURN f, 2 AS rank
                        }
                        WITH f, min(rank) AS rank
                        RETURN f.id AS id, ['LINKED', 'RECOVERED', 'IDENTIFIED'][rank] AS how
                        ORDER BY rank, f.recordedAt, id LIMIT $max""")
                .bindAll(CypherParams.of("number", number, "max", MAX_ROWS))
                .fetchAs(String[].class).mappedBy((t, r) -> new String[]{r.get("id").asString(), r.get("how").asString()})
                .all().stream().toList();
    }

    /** The people of the case and their roles in it. */
    private List<PersonInCase> people(String number) {
        return neo4j.query("""
                        MATCH (c:Case {number: $number})
                        CALL (c) {
                            MATCH (p:Person)-[:PART_OF]->(c) RETURN p, 'LINKED' AS kind, '' AS what
                            UNION
                            MATCH (p:Person)-[:POSSESSED]->(r:Recovery)-[:PART_OF]->(c)
                            RETURN p, 'POSSESSOR' AS kind, r.kind + ' ' + left(toString(r.at), 10) AS what
                            UNION
                            MATCH (c)<-[:PART_OF]-(x) WHERE x:Firearm OR x:Recovery
                            MATCH (x)-[:RECOVERED|IDENTIFIED_AS*0..2]->(f:Firearm)<-[:COVERS]-(l:Licence)<-[:HOLDS]-(p:Person)
                            RETURN p, 'LICENCE_HOLDER' AS kind, l.number + ' · ' + %1$s AS what
                            UNION
                            MATCH (c)<-[:PART_OF]-(x) WHERE x:Firearm OR x:Recovery
                            MATCH (x)-[:RECOVERED|IDENTIFIED_AS*0..2]->(f:Firearm)<-[:OF]-(t:Transfer)-[rel:FROM|TO]->(p:Person)
                            RETURN p, 'TRANSFER_' + type(rel) AS kind, t.kind + ' ' + toString(t.date) + ' · ' + %1$s AS what
                        }
                        WITH p, collect(DISTINCT {kind: kind, what: what})[..20] AS roles
                        RETURN p.id AS id, trim(coalesce(p.givenName, '') + ' ' + coalesce(p.familyName, '')) AS name,
                               p.birthDate AS born, roles
                        ORDER BY name, id LIMIT $max""".formatted(
                        "trim(coalesce(f.makeAsRead, '') + ' ' + coalesce(f.model, '') + ' ' + coalesce(f.serialAsRead, ''))"))
                .bindAll(CypherParams.of("number", number, "max", MAX_ROWS))
                .fetchAs(PersonInCase.class).mappedBy((t, r) -> new PersonInCase(r.get("id").asString(),
                        r.get("name").asString(""), r.get("born").isNull() ? null : r.get("born").asLocalDate(),
                        r.get("roles").asList(v -> new Role(v.get("kind").asString(), v.get("what").asString("")))))
                .all().stream().toList();
    }
}
