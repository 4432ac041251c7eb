package org.armstrace.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import org.armstrace.ArmsTraceTest;
import org.armstrace.base.QueryTimeout;
import org.junit.jupiter.api.Test;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Interactive and batch transactions each get their own limit, and a runaway query is ended. */
@ArmsTraceTest
class TransactionTimeoutTests {

    /** Counts to a billion: minutes of work, never a result in a test's lifetime. */
    static final String RUNAWAY = "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(*) AS n";

    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    BatchTransactions batch;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    DatabaseManagementService dbms;
    @Autowired
    GraphProperties properties;

    @Test
    void interactive_transactions_and_the_embedded_server_default_to_the_configured_thirty_seconds() {
        assertThat(((AbstractPlatformTransactionManager) transactions).getDefaultTimeout()).isEqualTo(30);
        Config config = ((GraphDatabaseAPI) dbms.database("neo4j")).getDependencyResolver().resolveDependency(Config.class);
        assertThat(config.get(GraphDatabaseSettings.transaction_timeout)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_runaway_query_under_a_short_timeout_is_ended_by_the_database_and_recognised() {
        var shortLimit = new TransactionTemplate(transactions);
        shortLimit.setTimeout(1);
        long started = System.nanoTime();

        Throwable failure = catchThrowable(() -> shortLimit.execute(s ->
                neo4j.query(RUNAWAY).fetchAs(Long.class).one()));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(failure).isNotNull();
        assertThat(QueryTimeout.causedBy(failure)).as(String.valueOf(failure)).isTrue();
    }

    @Test
    void a_batch_job_carries_its_own_limit_to_the_database_instead_of_the_interactive_one() {
        assertThat(batch.timeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(batch.writes().getTimeout()).isEqualTo(1800);
        assertThat(batch.reads().isReadOnly()).isTrue();
        // The same mechanism with a limit shorter than the server's 30 s default: the database ends
        // the job at its own limit, so a longer one (the real 30 min) likewise outlasts the default.
        var oneSecond = new BatchTransactions(transactions, withBatchTimeout(properties, Duration.ofSeconds(1)));
        long started = System.nanoTime();

        Throwable failure = catchThrowable(() -> oneSecond.reads().execute(s -> neo4j.query(RUNAWAY).fetchAs(Long.class).one()));

        assertThat(QueryTimeout.causedBy(failure)).as(String.valueOf(failure)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    private static GraphProperties withBatchTimeout(GraphProperties p, Duration batchTimeout) {
        return new GraphProperties(p.mode(), p.dataDir(), p.pageCache(), p.boltPort(), p.username(), p.password(), p.uri(),
                p.database(), p.transactionTimeout(), batchTimeout, p.replanInterval());
    }
}
