package org.armstrace.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The small graph around one weapon for its page: maker, licences and their holders, transfers
 * and their parties, lost/stolen reports and resembling registrations. Bounded in depth and size,
 * so a weapon with a long history still draws quickly.
 */
@Service
public class Neighbourhood {

    static final int MAX_PATHS = 60;

    /** A node: its {@code id} property, its kind (label) and a short caption. */
    public record Node(String id, String kind, String caption) {
    }

    public record Edge(String from, String to, String type) {
    }

    public record Graph(List<Node> nodes, List<Edge> edges) {
    }

    private final Neo4jClient neo4j;

    Neighbourhood(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
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
        return new Graph(new ArrayList<>(nodes.values()), new ArrayList<>(edges.values()));
    }

    private Optional<Node> registryNode(String firearmId) {
        return neo4j.query("MATCH (f:Firearm {id: $id}) RETURN f.serialAsRead AS caption")
                .bind(firearmId).to("id")
                .fetchAs(Node.class).mappedBy((t, r) -> new Node(firearmId, "Firearm", r.get("caption").asString()))
                .one();
    }
}
