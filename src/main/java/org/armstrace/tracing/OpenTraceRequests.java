package org.armstrace.tracing;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.armstrace.recovery.OpenTraces;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Tells the recovery module's instant checks which weapons are the subject of an open trace
 * request. Tracing owns {@code :TraceRequest}, so the query lives here; recovery only knows the
 * {@link OpenTraces} interface it declared, which keeps recovery free of tracing.
 *
 * <p>Reads registry's {@code :Firearm} by id in its own Cypher only to follow this module's
 * {@code CONCERNS} links in the same query (owners: graph-model/README.md).
 */
@Component
class OpenTraceRequests implements OpenTraces {

    /** Trace requests in these states are finished, in either direction; any other state is open. */
    static final List<String> CLOSED = Stream.concat(TraceLifecycle.INCOMING_CLOSED.stream(),
            TraceLifecycle.OUTGOING_CLOSED.stream()).map(Enum::name).distinct().sorted().toList();

    private final Neo4jClient neo4j;

    OpenTraceRequests(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    @Override
    public Map<String, List<String>> openFor(Collection<String> firearmIds) {
        var out = new HashMap<String, List<String>>();
        neo4j.query("""
                        UNWIND $ids AS fid
                        MATCH (:Firearm {id: fid})<-[:CONCERNS]-(t:TraceRequest) WHERE NOT t.status IN $closed
                        WITH fid, t ORDER BY t.number
                        RETURN fid, collect(t.number) AS numbers
                        """)
                .bindAll(Map.of("ids", List.copyOf(new LinkedHashSet<>(firearmIds)), "closed", CLOSED))
                .fetch().all().forEach(row -> out.put((String) row.get("fid"), toStrings(row.get("numbers"))));
        return out;
    }

    private static List<String> toStrings(Object numbers) {
        return ((List<?>) numbers).stream().map(String::valueOf).toList();
    }
}
