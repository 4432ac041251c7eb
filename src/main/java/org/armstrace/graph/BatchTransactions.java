package org.armstrace.graph;

import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions for long batch jobs (import chunks, pattern scans): they get
 * {@code armstrace.neo4j.batch-transaction-timeout} (30 minutes by default) instead of the
 * interactive {@code armstrace.neo4j.transaction-timeout}. The timeout travels with each
 * transaction to the database (the driver's transaction configuration), where it overrides the
 * server's default, so it works the same against the embedded and an external server.
 */
@Component
public class BatchTransactions {

    private final PlatformTransactionManager transactions;
    private final Duration timeout;

    BatchTransactions(PlatformTransactionManager transactions, GraphProperties properties) {
        this.transactions = transactions;
        this.timeout = properties.batchTransactionTimeout();
    }

    /** A template whose transactions may write and run for up to the batch timeout. */
    public TransactionTemplate writes() {
        var template = new TransactionTemplate(transactions);
        template.setTimeout(seconds(timeout));
        return template;
    }

    /** A read-only template with the batch timeout. */
    public TransactionTemplate reads() {
        var template = writes();
        template.setReadOnly(true);
        return template;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Whole seconds, at least one: Spring's transaction timeout is counted in seconds. */
    static int seconds(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (d.toMillis() + 999) / 1000));
    }
}
