package org.conventionledger.command.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon's transactions, each refused at commit once it has lasted longer than its limit: the append is
 * rolled back and the command fails. Readers of the JDBC log take a gap older than the gap timeout for
 * an aborted append (ADR-004); this bound is what makes that true for every append of this service.
 */
public final class BoundedTransactionManager implements TransactionManager {

    /** A write transaction that outlived its limit: rolled back, nothing of it was committed. */
    public static final class TransactionTooLong extends RuntimeException {
        TransactionTooLong(Duration took, Duration limit) {
            super("A write transaction took " + took.toMillis() + " ms, longer than its limit of " + limit.toMillis()
                    + " ms (ledger.eventstore.transaction-timeout): rolled back");
        }
    }

    private final TransactionManager delegate;
    private final Duration limit;
    private final Clock clock;

    public BoundedTransactionManager(TransactionManager delegate, Duration limit, Clock clock) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("The transaction limit must be positive, found " + limit);
        }
        this.delegate = delegate;
        this.limit = limit;
        this.clock = clock;
    }

    @Override
    public Transaction startTransaction() {
        Instant started = clock.instant();
        Transaction transaction = delegate.startTransaction();
        return new Transaction() {
            private boolean rolledBack;

            @Override
            public void commit() {
                Duration took = Duration.between(started, clock.instant());
                if (took.compareTo(limit) > 0) {
                    rollback();
                    throw new TransactionTooLong(took, limit);
                }
                transaction.commit();
            }

            @Override
            public void rollback() {
                // the unit of work rolls back again after a refused commit
                if (!rolledBack) {
                    rolledBack = true;
                    transaction.rollback();
                }
            }
        };
    }
}
