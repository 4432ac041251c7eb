package org.armstrace.intelligence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.armstrace.graph.CypherParams;
import org.armstrace.security.AuditLog;
import org.armstrace.security.PersonalDataPath;
import org.armstrace.security.PersonalDataReads;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The link chart's questions to the graph: the neighbours of an entity (typed, capped and paged,
 * so a hub with a hundred thousand links answers as fast as a leaf) and the shortest paths between
 * two entities (bounded in hops, typed, never exhaustive). Only entities (see {@link EntityRef.Kind})
 * and the relationships between them are shown; markings, places, versions and audit events are
 * not entities of an investigation. Every question is audited, since its answer names people.
 */
@Service
public class LinkAnalysis {

    static final String ANALYSTS = "hasAnyRole('ADMIN','SUPERVISOR','ANALYST')";

    /** The relationships between entities an analyst may follow. */
    public static final Set<String> TYPES = Set.of("MADE_BY", "HOLDS", "COVERS", "OF", "FROM", "TO", "RECOVERED",
            "PART_OF", "POSSESSED", "IDENTIFIED_AS", "CONCERNS", "RESEMBLES_REPORTED", "SAME_AS");
    public static final int MAX_PAGE = 200;
    public static final int MAX_HOPS = 6;
    public static final int MAX_PATHS = 5;
    /** A neighbourhood: at most this many links followed from any one entity, so hubs cost what leaves cost. */
    public static final int FAN_OUT = 20;

    /** The entity labels, for the queries' captions. */
    static final List<String> LABELS = Arrays.stream(EntityRef.Kind.values()).map(EntityRef.Kind::label).toList();

    static final String NODE = """
            {ref: CASE
                    WHEN n:Case THEN 'Case:' + n.reference
                    ELSE [l IN labels(n) WHERE l IN $labels][0] + ':' + n.id END,
             kind: [l IN labels(n) WHERE l IN $labels][0],
             caption: CASE
                    WHEN n:Firearm THEN coalesce(n.makeAsRead + ' ', '') + coalesce(n.model + ' ', '') + coalesce(n.serialAsRead, '')
                    WHEN n:Person THEN n.givenName + ' ' + n.familyName
                    WHEN n:Organisation THEN n.name
                    WHEN n:Licence THEN n.number
                    WHEN n:Transfer THEN n.kind + ' ' + toString(n.date)
                    WHEN n:Recovery THEN n.kind + ' ' + toString(date(n.at))
                    WHEN n:Case THEN n.reference
                    WHEN n:TraceRequest THEN n.number
                    WHEN n:LostStolenReport THEN n.kind + ' ' + coalesce(toString(n.occurredOn), '')
                    ELSE '' END,
             date: CASE WHEN n:Recovery OR n:Transfer OR n:LostStolenReport OR n:TraceRequest OR n:Licence
                    THEN toString(date(coalesce(n.at, n.date, n.occurredOn, n.receivedAt, n.validFrom))) END}""";

    private final Neo4jClient neo4j;
    private final AuditLog audit;
    private final PersonalDataReads reads;

    LinkAnalysis(Neo4jClient neo4j, AuditLog audit, PersonalDataReads reads) {
        this.neo4j = neo4j;
        this.audit = audit;
        this.reads = reads;
    }

    /**
     * The audit entities of a chart read: what it started from, then the people it shows (bounded,
     * {@link PersonalDataReads#MAX_PEOPLE}), so that each person's trail lists who saw them on a chart.
     */
    static List<String> shown(List<String> about, Collection<LinkGraph.Entity> entities) {
        return PersonalDataReads.entities(about, people(entities));
    }

    private static List<String> people(Collection<LinkGraph.Entity> entities) {
        return entities.stream().map(LinkGraph.Entity::ref)
                .filter(r -> r != null && r.startsWith("Person:")).map(r -> r.substring("Person:".length())).toList();
    }

    /**
     * The analyst downloads the chart as a workbook ({@link LinkChartWorkbook}): the people in it
     * have left the application, so the export is audited by itself.
     */
    @PreAuthorize(ANALYSTS)
    @Transactional
    public void exported(LinkGraph graph) {
        reads.record(PersonalDataPath.CHART_EXPORT, people(graph.entities()));
    }

