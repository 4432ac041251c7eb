package org.armstrace.graph;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.neo4j.driver.observation.metrics.ConnectionPoolMetrics;
import org.neo4j.driver.observation.metrics.MetricsObservationProvider;

/**
 * The driver's connection pool for operators ({@code /actuator/prometheus}): connections in use and
 * idle, callers waiting for one, and how long they waited. Summed over the driver's pools (one per
 * server; a cluster has several), so that the names stay the same in both modes and carry no host.
 */
final class DriverPoolMetrics implements MeterBinder {

    private final MetricsObservationProvider observations;

    DriverPoolMetrics(MetricsObservationProvider observations) {
        this.observations = observations;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("armstrace.neo4j.pool.in.use", this, m -> m.sum(ConnectionPoolMetrics::inUse))
                .baseUnit("connections").description("Bolt connections lent out to a transaction").register(registry);
        Gauge.builder("armstrace.neo4j.pool.idle", this, m -> m.sum(ConnectionPoolMetrics::idle))
                .baseUnit("connections").description("Bolt connections open and free").register(registry);
        Gauge.builder("armstrace.neo4j.pool.waiting", this, m -> m.sum(ConnectionPoolMetrics::acquiring))
                .description("Callers waiting for a connection right now").register(registry);
        FunctionCounter.builder("armstrace.neo4j.pool.acquisition.timeouts", this,
                        m -> m.sum(ConnectionPoolMetrics::timedOutToAcquire))
                .description("Callers that gave up waiting for a connection").register(registry);
        FunctionCounter.builder("armstrace.neo4j.pool.creation.failures", this,
                        m -> m.sum(ConnectionPoolMetrics::failedToCreate))
                .description("Connections that could not be opened").register(registry);
        // The driver counts acquisition time in milliseconds.
        FunctionTimer.builder("armstrace.neo4j.pool.acquisition", this, m -> m.sum(ConnectionPoolMetrics::acquired),
                        m -> m.sum(ConnectionPoolMetrics::totalAcquisitionTime), TimeUnit.MILLISECONDS)
                .description("Waits for a connection from the pool").register(registry);
    }

    private long sum(ToLongFunction<ConnectionPoolMetrics> figure) {
        return observations.metrics().connectionPoolMetrics().stream().mapToLong(figure).sum();
    }
}
