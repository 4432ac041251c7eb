package org.armstrace.graph;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.armstrace.base.StartupProblem;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.observation.metrics.MetricsObservationProvider;
import org.neo4j.fleetmanagement.FleetManagementSettings;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Neo4j Community inside this process, reachable only on 127.0.0.1 over Bolt with a password.
 * Spring Data Neo4j and every other client use the ordinary driver over that Bolt port, so the
 * same code runs unchanged against an external server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "armstrace.neo4j.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedGraphConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedGraphConfiguration.class);
    private static final String LOOPBACK = "127.0.0.1";

    /**
     * The DBMS that {@link GraphPreflight} began starting in the background while Spring built the
     * rest of the context, or a new one when nothing was started early.
     */
    @Bean(destroyMethod = "shutdown")
    DatabaseManagementService neo4jDatabaseManagementService(GraphProperties properties) {
        return obtain(properties);
    }

    private static final ConcurrentMap<Path, CompletableFuture<DatabaseManagementService>> STARTING =
            new ConcurrentHashMap<>();

    /** Checks the store directory and port now, then boots Neo4j on its own thread; returns the store directory. */
    static Path startEarly(GraphProperties properties) {
        Path storeDir = prepareStoreDirectory(properties);
        ensurePortFree(properties.boltPort());
        STARTING.computeIfAbsent(storeDir, dir -> CompletableFuture.supplyAsync(() -> start(properties, dir), task -> {
            var thread = new Thread(task, "neo4j-start");
            thread.setDaemon(true);
            thread.start();
        }));
        return storeDir;
    }

    static DatabaseManagementService obtain(GraphProperties properties) {
        Path storeDir = prepareStoreDirectory(properties);
        var early = STARTING.remove(storeDir);
        if (early == null) {
            ensurePortFree(properties.boltPort());
            return start(properties, storeDir);
        }
        try {
            return early.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * The application failed before taking over its early start on {@code storeDir}: wait for that
     * database to come up, then shut it down, so that a failed start leaves no database running and no
     * files changing. Only this store's: other applications in the same JVM (commands run by tests)
     * may be starting theirs.
     */
    static void abandonEarlyStart(Path storeDir) {
        var early = STARTING.remove(storeDir);
        if (early != null) {
            early.handle((dbms, failure) -> {
                if (dbms != null) {
                    dbms.shutdown();
                }
                return null;
            }).join();
        }
    }

    private static DatabaseManagementService start(GraphProperties properties, Path storeDir) {
        String password = BoltPassword.resolve(properties);
        long started = System.nanoTime();
        DatabaseManagementService dbms;
        try {
            dbms = builder(storeDir, properties.pageCache().toBytes())
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, properties.boltPort()))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    // A runaway query ends here, not in a hung page; batch jobs ask the driver for longer.
                    .setConfig(GraphDatabaseSettings.transaction_timeout, properties.transactionTimeout())
                    .setConfig(GraphDatabaseSettings.cypher_min_replan_interval, properties.replanInterval())
                    .build();
        } catch (RuntimeException e) {
            throw new StartupProblem(
                    "The embedded Neo4j database in " + storeDir + " could not be started: " + rootMessage(e),
                    "Check that no other ArmsTrace process uses this data directory (ARMSTRACE_DATA_DIR) and that the disk is not full.", e);
        }
        // A milestone of the start (src/bench/startup.sh): what follows is the first Cypher.
        log.info("Embedded Neo4j databases up in {} ms", (System.nanoTime() - started) / 1_000_000);
        try {
            setNeo4jPassword(dbms, properties.username(), password, STARTUP_TIMEOUT);
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e;
        }
        log.info("Embedded Neo4j started in {} ms, store {}, Bolt on {}:{}", (System.nanoTime() - started) / 1_000_000,
                storeDir, LOOPBACK, boltPort(dbms));
        return dbms;
    }

    /** A DBMS on this store with no connector open and nothing sent home; the caller adds Bolt if wanted. */
    static DatabaseManagementServiceBuilder builder(Path storeDir, long pageCache) {
        return new DatabaseManagementServiceBuilder(storeDir)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(BoltConnector.enabled, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // A police registry must not phone home: no usage reports, no cloud monitoring.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(FleetManagementSettings.fleet_manager_enabled, false);
    }

    @Bean(destroyMethod = "close")
    Driver neo4jDriver(DatabaseManagementService dbms, GraphProperties properties,
                       MetricsObservationProvider observations) {
        String password = BoltPassword.resolve(properties);
        return GraphDatabase.driver("bolt://" + LOOPBACK + ":" + boltPort(dbms),
                AuthTokens.basic(properties.username(), password),
                Config.builder().withoutEncryption().withObservationProvider(observations).build());
    }

    @Bean
    EmbeddedTransactionMetrics neo4jTransactionMetrics(DatabaseManagementService dbms, GraphProperties properties) {
        return new EmbeddedTransactionMetrics(dbms, properties.database());
    }

    static int boltPort(DatabaseManagementService dbms) {
        var api = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        return api.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
    }

    static Path prepareStoreDirectory(GraphProperties properties) {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir);
            // A probe file, because Files.isWritable says yes to root even on read-only mounts.
            Path probe = Files.createTempFile(dataDir, ".write-check", ".tmp");
            Files.delete(probe);
            return Files.createDirectories(properties.storeDir().toAbsolutePath().normalize());
        } catch (IOException | SecurityException e) {
            throw new StartupProblem(
                    "The data directory " + dataDir + " cannot be created or written to (" + rootMessage(e) + ").",
                    "Point ARMSTRACE_DATA_DIR at a directory this user can write, or fix its permissions.", e);
        }
    }

    static void ensurePortFree(int port) {
        if (port == 0) {
            return;
        }
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
        } catch (BindException e) {
            throw new StartupProblem(
                    "The Bolt port " + LOOPBACK + ":" + port + " is already in use (another Neo4j or ArmsTrace is running?).",
                    "Stop the other process, or choose another port with ARMSTRACE_BOLT_PORT.", e);
        } catch (IOException e) {
            throw new StartupProblem("The Bolt port " + port + " cannot be opened: " + e.getMessage(),
                    "Choose another port with ARMSTRACE_BOLT_PORT.", e);
        }
    }

    /** Start-up work on the system database is not an interactive query (see {@link #setNeo4jPassword}). */
    static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(10);

    /**
     * Neo4j starts with user neo4j / "neo4j" and "change required". The password is set through the
     * system database in-process (no Bolt login needed) whenever the database does not already accept
     * it, so that a changed ARMSTRACE_NEO4J_PASSWORD takes effect. It runs with a start-up limit, not
     * the 30 s interactive one (db.transaction.timeout): on a loaded machine it outlasted that and the
     * application did not start.
     */
    static void setNeo4jPassword(DatabaseManagementService dbms, String username, String password, Duration limit) {
        if (acceptsPassword(dbms, username, password)) {
            return;
        }
        var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally("ALTER USER " + quoteIdentifier(username)
                    + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password), r -> null, limit);
        } catch (RuntimeException e) {
            String message = String.valueOf(rootMessage(e)).toLowerCase(Locale.ROOT);
            if (message.contains("same")) {
                return; // already set to this password
            }
            throw passwordProblem(e, message, limit);
        }
    }

    /**
     * Whether the user can already sign in with this password, asked of Neo4j's own authentication
     * (a read of the system graph, no Cypher). On every start but the first this spares the ALTER
     * USER, the first Cypher of the process, which loaded the administration commands' planner on the
     * critical path of the start (src/bench/README.md, session 21). Any doubt means no: the password
     * is then set as before.
     */
    static boolean acceptsPassword(DatabaseManagementService dbms, String username, String password) {
        try {
            var system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            var login = system.getDependencyResolver().resolveDependency(AuthManager.class)
                    .login(AuthToken.newBasicAuthToken(username, password), ClientConnectionInfo.EMBEDDED_CONNECTION);
            return login.subject().getAuthenticationResult() == AuthenticationResult.SUCCESS;
        } catch (Exception e) {
            log.debug("Could not check the Neo4j password before setting it", e);
            return false;
        }
    }

    /** Names what went wrong: a refused password is the operator's to fix, a timeout is the machine's. */
    private static StartupProblem passwordProblem(RuntimeException e, String message, Duration limit) {
        if (message.contains("timeout") || message.contains("timed out") || message.contains("not completed within")) {
            return new StartupProblem("Setting the Neo4j password did not finish within " + limit.toSeconds()
                    + " s: " + rootMessage(e),
                    "The machine is probably overloaded or the data directory's disk is slow; start again when it is quieter.", e);
        }
        if (message.contains("password") && (message.contains("length") || message.contains("at least") || message.contains("short"))) {
            return new StartupProblem("The Neo4j password was refused: " + rootMessage(e),
                    "The password must be at least 8 characters; check ARMSTRACE_NEO4J_PASSWORD.", e);
        }
        return new StartupProblem("The Neo4j password could not be set: " + rootMessage(e),
                "Check ARMSTRACE_NEO4J_PASSWORD and the log above for Neo4j's own message.", e);
    }

    private static String quoteIdentifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
