package org.armstrace;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
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
        if (isCommand(args)) {
            System.exit(runCommand(args, System.out));
        }
        SpringApplication.run(ArmsTraceApplication.class, args);
    }

    /** Whether {@code args} name one of the commands {@link #runCommand} runs instead of the web application. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && Set.of(AuditCommand.NAME, ImportCommand.NAME, InitialLoad.NAME, BackupCommands.BACKUP,
                BackupCommands.RESTORE).contains(args[0]);
    }

    /**
     * Runs the command {@code args[0]} to its end in this JVM, printing to {@code out}: what {@code main}
     * does before it exits with the returned code (tests run the commands this way, without a JVM of
     * their own). A context that fails to start throws, as it does for {@code main}.
     */
    public static int runCommand(String[] args, PrintStream out) {
        String name = args[0];
        if (BackupCommands.BACKUP.equals(name) || BackupCommands.RESTORE.equals(name)) {
            var context = BackupContext.start(name, args);
            return SpringApplication.exit(context, () -> context.getBean(BackupCommands.class).run(args, out));
        }
        var context = command(name, args);
        if (AuditCommand.NAME.equals(name)) {
            return SpringApplication.exit(context, () -> context.getBean(AuditCommand.class).run(args, out));
        }
        if (ImportCommand.NAME.equals(name)) {
            return SpringApplication.exit(context, () -> context.getBean(ImportCommand.class).run(args, out));
        }
        String dataDir = context.getEnvironment().getProperty(GraphProperties.INITIAL_LOAD_TARGET);
        int code = SpringApplication.exit(context, () -> context.getBean(ImportCommand.class).initialLoad(args, out));
        if (code == 0 && dataDir != null) {
            InitialLoad.removeStaging(Path.of(dataDir));
            // Then what an import into the graph ends with, on the new store through the application's
            // services: the staged records could not be searched, so their lost/stolen reports are checked now.
            var loaded = command(ImportCommand.NAME, args);
            code = SpringApplication.exit(loaded, () -> loaded.getBean(ImportCommand.class).checkReports(out));
        }
        return code;
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
