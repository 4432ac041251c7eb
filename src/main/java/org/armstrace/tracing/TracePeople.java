package org.armstrace.tracing;

import java.util.List;
import java.util.Map;
import org.armstrace.registry.NewPerson;
import org.armstrace.registry.PersonMatcher;
import org.armstrace.registry.Provenance;
import org.armstrace.security.Acting;
import org.armstrace.security.AuditLog;
import org.armstrace.security.Role;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The people a partner's request names (possessors, suspects), through the registry's one matcher
 * ({@link PersonMatcher}), as a possessor typed at a recovery is: a sure match is the recorded
 * person, an unsure one is registered and put to the review queue, and only somebody nobody
 * resembles is simply new. No silent duplicates.
 *
 * <p>Matches registry's {@code :Person} by id in its own Cypher only to hang this module's
 * {@code NAMES} link on it in the same write, as {@link TraceCreation} does with {@code CONCERNS}
 * (owners: graph-model/README.md).
 */
@Component
class TracePeople {

    /** A request names at most this many people: more is not a trace request but a list. */
    static final int MAX = 20;

    private final Neo4jClient neo4j;
    private final PersonMatcher matcher;

    TracePeople(Neo4jClient neo4j, PersonMatcher matcher) {
        this.neo4j = neo4j;
        this.matcher = matcher;
    }

    /**
     * Links the request to the people it names, each resolved by the matcher. A retried request (the
     * same idempotency key) already has its people and is left as it is.
     */
    List<String> link(TraceRequest request, List<NewPerson> people) {
        if (people.isEmpty() || named(request.id())) {
            return List.of();
        }
        // A partner may neither search nor register the registry's people: the desk's intake takes
        // this step for it, under an identity that says on whose behalf (the audit shows both).
        if (Role.current(Role.Names.PARTNER)) {
            return Acting.as("intake-for:" + AuditLog.currentActor(), Role.INTAKE, () -> resolveAndLink(request, people));
        }
        return resolveAndLink(request, people);
    }

    private List<String> resolveAndLink(TraceRequest request, List<NewPerson> people) {
        var provenance = new Provenance("partner:" + request.number(), Provenance.Confidence.MEDIUM);
        List<String> ids = people.stream()
                .map(p -> matcher.resolve(p, provenance, "trace:" + request.number()).personId()).distinct().toList();
        neo4j.query("""
                        MATCH (t:TraceRequest {id: $id})
                        UNWIND $people AS personId
                        MATCH (p:Person {id: personId})
                        MERGE (t)-[:NAMES]->(p)
                        """)
                .bindAll(Map.of("id", request.id(), "people", ids)).run();
        return ids;
    }

    private boolean named(String request) {
        return neo4j.query("MATCH (t:TraceRequest {id: $id}) RETURN EXISTS { (t)-[:NAMES]->(:Person) }")
                .bind(request).to("id").fetchAs(Boolean.class).one().orElse(false);
    }
}