    /**
     * The entity and a page of its neighbours along the given relationship types (all when empty),
     * with how many more there are.
     */
    @PreAuthorize(ANALYSTS)
    @Transactional
    public LinkGraph expand(EntityRef ref, Set<String> types, int offset, int limit) {
        List<String> allowed = types(types);
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IntelligenceRejected("intelligence.bad-page");
        }
        String query = expandQuery(ref);
        var result = neo4j.query(query)
                .bindAll(CypherParams.of("aKey", ref.key(), "types", allowed, "offset", offset, "limit", limit,
                        "labels", LABELS))
                .fetchAs(Record.class).mappedBy((t, r) -> r).one();
        if (result.isEmpty()) {
            throw new IntelligenceRejected("intelligence.no-such-entity");
        }
        Record row = result.get();
        List<Value> nodes = row.get("nodes").asList(v -> v);
        var entities = new LinkedHashMap<String, LinkGraph.Entity>();
        nodes.forEach(n -> entities.putIfAbsent(n.get("ref").asString(), entity(n)));
        var links = new ArrayList<LinkGraph.Link>();
        List<Value> found = row.get("links").asList(v -> v);
        for (int i = 0; i < found.size(); i++) {
            String other = nodes.get(i + 1).get("ref").asString();
            boolean outgoing = found.get(i).get("from").asBoolean();
            links.add(new LinkGraph.Link(outgoing ? ref.toString() : other, outgoing ? other : ref.toString(),
                    found.get(i).get("type").asString()));
        }
        long total = row.get("total").asLong();
        audit.record("intelligence.expanded", shown(List.of(ref.toString()), entities.values()),
                (entities.size() - 1) + " of " + total
                + " neighbour(s) from " + offset);
        return new LinkGraph(List.copyOf(entities.values()), links, Math.max(0, total - offset - (nodes.size() - 1)));
    }

    /**
     * Up to {@code paths} shortest paths from one entity to another along the given relationship
     * types, at most {@code hops} long; empty when there is none within that bound. With no types
     * chosen, every type but {@code MADE_BY} is followed: a maker joins every weapon it made, so a
     * path through it says nothing, and searching through a maker of 100,000 weapons is the costly
     * part of a search that finds nothing. Choosing {@code MADE_BY} explicitly still follows it.
     */
    @PreAuthorize(ANALYSTS)
    @Transactional
    public List<LinkGraph> shortestPaths(EntityRef from, EntityRef to, Set<String> types, int hops, int paths) {
        List<String> allowed = types == null || types.isEmpty()
                ? TYPES.stream().filter(t -> !t.equals("MADE_BY")).sorted().toList() : types(types);
        if (hops < 1 || hops > MAX_HOPS || paths < 1 || paths > MAX_PATHS) {
            throw new IntelligenceRejected("intelligence.bad-bound");
        }
        if (from.equals(to)) {
            throw new IntelligenceRejected("intelligence.same-entity");
        }
        String query = pathQuery(from, to, allowed, hops, paths);
        var found = new ArrayList<LinkGraph>();
        neo4j.query(query)
                .bindAll(CypherParams.of("aKey", from.key(), "bKey", to.key(), "types", allowed, "labels", LABELS))
                .fetchAs(Void.class).mappedBy((t, r) -> {
                    List<Value> nodes = r.get("nodes").asList(v -> v);
                    List<String> ids = r.get("ids").asList(Value::asString);
                    var entities = new ArrayList<LinkGraph.Entity>();
                    nodes.forEach(n -> entities.add(entity(n)));
                    var links = new ArrayList<LinkGraph.Link>();
                    List<Value> rels = r.get("links").asList(v -> v);
                    for (int i = 0; i < rels.size(); i++) {
                        boolean forward = rels.get(i).get("from").asString().equals(ids.get(i));
                        String a = entities.get(i).ref();
                        String b = entities.get(i + 1).ref();
                        links.add(new LinkGraph.Link(forward ? a : b, forward ? b : a, rels.get(i).get("type").asString()));
                    }
                    found.add(new LinkGraph(entities, links, 0));
                    return null;
                }).all();
        audit.record("intelligence.paths", shown(List.of(from.toString(), to.toString()),
                found.stream().flatMap(g -> g.entities().stream()).toList()), found.size() + " path(s) within "
                + hops + " hop(s)");
        return found;
    }

    /**
     * The entity and what lies within {@code hops} (1–4) steps of it along the given types, nearest
     * first: breadth first, following at most {@link #FAN_OUT} links from any one entity and
     * stopping at {@link #MAX_PAGE} entities. {@code more} is how many entities had links left
     * unfollowed, so the analyst knows where expanding would show more.
     */
    @PreAuthorize(ANALYSTS)
    @Transactional
    public LinkGraph neighbourhood(EntityRef ref, Set<String> types, int hops) {
        List<String> allowed = types(types);
        if (hops < 1 || hops > 4) {
            throw new IntelligenceRejected("intelligence.bad-bound");
        }
        var start = neo4j.query("MATCH " + ref.cypherMatch("a") + " WITH a AS n RETURN elementId(n) AS element, " + NODE
                        + " AS node")
                .bindAll(CypherParams.of("aKey", ref.key(), "labels", LABELS))
                .fetchAs(Record.class).mappedBy((t, r) -> r).one()
                .orElseThrow(() -> new IntelligenceRejected("intelligence.no-such-entity"));
        var entities = new LinkedHashMap<String, LinkGraph.Entity>();
        var byElement = new HashMap<String, String>();
        LinkGraph.Entity first = entity(start.get("node"));
        entities.put(first.ref(), first);
        byElement.put(start.get("element").asString(), first.ref());
        var links = new LinkedHashSet<LinkGraph.Link>();
        List<String> frontier = List.of(start.get("element").asString());
        long capped = 0;
        for (int hop = 0; hop < hops && !frontier.isEmpty() && entities.size() < MAX_PAGE; hop++) {
            var next = new ArrayList<String>();
            var rows = neo4j.query(NEIGHBOURS).bindAll(CypherParams.of("frontier", frontier, "types", allowed,
                    "fan", FAN_OUT, "labels", LABELS)).fetchAs(Record.class).mappedBy((t, r) -> r).all();
            for (Record r : rows) {
                capped += r.get("capped").asBoolean() ? 1 : 0;
                for (Value hit : r.get("hits").asList(v -> v)) {
                    String element = hit.get("element").asString();
                    String other = byElement.get(element);
                    if (other == null) {
                        if (entities.size() >= MAX_PAGE) {
                            continue;
                        }
                        LinkGraph.Entity x = entity(hit.get("node"));
                        entities.put(x.ref(), x);
                        byElement.put(element, x.ref());
                        next.add(element);
                        other = x.ref();
                    }
                    String from = byElement.get(r.get("from").asString());
                    boolean outgoing = hit.get("out").asBoolean();
                    links.add(new LinkGraph.Link(outgoing ? from : other, outgoing ? other : from, hit.get("type").asString()));
                }
            }
            frontier = next;
        }
        audit.record("intelligence.neighbourhood", shown(List.of(ref.toString()), entities.values()), entities.size() + " entities within " + hops
                + " hop(s)");
        return new LinkGraph(List.copyOf(entities.values()), List.copyOf(links), capped);
    }

    // One step out from each entity of the frontier, at most $fan links each (one more is read to
    // tell whether any were left).
    static final String NEIGHBOURS = """
            UNWIND $frontier AS id
            MATCH (x) WHERE elementId(x) = id
            WITH x, COLLECT {
                MATCH (x)-[r]-(n) WHERE type(r) IN $types AND (%s)
                RETURN {element: elementId(n), out: startNode(r) = x, type: type(r), node: %s} LIMIT $fan + 1
            } AS hits
            RETURN elementId(x) AS from, hits[..$fan] AS hits, size(hits) > $fan AS capped
            """.formatted(isEntity("n"), NODE);

    /**
     * The given entities (at most {@link #MAX_PAGE}) and every link among them along the given
     * types: an alert's evidence, or a saved canvas, drawn as it was. Entities that no longer
     * exist are left out.
     */
    @PreAuthorize(ANALYSTS)
    @Transactional
    public LinkGraph subgraph(Collection<EntityRef> refs, Set<String> types, String why) {
        List<String> allowed = types(types);
        if (refs.size() > MAX_PAGE) {
            throw new IntelligenceRejected("intelligence.bad-page");
        }
        var params = refParams(refs);
        params.putAll(CypherParams.of("types", allowed, "labels", LABELS));
        Record row = neo4j.query(SUBGRAPH).bindAll(params).fetchAs(Record.class).mappedBy((t, r) -> r).one().orElseThrow();
        var entities = new ArrayList<LinkGraph.Entity>();
        var byElement = new HashMap<String, String>();
        for (Value n : row.get("nodes").asList(v -> v)) {
            LinkGraph.Entity x = entity(n.get("node"));
            entities.add(x);
            byElement.put(n.get("element").asString(), x.ref());
        }
        var links = new ArrayList<LinkGraph.Link>();
        for (Value l : row.get("links").asList(v -> v)) {
            links.add(new LinkGraph.Link(byElement.get(l.get("from").asString()), byElement.get(l.get("to").asString()),
                    l.get("type").asString()));
        }
        // The first entities say what was opened; every person shown is named, up to the bound.
        var about = entities.stream().map(LinkGraph.Entity::ref).filter(r -> r != null && !r.startsWith("Person:"))
                .limit(20).toList();
        audit.record("intelligence.opened", shown(about, entities),
                entities.size() + " entities, " + links.size() + " link(s): " + why);
        return new LinkGraph(entities, links, 0);
    }

    /**
     * The entities named in {@link #refParams} as {@code n}, one row each: one branch per kind, with
     * labels and key properties from the enum; the keys are parameters.
     */
    static final String MATCH_REFS = "CALL {\n" + Arrays.stream(EntityRef.Kind.values())
            .map(k -> "    UNWIND $k" + k.label + " AS key MATCH (n:" + k.label + " {" + k.keyProperty + ": key}) RETURN n")
            .collect(Collectors.joining("\n    UNION\n")) + "\n}\n";

    static Map<String, Object> refParams(Collection<EntityRef> refs) {
        var params = new HashMap<String, Object>();
        for (EntityRef.Kind kind : EntityRef.Kind.values()) {
            params.put("k" + kind.label, refs.stream().filter(r -> r.kind() == kind).map(EntityRef::key).distinct().toList());
        }
        return params;
    }

    static final String SUBGRAPH = MATCH_REFS + """
            WITH collect(n) AS ns
            RETURN [n IN ns | {element: elementId(n), node: %s}] AS nodes,
                   COLLECT { UNWIND ns AS a MATCH (a)-[r]->(b) WHERE type(r) IN $types AND b IN ns
                             RETURN {from: elementId(a), to: elementId(b), type: type(r)} } AS links
            """.formatted(NODE);

    static String expandQuery(EntityRef ref) {
        String entity = isEntity("m");
        return "MATCH " + ref.cypherMatch("a") + """

                // A subquery expression, not CALL: a page past the end is empty, and the entity still answers.
                WITH a, COLLECT {
                    MATCH (a)-[r]-(m) WHERE type(r) IN $types AND (%s)
                    RETURN {r: r, m: m} ORDER BY elementId(m), elementId(r) SKIP $offset LIMIT $limit
                } AS page
                RETURN [n IN [a] + [x IN page | x.m] | %s] AS nodes,
                       [x IN page | {from: startNode(x.r) = a, type: type(x.r)}] AS links,
                       COUNT { (a)-[r]-(m) WHERE type(r) IN $types AND (%s) } AS total
                """.formatted(entity, NODE, entity);
    }

    static String pathQuery(EntityRef from, EntityRef to, List<String> types, int hops, int paths) {
        // Both bounds are validated integers: Cypher 5 takes no parameter in a quantifier or after SHORTEST.
        // The types are written into the pattern, not filtered afterwards, so that a dense node's
        // relationships are read by type; they are names from TYPES, checked before this is called.
        if (!TYPES.containsAll(types) || types.isEmpty()) {
            throw new IntelligenceRejected("intelligence.bad-type");
        }
        // Both ends are looked up by key before the search, so that it runs from both sides at once (Into).
        return "MATCH " + from.cypherMatch("a") + "\nMATCH " + to.cypherMatch("b") + "\nMATCH p = SHORTEST " + paths
                + " (a)(()-[r:" + String.join("|", types) + "]-()){1," + hops + "}(b)" + """

                RETURN [n IN nodes(p) | %s] AS nodes,
                       [x IN relationships(p) | {from: elementId(startNode(x)), type: type(x)}] AS links,
                       [n IN nodes(p) | elementId(n)] AS ids
                """.formatted(NODE);
    }

    private static List<String> types(Set<String> types) {
        if (types == null || types.isEmpty()) {
            return List.copyOf(TYPES);
        }
        if (!TYPES.containsAll(types)) {
            throw new IntelligenceRejected("intelligence.bad-type");
        }
        return List.copyOf(types);
    }

    /** Whether the node in this variable is an entity: it carries one of the entity labels (from the enum, not input). */
    static String isEntity(String variable) {
        return LABELS.stream().map(l -> variable + ":" + l).collect(Collectors.joining(" OR "));
    }

    static LinkGraph.Entity entity(Value n) {
        String date = n.get("date").asString(null);
        return new LinkGraph.Entity(n.get("ref").asString(null), n.get("kind").asString(null), n.get("caption").asString(""),
                date == null ? null : LocalDate.parse(date));
    }
}
