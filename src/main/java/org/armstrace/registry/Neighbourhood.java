package org.armstrace.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.armstrace.security.PersonalDataPath;
import org.armstrace.security.PersonalDataReads;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The small graph around one weapon for its page: maker, licences and their holders, transfers
 * and their parties, lost/stolen reports and resembling registrations. Bounded in depth and size,
 * so a weapon with a long history still draws quickly.
 *
 * <p>People are shown to the roles that may see personal data, and the read is audited; for the
 * others (a field officer at the scene) every person becomes one node {@link #ON_FILE} without a
 * name: the weapon has a holder on file, the desk has the name.
 */
@Service
public class Neighbourhood {

    static final int MAX_PATHS = 60;
    /** The id of the one nameless node that stands for every person when the viewer may not see names. */
    public static final String ON_FILE = Person.ON_FILE;

    /** A node: its {@code id} property, its kind (label) and a short caption. */
    public record Node(String id, String kind, String caption) {
    }

    public record Edge(String from, String to, String type) {
    }

    public record Graph(List<Node> nodes, List<Edge> edges) {
    }

    private final Neo4jClient neo4j;
    private final PersonalDataReads reads;

    Neighbourhood(Neo4jClient neo4j, PersonalDataReads reads) {
        this.neo4j = neo4j;
        this.reads = reads;
    }

    /** Read-write: showing people writes the audit event in the same transaction. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Graph ofFirearm(String firearmId) {
        var nodes = new LinkedHashMap<String, Node>();
        var edges = new LinkedHashMap<String, Edge>();
        neo4j.query("""
                        MATCH (f:Firearm {id: $id})
                        CALL (f) {
                          MATCH p = (f)-[:MADE_BY|RESEMBLES_REPORTED]-() RETURN p LIMIT $max
                          UNION
                          MATCH p = (f)<-[:CONCERNS]-(:LostStolenReport) RETURN p LIMIT $max
                          UNION
                          MATCH p = (f)<-[:COVERS]-(:Licence)<-[:HOLDS]-() RETURN p LIMIT $max
                          UNION
                          MATCH p = (f)<-[:OF]-(:Transfer)-[:FROM|TO]->() RETURN p LIMIT $max
                        }
                        RETURN [n IN nodes(p) | {id: n.id, kind: labels(n)[0], caption: CASE
                                  WHEN n:Firearm THEN n.serialAsRead
                                  WHEN n:Person THEN n.givenName + ' ' + n.familyName
                                  WHEN n:Organisation THEN n.name
                                  WHEN n:Licence THEN n.number
                                  WHEN n:Transfer THEN n.kind + ' ' + toString(n.date)
                                  WHEN n:LostStolenReport THEN n.kind + ' · ' + n.status
                                  ELSE coalesce(n.name, n.id) END}] AS nodes,
                               [r IN relationships(p) | {from: startNode(r).id, to: endNode(r).id, type: type(r)}] AS edges
                        """)
                .bindAll(Map.of("id", firearmId, "max", MAX_PATHS))
                .fetchAs(Void.class).mappedBy((t, r) -> {
                    for (Value n : r.get("nodes").values()) {
                        nodes.putIfAbsent(n.get("id").asString(), new Node(n.get("id").asString(), n.get("kind").asString(),
                                n.get("caption").asString("")));
                    }
                    for (Value e : r.get("edges").values()) {
                        var edge = new Edge(e.get("from").asString(), e.get("to").asString(), e.get("type").asString());
                        edges.putIfAbsent(edge.from() + ">" + edge.type() + ">" + edge.to(), edge);
                    }
                    return null;
                }).all();
        if (nodes.isEmpty()) {
            registryNode(firearmId).ifPresent(n -> nodes.put(n.id(), n));
        }
        List<String> people = nodes.values().stream().filter(n -> "Person".equals(n.kind())).map(Node::id).toList();
        if (!PersonalDataReads.allowed()) {
            return withoutNames(nodes.values(), edges.values());
        }
        reads.record(PersonalDataPath.FIREARM_NEIGHBOURHOOD, List.of("Firearm:" + firearmId), people);
        return new Graph(new ArrayList<>(nodes.values()), new ArrayList<>(edges.values()));
    }

    /** Every person folded into the one nameless {@link #ON_FILE} node, with the edges moved onto it. */
    private static Graph withoutNames(Collection<Node> nodes, Collection<Edge> edges) {
        var people = new HashSet<String>();
        var kept = new LinkedHashMap<String, Node>();
        for (Node n : nodes) {
            if ("Person".equals(n.kind())) {
                people.add(n.id());
                kept.putIfAbsent(ON_FILE, new Node(ON_FILE, "Person", ""));
            } else {
                kept.put(n.id(), n);
            }
        }
        var moved = new LinkedHashSet<Edge>();
        for (Edge e : edges) {
            moved.add(new Edge(people.contains(e.from()) ? ON_FILE : e.from(), people.contains(e.to()) ? ON_FILE : e.to(),
                    e.type()));
        }
        return new Graph(new ArrayList<>(kept.values()), new ArrayList<>(moved));
    }

    private Optional<Node> registryNode(String firearmId) {
        return neo4j.query("MATCH (f:Firearm {id: $id}) RETURN f.serialAsRead AS caption")
                .bind(firearmId).to("id")
                .fetchAs(Node.class).mappedBy((t, r) -> new Node(firearmId, "Firearm", r.get("caption").asString()))
                .one();
    }
}
