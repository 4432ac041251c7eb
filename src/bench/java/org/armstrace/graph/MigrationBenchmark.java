package org.armstrace.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.kernel.impl.transaction.stats.TransactionCounters;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * The graph migrations on a new store, as the first start runs them: one transaction per statement
 * (the runner) against each file's consecutive schema statements in one transaction (tried in
 * session 21 and not kept: no faster, src/bench/README.md). Each round gets a new store and
 * alternates the order; a first round warms the JVM and is not counted.
 *
 * <pre>flock /tmp/maven.lock ./mvnw -o -B test -Dtest=MigrationBenchmark -Dbench.excluded=none -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.rounds=5]</pre>
 */
@Tag("benchmark")
class MigrationBenchmark {

    @Test
    void migrations_on_a_new_store_one_transaction_per_statement_and_batched() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 5);
        List<GraphMigrations.Migration> migrations = GraphMigrations.load();
        System.out.printf("%d migration files, %d statements%n", migrations.size(),
                migrations.stream().mapToInt(m -> m.statements().size()).sum());
        run("warm-up (not counted)", false);
        var batched = new ArrayList<Double>();
        var single = new ArrayList<Double>();
        for (int i = 0; i < rounds; i++) {
            boolean batchedFirst = i % 2 == 0;
            (batchedFirst ? batched : single).add(run("round " + (i + 1), batchedFirst));
            (batchedFirst ? single : batched).add(run("round " + (i + 1), !batchedFirst));
        }
        System.out.printf("median: batched %.2f s, one transaction per statement %.2f s (%d rounds)%n",
                median(batched), median(single), rounds);
    }

    private static double run(String label, boolean batched) throws Exception {
        Path dir = Files.createTempDirectory("armstrace-migration-bench");
        DatabaseManagementService dbms = EmbeddedGraphConfiguration.builder(dir, 64L << 20)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .build();
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + EmbeddedGraphConfiguration.boltPort(dbms),
                AuthTokens.none(), Config.builder().withoutEncryption().build())) {
            driver.verifyConnectivity();
            long before = committedWrites(dbms);
            long started = System.nanoTime();
            if (batched) {
                schemaRunsBatched(driver, GraphMigrations.load());
            } else {
                new GraphMigrations(driver, "neo4j").migrate();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%-32s %-32s %6.2f s, %3d write transactions%n", label,
                    batched ? "batched" : "one transaction per statement", seconds, committedWrites(dbms) - before);
            return seconds;
        } finally {
            dbms.shutdown();
            OfflineStores.deleteTree(dir);
        }
    }

    /** The runner with each run of consecutive schema statements of a file in one transaction. */
    private static void schemaRunsBatched(Driver driver, List<GraphMigrations.Migration> migrations) {
        try (var s = driver.session()) {
            s.run("MATCH (m:__Migration) RETURN m.version AS version, m.checksum AS checksum").list();
            for (var m : migrations) {
                for (List<String> group : schemaRuns(m.statements())) {
                    if (group.size() == 1 && !isSchema(group.getFirst())) {
                        s.run(group.getFirst()).consume();
                    } else {
                        s.executeWrite(tx -> {
                            group.forEach(statement -> tx.run(statement).consume());
                            return null;
                        });
                    }
                }
                s.run("CALL db.awaitIndexes(300)").consume();
                s.executeWrite(tx -> tx.run("""
                        MERGE (m:__Migration {version: $version})
                        ON CREATE SET m.description = $description, m.checksum = $checksum,
                                      m.appliedAt = datetime(), m.statements = $count
                        """, Map.of("version", m.version(), "description", m.description(),
                        "checksum", m.checksum(), "count", m.statements().size())).consume());
            }
        }
    }

    /** Neo4j refuses data writes in a transaction that changed the schema: schema runs, data alone. */
    private static List<List<String>> schemaRuns(List<String> statements) {
        var groups = new ArrayList<List<String>>();
        List<String> schema = null;
        for (String statement : statements) {
            if (!isSchema(statement)) {
                groups.add(List.of(statement));
                schema = null;
            } else {
                if (schema == null) {
                    schema = new ArrayList<>();
                    groups.add(schema);
                }
                schema.add(statement);
            }
        }
        return groups;
    }

    private static final Pattern SCHEMA = Pattern.compile(
            "(?is)(CREATE|DROP)\\s+((RANGE|TEXT|POINT|LOOKUP|FULLTEXT|VECTOR)\\s+)?(INDEX|CONSTRAINT)\\b.*");

    private static boolean isSchema(String statement) {
        return SCHEMA.matcher(statement.strip()).matches();
    }

    private static long committedWrites(DatabaseManagementService dbms) {
        return ((GraphDatabaseAPI) dbms.database("neo4j")).getDependencyResolver()
                .resolveDependency(TransactionCounters.class).getNumberOfCommittedWriteTransactions();
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
