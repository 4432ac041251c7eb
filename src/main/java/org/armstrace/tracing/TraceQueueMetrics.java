package org.armstrace.tracing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.armstrace.base.Cached;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The desk's queues for operators ({@code /actuator/prometheus}): incoming requests nobody has
 * taken, and open requests past their due date, by direction (incoming: our answer is late;
 * outgoing: the partner's). Counts only, read in one query at most every 30 s, whoever scrapes.
 */
@Component
class TraceQueueMetrics implements MeterBinder {

    static final Duration MAX_AGE = Duration.ofSeconds(30);

    record Sizes(long unassigned, long overdueIncoming, long overdueOutgoing) {
    }

    private final Cached<Sizes> sizes;

    TraceQueueMetrics(Neo4jClient neo4j) {
        this.sizes = new Cached<>(MAX_AGE, () -> read(neo4j));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("armstrace.trace.requests.unassigned", sizes, s -> s.get().unassigned())
                .description("Open incoming trace requests not yet given to an analyst").register(registry);
        Gauge.builder("armstrace.trace.requests.overdue", sizes, s -> s.get().overdueIncoming())
                .description("Open trace requests past their due date").tag("direction", "incoming").register(registry);
        Gauge.builder("armstrace.trace.requests.overdue", sizes, s -> s.get().overdueOutgoing())
                .description("Open trace requests past their due date").tag("direction", "outgoing").register(registry);
    }

    /** The same notion of open and overdue as the desk's queues ({@link TraceQueues}). */
    static Sizes read(Neo4jClient neo4j) {
        return neo4j.query("""
                        MATCH (t:TraceRequest)
                        WHERE (t.direction = 'INCOMING' AND NOT t.status IN $closedIn)
                           OR (t.direction = 'OUTGOING' AND NOT t.status IN $closedOut)
                        RETURN count(CASE WHEN t.direction = 'INCOMING' AND t.assignee IS NULL THEN 1 END) AS unassigned,
                               count(CASE WHEN t.direction = 'INCOMING' AND t.dueAt < $now THEN 1 END) AS overdueIn,
                               count(CASE WHEN t.direction = 'OUTGOING' AND t.dueAt < $now THEN 1 END) AS overdueOut
                        """)
                .bindAll(Map.of("closedIn", TraceQueues.names(TraceLifecycle.INCOMING_CLOSED),
                        "closedOut", TraceQueues.names(TraceLifecycle.OUTGOING_CLOSED),
                        "now", ZonedDateTime.now(ZoneOffset.UTC)))
                .fetchAs(Sizes.class).mappedBy((t, r) -> new Sizes(r.get("unassigned").asLong(),
                        r.get("overdueIn").asLong(), r.get("overdueOut").asLong()))
                .one().orElseThrow();
    }
}
