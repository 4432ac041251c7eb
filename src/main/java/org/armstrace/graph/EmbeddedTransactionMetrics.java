package org.armstrace.graph;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToLongFunction;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.impl.transaction.stats.TransactionCounters;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * The embedded database's own transaction counters for operators ({@code /actuator/prometheus}):
 * active, committed, rolled back and terminated (a query past its time limit) transactions. Neo4j
 * Community has no metrics endpoint of its own; an external server has, so this is embedded only.
 */
final class EmbeddedTransactionMetrics implements MeterBinder {

    private final DatabaseManagementService dbms;
    private final String database;

    EmbeddedTransactionMetrics(DatabaseManagementService dbms, String database) {
        this.dbms = dbms;
        this.database = database;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("armstrace.neo4j.transactions.active", this,
                        m -> m.read(TransactionCounters::getNumberOfActiveTransactions))
                .description("Transactions open in the embedded database").register(registry);
        Gauge.builder("armstrace.neo4j.transactions.peak", this,
                        m -> m.read(TransactionCounters::getPeakConcurrentNumberOfTransactions))
                .description("Most transactions open at once since start-up").register(registry);
        counter(registry, "armstrace.neo4j.transactions.committed", TransactionCounters::getNumberOfCommittedTransactions,
                "Transactions committed since start-up");
        counter(registry, "armstrace.neo4j.transactions.rolled.back", TransactionCounters::getNumberOfRolledBackTransactions,
                "Transactions rolled back since start-up");
        counter(registry, "armstrace.neo4j.transactions.terminated", TransactionCounters::getNumberOfTerminatedTransactions,
                "Transactions ended by the database, mostly for running past their time limit");
    }

    private void counter(MeterRegistry registry, String name, ToLongFunction<TransactionCounters> figure,
                         String description) {
        FunctionCounter.builder(name, this, m -> m.read(figure)).description(description).register(registry);
    }

    /** Looked up at each read: a restore replaces the database, and with it its counters. */
    private double read(ToLongFunction<TransactionCounters> figure) {
        var db = (GraphDatabaseAPI) dbms.database(database);
        return figure.applyAsLong(db.getDependencyResolver().resolveDependency(TransactionCounters.class));
    }
}
