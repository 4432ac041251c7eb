package org.armstrace.graph;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where the graph lives. {@code embedded} (the default) runs Neo4j Community inside this process
 * with Bolt on loopback; {@code external} connects to a Neo4j server or cluster.
 *
 * @param mode       embedded or external
 * @param dataDir    application data directory; the embedded store lives in {@code <dataDir>/graph}
 * @param pageCache  embedded page cache; Neo4j's own default sizes it from total RAM (GBs)
 * @param boltPort   embedded Bolt port on 127.0.0.1 (0 picks a free port, for tests)
 * @param username   Bolt user
 * @param password   Bolt password; blank means "generate once and keep in the data dir" (embedded)
 * @param uri        external server URI ({@code bolt://} or {@code neo4j://})
 * @param database   database name
 * @param transactionTimeout      how long an interactive transaction (a page, an API call) may run
 *                                before the database ends it: the embedded server's
 *                                {@code db.transaction.timeout}, and the driver-side timeout of every
 *                                Spring transaction that sets none (embedded and external)
 * @param batchTransactionTimeout how long one transaction of a batch job (import chunk, pattern scan,
 *                                migration) may run; given to the driver explicitly, it overrides the
 *                                server's default
 * @param replanInterval          the embedded server's {@code dbms.cypher.min_replan_interval}: how long a
 *                                cached Cypher plan is kept before Neo4j may plan the query again because
 *                                the store's statistics changed. Neo4j's default (10 s) suits a store of
 *                                settled size; the test suite, whose store grows from empty all the time,
 *                                spent a quarter of its CPU re-planning with it
 */
@Validated
@ConfigurationProperties("armstrace.neo4j")
public record GraphProperties(
        @NotNull Mode mode,
        @NotNull Path dataDir,
        @NotNull DataSize pageCache,
        @Min(0) @Max(65535) int boltPort,
        @NotBlank String username,
        String password,
        URI uri,
        @NotBlank String database,
        @DefaultValue("30s") Duration transactionTimeout,
        @DefaultValue("30m") Duration batchTransactionTimeout,
        @DefaultValue("10s") Duration replanInterval) {

    public enum Mode { EMBEDDED, EXTERNAL }

    /**
     * The command that fills a new installation's empty store (importer.InitialLoad). It runs the
     * application on a staging store; the real data directory is passed on in {@link #INITIAL_LOAD_TARGET}.
     */
    public static final String INITIAL_LOAD_COMMAND = "initial-load";
    public static final String INITIAL_LOAD_TARGET = "armstrace.initial-load.data-dir";

    /**
     * The commands that work on the embedded store's files (backup.BackupCommands): Neo4j must not be
     * started for them, since a dump needs the store closed and a load writes the files.
     */
    public static final String BACKUP_COMMAND = "backup";
    public static final String RESTORE_COMMAND = "restore";

    public Path storeDir() {
        return storeDir(dataDir);
    }

    public static Path storeDir(Path dataDir) {
        return dataDir.resolve("graph");
    }

    /** The first load's working directory: its files for the offline importer, its marker, its staging store. */
    public static Path initialLoadDir(Path dataDir) {
        return dataDir.resolve("initial-load");
    }

    public static Path stagingDir(Path dataDir) {
        return initialLoadDir(dataDir).resolve("staging");
    }

    public Path passwordFile() {
        return dataDir.resolve("neo4j-password");
    }

    public boolean hasPassword() {
        return password != null && !password.isBlank();
    }
}
