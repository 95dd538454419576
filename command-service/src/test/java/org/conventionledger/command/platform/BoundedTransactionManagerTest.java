package org.conventionledger.command.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;

/** Write transactions are bounded well below the gap timeout (ADR-004). */
class BoundedTransactionManagerTest {

    private final List<String> done = new ArrayList<>();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final TransactionManager recording = () -> new Transaction() {
        @Override
        public void commit() {
            done.add("commit");
        }

        @Override
        public void rollback() {
            done.add("rollback");
        }
    };
    private final BoundedTransactionManager bounded =
            new BoundedTransactionManager(recording, Duration.ofSeconds(60), clock);

    @Test
    void aTransactionWithinItsLimitCommits() {
        Transaction transaction = bounded.startTransaction();
        clock.advance(Duration.ofSeconds(60));
        transaction.commit();

        assertThat(done).containsExactly("commit");
    }

    @Test
    void aTransactionPastItsLimitIsRolledBackInsteadOfCommitted() {
        Transaction transaction = bounded.startTransaction();
        clock.advance(Duration.ofSeconds(61));

        assertThatThrownBy(transaction::commit)
                .isInstanceOf(BoundedTransactionManager.TransactionTooLong.class)
                .hasMessageContaining("61000 ms");
        transaction.rollback(); // the unit of work's own rollback after the failed commit
        assertThat(done).containsExactly("rollback");
    }

    @Test
    void theGapTimeoutMustExceedFourTransactionLimits() {
        WriteTransactions.requireGapTimeoutAbove(Duration.ofMinutes(1), Duration.ofMinutes(10));
        assertThatThrownBy(() -> WriteTransactions.requireGapTimeoutAbove(Duration.ofMinutes(1), Duration.ofMinutes(4)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ledger.eventstore.gap-timeout");
        assertThatThrownBy(() -> new BoundedTransactionManager(recording, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void postgresCutsStatementsAndStalledTransactionsAtTheSameLimit() {
        assertThat(WriteTransactions.postgresSessionLimits(Duration.ofMinutes(1)))
                .isEqualTo("SET statement_timeout = 60000; SET idle_in_transaction_session_timeout = 60000");
    }
}
