package org.armstrace.graph;

import org.neo4j.driver.Driver;
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
}
