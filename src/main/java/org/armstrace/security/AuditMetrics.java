package org.armstrace.security;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.armstrace.base.Cached;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The audit chain's length for operators ({@code /actuator/prometheus}): the head's sequence
 * number, one node read at most every 30 s. A length that stops growing while people work, or
 * falls, is worth an alert; whether the chain is intact is {@code audit-verify}'s to say.
 */
@Component
class AuditMetrics implements MeterBinder {

    private final Cached<Long> length;

    AuditMetrics(Neo4jClient neo4j) {
        this.length = new Cached<>(Duration.ofSeconds(30), () -> neo4j
                .query("OPTIONAL MATCH (c:AuditChain {id: 'audit'}) RETURN coalesce(c.seq, 0) AS n")
                .fetchAs(Long.class).one().orElse(0L));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("armstrace.audit.events", length, l -> l.get())
                .description("Events in the audit chain (the sequence number of its head)").register(registry);
    }
}
