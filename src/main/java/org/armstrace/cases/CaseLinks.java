package org.armstrace.cases;

import static org.armstrace.graph.GraphValues.instant;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.armstrace.security.PersonalDataPath;
import org.armstrace.security.PersonalDataReads;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a case links, as {@code (record)-[:PART_OF {at, by}]->(:Case)}: recoveries, weapons, people,
 * organisations, trace requests, alerts and saved investigations. The link is this module's; the
 * records are their owners', matched here by label (from {@link LinkKind}, never from input) and id
 * to hang the link on them and to name them on the case's page (owners: graph-model/README.md).
 */
@Service
public class CaseLinks {

    static final String RECORDERS = "hasAnyRole('ADMIN','SUPERVISOR','ANALYST','INTAKE','FIELD_OFFICER')";

    private static final List<String> LABELS = Arrays.stream(LinkKind.values()).map(LinkKind::label).toList();

    private final Neo4jClient neo4j;
    private final Cases cases;
    private final CaseNumbers numbers;
    private final CaseAccess access;
    private final AuditLog audit;
    private final PersonalDataReads reads;
    private final ApplicationEventPublisher events;

    CaseLinks(Neo4jClient neo4j, Cases cases, CaseNumbers numbers, CaseAccess access, AuditLog audit,
              PersonalDataReads reads, ApplicationEventPublisher events) {
        this.neo4j = neo4j;
        this.cases = cases;
        this.numbers = numbers;
        this.access = access;
        this.audit = audit;
        this.reads = reads;
        this.events = events;
    }

    /** A case named by number or reference, and whether the caller may see it ({@link CaseAccess}). */
    private record Named(String number, boolean visible) {
    }

    /**
     * Adds a record to a case the caller sees. Intake officers may add trace requests only; adding
     * what is already linked changes nothing.
     */
    @PreAuthorize(Cases.PICKERS)
    @Transactional
    public CaseLink link(String number, LinkKind kind, String key) {
        if (!Cases.worker() && kind != LinkKind.TRACE_REQUEST) {
            throw new CaseRejected("cases.not-allowed");
        }
        Case c = cases.visible(number);
        return write(c.number(), kind, key);
    }

    /** Opens a new case on a record (a recovery, an alert, a trace request, a search result) and links it. */
    @PreAuthorize(Cases.WORKERS)
    @Transactional
    public Case openWith(Cases.NewCase newCase, LinkKind kind, String key) {
        exists(kind, key);
        Case c = cases.open(newCase);
        write(c.number(), kind, key);
        return c;
    }

    /**
     * Adds a record to the case a recovery or an alert names by number or by its free-text
     * reference, and opens a case under that reference when there is none. The caller need not be
     * able to open cases (a field officer names the case of a seizure without access to cases), but
     * a case restricted to a team is refused to anyone outside it, as every other read of a case is:
     * knowing its number must not be enough to add to it. Returns the case's number.
     */
    @PreAuthorize(RECORDERS)
    @Transactional
    public String join(String reference, LinkKind kind, String key) {
        String ref = Cases.text(reference, 100, "cases.bad-reference", true);
        exists(kind, key);
        String number = visibleByReference(ref);
        if (number == null) {
            Instant now = Instant.now();
            // Holding the counter's lock, look again: a case opened meanwhile under the same reference is joined,
            // and the number taken for nothing is given back, so numbers stay gapless.
            String taken = numbers.next(now);
            number = visibleByReference(ref);
            numbers.giveBack(now, taken);
            if (number == null) {
                String owner = Cases.worker() ? AuditLog.currentActor() : null;
                number = cases.create(ref, kind == LinkKind.ALERT ? CaseKind.INTELLIGENCE : CaseKind.SEIZURE, owner, null,
                        false, null, ref);
            }
        }
        write(number, kind, key);
        return number;
    }

