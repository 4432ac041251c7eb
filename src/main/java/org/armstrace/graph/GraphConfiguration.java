package org.armstrace.graph;

import org.neo4j.driver.Driver;
import org.neo4j.driver.observation.metrics.MetricsObservationProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mode-independent graph beans: the schema is migrated before anything else uses the driver. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphProperties.class)
class GraphConfiguration {

    @Bean
    GraphMigrations.Result graphSchema(Driver driver, GraphProperties properties) {
        return new GraphMigrations(driver, properties.database(), properties.batchTransactionTimeout()).migrate();
    }

    /** Collects the driver's pool figures; each mode's driver is built with it. */
    @Bean
    MetricsObservationProvider neo4jDriverObservations() {
        return MetricsObservationProvider.newInstance();
    }

    @Bean
    DriverPoolMetrics neo4jDriverPoolMetrics(MetricsObservationProvider observations) {
        return new DriverPoolMetrics(observations);
    }
}
