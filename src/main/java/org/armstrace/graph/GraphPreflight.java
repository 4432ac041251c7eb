package org.armstrace.graph;

import jakarta.validation.Validation;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.context.ApplicationListener;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Checks the graph configuration before the application context (and with it the web server and
 * Vaadin's dev server) starts, so that a wrong setting stops the process at once with one plain
 * message instead of a half-started server. Registered in {@code META-INF/spring.factories}.
 */
class GraphPreflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var validator = new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator());
        GraphProperties properties = Binder.get(event.getEnvironment())
                .bind("armstrace.neo4j", org.springframework.boot.context.properties.bind.Bindable.of(GraphProperties.class),
                        new ValidationBindHandler(validator))
                .orElseThrow(() -> new IllegalStateException("armstrace.neo4j settings are missing"));
        switch (properties.mode()) {
            case EMBEDDED -> {
                EmbeddedGraphConfiguration.prepareStoreDirectory(properties);
                EmbeddedGraphConfiguration.ensurePortFree(properties.boltPort());
            }
            case EXTERNAL -> ExternalGraphConfiguration.connect(properties).close();
        }
    }
}