    /**
     * What the case links, grouped by kind and newest first within a kind. Reading the people linked
     * to a case is audited with their names as entities, as every read of a person is.
     */
    @PreAuthorize(Cases.WORKERS)
    @Transactional
    public List<CaseLink> links(String number) {
        Case c = cases.visible(number);
        List<CaseLink> links = neo4j.query("""
                        MATCH (c:Case {number: $number})<-[p:PART_OF]-(x)
                        WITH p, x, [l IN labels(x) WHERE l IN $labels][0] AS label
                        WHERE label IS NOT NULL
                        RETURN label, x.id AS key, p.at AS at, p.by AS by, CASE label
                            WHEN 'Recovery' THEN x.kind + ' · ' + left(toString(x.at), 10)
                            WHEN 'Firearm' THEN trim(coalesce(x.makeAsRead, x.makeCode, '') + ' ' + coalesce(x.model, '')
                                                + ' ' + coalesce(x.serialAsRead, ''))
                            WHEN 'Person' THEN trim(coalesce(x.givenName, '') + ' ' + coalesce(x.familyName, ''))
                            WHEN 'Organisation' THEN x.name
                            WHEN 'TraceRequest' THEN x.number + ' · ' + x.status
                            WHEN 'Alert' THEN x.pattern + ' · ' + coalesce(x.subject, '')
                            ELSE x.name END AS name
                        ORDER BY label, at DESC, key LIMIT 2000""")
                .bindAll(CypherParams.of("number", c.number(), "labels", LABELS))
                .fetchAs(CaseLink.class).mappedBy((t, r) -> new CaseLink(LinkKind.ofLabel(r.get("label").asString()),
                        r.get("key").asString(), r.get("name").asString(""), instant(r.get("at")), r.get("by").asString(null)))
                .all().stream().sorted(Comparator.comparing(CaseLink::kind)).toList();
        List<String> people = links.stream().filter(l -> l.kind() == LinkKind.PERSON).map(CaseLink::key).toList();
        reads.record(PersonalDataPath.CASE_PEOPLE, List.of("Case:" + c.number()), people);
        return links;
    }

    /**
     * What the case links, as kind and id only (no names, so no person is shown and nothing is
     * audited): the seeds of the case's timeline, map and link chart.
     */
    @PreAuthorize(Cases.WORKERS)
    @Transactional(readOnly = true)
    public List<CaseLink> keys(String number) {
        Case c = cases.visible(number);
        return neo4j.query("""
                        MATCH (c:Case {number: $number})<-[p:PART_OF]-(x)
                        WITH p, x, [l IN labels(x) WHERE l IN $labels][0] AS label
                        WHERE label IS NOT NULL
                        RETURN label, x.id AS key, p.at AS at, p.by AS by ORDER BY label, at DESC, key LIMIT 2000""")
                .bindAll(CypherParams.of("number", c.number(), "labels", LABELS))
                .fetchAs(CaseLink.class).mappedBy((t, r) -> new CaseLink(LinkKind.ofLabel(r.get("label").asString()),
                        r.get("key").asString(), "", instant(r.get("at")), r.get("by").asString(null)))
                .all().stream().toList();
    }

    private CaseLink write(String number, LinkKind kind, String key) {
        Instant now = Instant.now();
        String by = AuditLog.currentActor();
        boolean created = neo4j.query("""
                        MATCH (c:Case {number: $number})
                        MATCH (x:%s {id: $key})
                        OPTIONAL MATCH (x)-[old:PART_OF]->(c)
                        WITH c, x, old IS NULL AS fresh
                        MERGE (x)-[p:PART_OF]->(c)
                        ON CREATE SET p.at = $now, p.by = $by
                        RETURN fresh""".formatted(kind.label())) // an allow-listed label (LinkKind), never input
                .bindAll(CypherParams.of("number", number, "key", key, "now", now.atZone(ZoneOffset.UTC),
                        "by", by))
                .fetchAs(Boolean.class).one().orElseThrow(() -> new CaseRejected("cases.no-such-record", kind, key));
        if (created) {
            audit.record("case.linked", List.of("Case:" + number, kind.label() + ":" + key), kind + " added");
            events.publishEvent(new CaseEvents.CaseLinked(number, kind, key, by));
        }
        return new CaseLink(kind, key, "", now, by);
    }

    private void exists(LinkKind kind, String key) {
        boolean found = neo4j.query("RETURN EXISTS { MATCH (x:%s {id: $key}) } AS found".formatted(kind.label()))
                .bindAll(CypherParams.of("key", String.valueOf(key)))
                .fetchAs(Boolean.class).one().orElse(false);
        if (!found) {
            throw new CaseRejected("cases.no-such-record", kind, key);
        }
    }

    /** The number of the case named, null when there is none; refused as "no such case" when the caller may not see it. */
    private String visibleByReference(String ref) {
        var params = access.params();
        params.put("ref", ref);
        Optional<Named> named = neo4j.query("""
                        OPTIONAL MATCH (a:Case {number: $ref})
                        OPTIONAL MATCH (b:Case {reference: $ref})
                        WITH coalesce(a, b) AS c WHERE c IS NOT NULL
                        RETURN c.number AS number, """ + CaseAccess.VISIBLE + " AS visible")
                .bindAll(params).fetchAs(Named.class)
                .mappedBy((t, r) -> new Named(r.get("number").asString(), r.get("visible").asBoolean())).one();
        if (named.isPresent() && !named.get().visible()) {
            throw new CaseRejected("cases.not-found", ref);
        }
        return named.map(Named::number).orElse(null);
    }
}
