package org.armstrace.graph;

import org.armstrace.base.StartupProblem;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.observation.metrics.MetricsObservationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A Neo4j server or cluster elsewhere; the application refuses to start if it cannot reach it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "armstrace.neo4j.mode", havingValue = "external")
class ExternalGraphConfiguration {

    @Bean(destroyMethod = "close")
    Driver neo4jDriver(GraphProperties properties, MetricsObservationProvider observations) {
        return connect(properties, Config.builder().withObservationProvider(observations));
    }

    static Driver connect(GraphProperties properties) {
        return connect(properties, Config.builder());
    }

    /** A driver that has proven it can reach and log in to the server, or a plain start-up failure. */
    static Driver connect(GraphProperties properties, Config.ConfigBuilder config) {
        if (properties.uri() == null) {
            throw new StartupProblem("External database mode needs a URI, but none is set.",
                    "Set ARMSTRACE_NEO4J_URI, e.g. bolt://neo4j.example:7687 or neo4j://cluster:7687.", null);
        }
        if (!properties.hasPassword()) {
            throw new StartupProblem("External database mode needs a password, but none is set.",
                    "Set ARMSTRACE_NEO4J_PASSWORD (and ARMSTRACE_NEO4J_USERNAME if it is not neo4j).", null);
        }
        Driver driver;
        try {
            driver = GraphDatabase.driver(properties.uri(),
                    AuthTokens.basic(properties.username(), properties.password()),
                    config.withConnectionTimeout(10, TimeUnit.SECONDS).build());
        } catch (IllegalArgumentException e) {
            throw new StartupProblem("The database URI " + properties.uri() + " is not valid: " + e.getMessage(),
                    "Use a bolt://, bolt+s://, neo4j:// or neo4j+s:// URI in ARMSTRACE_NEO4J_URI.", e);
        }
        try {
            driver.verifyConnectivity();
        } catch (RuntimeException e) {
            driver.close();
            throw new StartupProblem("The Neo4j database at " + properties.uri() + " cannot be reached: "
                    + EmbeddedGraphConfiguration.rootMessage(e),
                    "Check that the server runs and that ARMSTRACE_NEO4J_URI, ARMSTRACE_NEO4J_USERNAME and ARMSTRACE_NEO4J_PASSWORD are right.", e);
        }
        return driver;
    }
}
