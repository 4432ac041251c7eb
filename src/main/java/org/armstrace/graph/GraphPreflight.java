package org.armstrace.graph;

import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.armstrace.base.StartupProblem;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Checks the graph configuration before the application context (and with it the web server and
 * Vaadin's dev server) starts, so that a wrong setting stops the process at once with one plain
 * message instead of a half-started server; then, for the embedded database, starts Neo4j in the
 * background so that its boot overlaps Spring's. Registered in {@code META-INF/spring.factories}.
 */
class GraphPreflight implements ApplicationListener<SpringApplicationEvent>, Ordered {

    /** After every other preflight check: nothing should start the database if a setting is wrong. */
    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }


    /** The store this application's database started early on, if it did (one listener per SpringApplication). */
    private volatile Path startedEarly;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            check(prepared.getEnvironment());
        } else if (event instanceof ApplicationFailedEvent && startedEarly != null) {
            EmbeddedGraphConfiguration.abandonEarlyStart(startedEarly);
        }
    }

    /**
     * The first load (importer.InitialLoad) runs the application on a new staging store beside the
     * real one, which it fills with the offline importer; the real directory is passed on as
     * {@link GraphProperties#INITIAL_LOAD_TARGET}. Bolt takes any free port: nothing else connects.
     */
    private static GraphProperties staging(ConfigurableEnvironment environment, GraphProperties real) {
        Path dataDir = real.dataDir().toAbsolutePath().normalize();
        Path staging = GraphProperties.stagingDir(dataDir);
        try {
            OfflineStores.deleteTree(staging); // what an earlier, unfinished load left
        } catch (IOException e) {
            throw new StartupProblem("The staging directory " + staging + " cannot be cleared: "
                    + e.getMessage(), "Remove it by hand and run the load again.", e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("armstrace-initial-load",
                Map.of(GraphProperties.INITIAL_LOAD_TARGET, dataDir.toString(), "armstrace.neo4j.bolt-port", "0")));
        return new GraphProperties(real.mode(), staging, real.pageCache(), 0, real.username(), real.password(), real.uri(),
                real.database(), real.transactionTimeout(), real.batchTransactionTimeout(), real.replanInterval());
    }

    private void check(ConfigurableEnvironment environment) {
        var validator = new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator());
        GraphProperties properties = Binder.get(environment)
                .bind("armstrace.neo4j", Bindable.of(GraphProperties.class),
                        new ValidationBindHandler(validator))
                .orElseThrow(() -> new IllegalStateException("armstrace.neo4j settings are missing"));
        String command = environment.getProperty("armstrace.command", "");
        if (GraphProperties.BACKUP_COMMAND.equals(command) || GraphProperties.RESTORE_COMMAND.equals(command)) {
            return; // they read and write the store's files, which a running database would hold locked
        }
        switch (properties.mode()) {
            case EMBEDDED -> {
                if (GraphProperties.INITIAL_LOAD_COMMAND.equals(command)) {
                    properties = staging(environment, properties);
                }
                // Pin the resolved directory (it may contain ${random...}) so the bean finds this start.
                environment.getPropertySources().addFirst(new MapPropertySource("armstrace-resolved-graph",
                        Map.of("armstrace.neo4j.data-dir", properties.dataDir().toAbsolutePath().toString())));
                // Neo4j boots (several seconds on a new store) while Spring builds the web layer.
                startedEarly = EmbeddedGraphConfiguration.startEarly(properties);
            }
            case EXTERNAL -> ExternalGraphConfiguration.connect(properties).close();
        }
    }
}
