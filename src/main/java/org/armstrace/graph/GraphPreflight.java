package org.armstrace.graph;

import jakarta.validation.Validation;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.context.ApplicationListener;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Checks the graph configuration before the application context (and with it the web server and
 * Vaadin's dev server) starts, so that a wrong setting stops the process at once with one plain
 * message instead of a half-started server; then, for the embedded database, starts Neo4j in the
 * background so that its boot overlaps Spring's. Registered in {@code META-INF/spring.factories}.
 */
class GraphPreflight implements ApplicationListener<SpringApplicationEvent>, org.springframework.core.Ordered {

    /** After every other preflight check: nothing should start the database if a setting is wrong. */
    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }


    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            check(prepared.getEnvironment());
        } else if (event instanceof ApplicationFailedEvent) {
            EmbeddedGraphConfiguration.abandonEarlyStarts();
        }
    }

    private void check(ConfigurableEnvironment environment) {
        var validator = new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator());
        GraphProperties properties = Binder.get(environment)
                .bind("armstrace.neo4j", org.springframework.boot.context.properties.bind.Bindable.of(GraphProperties.class),
                        new ValidationBindHandler(validator))
                .orElseThrow(() -> new IllegalStateException("armstrace.neo4j settings are missing"));
        switch (properties.mode()) {
            case EMBEDDED -> {
                // Pin the resolved directory (it may contain ${random...}) so the bean finds this start.
                environment.getPropertySources().addFirst(new MapPropertySource("armstrace-resolved-graph",
                        java.util.Map.of("armstrace.neo4j.data-dir", properties.dataDir().toAbsolutePath().toString())));
                // Neo4j boots (several seconds on a new store) while Spring builds the web layer.
                EmbeddedGraphConfiguration.startEarly(properties);
            }
            case EXTERNAL -> ExternalGraphConfiguration.connect(properties).close();
        }
    }
}
