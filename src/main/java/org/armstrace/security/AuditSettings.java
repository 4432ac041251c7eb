package org.armstrace.security;

import java.nio.file.Path;
import java.time.Duration;
import org.armstrace.graph.GraphProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the audit key and the anchors live, and how often the chain's head is anchored
 * ({@code armstrace.audit.*}). Both files sit in the data directory by default; the first load
 * (importer.InitialLoad) runs on a staging store, so there they belong to the real directory,
 * whose store will hold the events the load writes.
 */
@Component
class AuditSettings {

    static final String KEY_FILE = "audit.key";
    static final String ANCHORS_FILE = "audit-anchors.log";

    private final Path keyFile;
    private final Path anchorsFile;
    private final int anchorEvery;
    private final Duration anchorInterval;
    private final boolean anchoring;

    /**
     * The data directory is read as a setting, not from the graph module's bean: the graph preflight
     * has already pinned it (resolved, absolute) in the environment.
     */
    @Autowired
    AuditSettings(Environment env) {
        Path dataDir = Path.of(env.getProperty(GraphProperties.INITIAL_LOAD_TARGET,
                env.getRequiredProperty("armstrace.neo4j.data-dir")));
        String configuredKey = env.getProperty("armstrace.audit.key-file", "");
        this.keyFile = configuredKey.isBlank() ? dataDir.resolve(KEY_FILE) : Path.of(configuredKey);
        this.anchorsFile = dataDir.resolve(ANCHORS_FILE);
        this.anchorEvery = Math.max(1, env.getProperty("armstrace.audit.anchor-every", Integer.class, 100));
        this.anchorInterval = env.getProperty("armstrace.audit.anchor-interval", Duration.class, Duration.ofMinutes(10));
        String command = env.getProperty("armstrace.command", "");
        // The verifier only reads; the first load's events are anchored by the first real start
        // (a failed load must not leave anchors of a chain that never reaches the real store).
        this.anchoring = !AuditCommand.NAME.equals(command) && !GraphProperties.INITIAL_LOAD_COMMAND.equals(command);
    }

    /** As given, for tests that point the files elsewhere. */
    AuditSettings(Path keyFile, Path anchorsFile, int anchorEvery, Duration anchorInterval, boolean anchoring) {
        this.keyFile = keyFile;
        this.anchorsFile = anchorsFile;
        this.anchorEvery = anchorEvery;
        this.anchorInterval = anchorInterval;
        this.anchoring = anchoring;
    }

    Path keyFile() {
        return keyFile;
    }

    Path anchorsFile() {
        return anchorsFile;
    }

    int anchorEvery() {
        return anchorEvery;
    }

    Duration anchorInterval() {
        return anchorInterval;
    }

    boolean anchoring() {
        return anchoring;
    }
}
