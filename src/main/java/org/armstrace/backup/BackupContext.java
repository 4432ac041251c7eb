package org.armstrace.backup;

import org.armstrace.graph.GraphProperties;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The application context of {@link BackupCommands}: the settings (application.properties, the
 * environment, the command line) and the command, nothing else. No auto-configuration, so no Neo4j,
 * driver or web server; and the graph preflight starts no database for these commands, since the
 * store's files must be closed to be dumped or loaded. Not a {@code @Configuration}: the application's
 * own component scan must not pick it up.
 */
@EnableConfigurationProperties(GraphProperties.class)
@Import(BackupCommands.class)
public final class BackupContext {

    /** The context for {@code name} ({@link BackupCommands#BACKUP} or {@link BackupCommands#RESTORE}), also for tests. */
    public static ConfigurableApplicationContext start(String name, String[] args) {
        return new SpringApplicationBuilder(BackupContext.class)
                .web(WebApplicationType.NONE)
                .properties("armstrace.command=" + name)
                .run(args);
    }
}
