package org.armstrace;

import java.nio.file.Path;
import org.armstrace.backup.BackupCommands;
import org.armstrace.backup.BackupContext;
import org.armstrace.graph.GraphProperties;
import org.armstrace.importer.ImportCommand;
import org.armstrace.importer.InitialLoad;
import org.armstrace.security.AuditCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
public class ArmsTraceApplication {

    /**
     * Starts the web application, or with {@code audit-verify} as the first argument checks the
     * audit chain against the configured database, prints the result and exits (1 when broken);
     * with {@code import} imports a registry extract without the UI (see {@link ImportCommand}); with
     * {@code initial-load} fills a new installation's empty store from many extracts (see {@link InitialLoad});
     * with {@code backup} or {@code restore} writes or restores a backup of the stopped embedded store
     * (see {@link BackupCommands}), in a context of its own that starts no database.
     */
    public static void main(String[] args) {
        if (args.length > 0 && AuditCommand.NAME.equals(args[0])) {
            var context = command(AuditCommand.NAME, args);
            System.exit(SpringApplication.exit(context, () -> context.getBean(AuditCommand.class).run(args)));
        }
        if (args.length > 0 && ImportCommand.NAME.equals(args[0])) {
            var context = command(ImportCommand.NAME, args);
            System.exit(SpringApplication.exit(context, () -> context.getBean(ImportCommand.class).run(args)));
        }
        if (args.length > 0 && InitialLoad.NAME.equals(args[0])) {
            var context = command(InitialLoad.NAME, args);
            String dataDir = context.getEnvironment().getProperty(GraphProperties.INITIAL_LOAD_TARGET);
            int code = SpringApplication.exit(context, () -> context.getBean(ImportCommand.class).initialLoad(args, System.out));
            if (code == 0 && dataDir != null) {
                InitialLoad.removeStaging(Path.of(dataDir));
            }
            System.exit(code);
        }
        if (args.length > 0 && (BackupCommands.BACKUP.equals(args[0]) || BackupCommands.RESTORE.equals(args[0]))) {
            var context = BackupContext.start(args[0], args);
            System.exit(SpringApplication.exit(context, () -> context.getBean(BackupCommands.class).run(args, System.out)));
        }
        SpringApplication.run(ArmsTraceApplication.class, args);
    }

    /** The application without web server or UI, as the command {@code name} runs it (also for tests). */
    public static ConfigurableApplicationContext command(String name, String[] args) {
        return new SpringApplicationBuilder(ArmsTraceApplication.class)
                .web(WebApplicationType.NONE)
                .properties("armstrace.command=" + name,
                        // no web server, so none of Vaadin's servlet machinery
                        "spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration")
                .run(args);
    }
}
