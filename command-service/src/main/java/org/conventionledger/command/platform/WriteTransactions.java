package org.conventionledger.command.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Every write transaction of this service is bounded ({@code ledger.eventstore.transaction-timeout}),
 * so that a gap of the JDBC log older than the gap timeout can only be an aborted append (ADR-004):
 * the commit is refused past the limit ({@link BoundedTransactionManager}), and on PostgreSQL the server
 * itself cuts a statement or a stalled client's open transaction after the same limit.
 */
@Configuration
public class WriteTransactions {

    static final Duration DEFAULT_LIMIT = Duration.ofMinutes(1);

    /**
     * A gap's event may have been stamped up to two transaction lifetimes before the gap's own
     * transaction ends (the limit, plus the server's idle cut while the client stalls before COMMIT):
     * the gap timeout must cover twice that, with room for clock skew.
     */
    static final int GAP_TIMEOUT_FACTOR = 4;

    @Bean
    TransactionManager axonTransactionManager(
            PlatformTransactionManager transactions,
            @Value("${ledger.eventstore.transaction-timeout:PT1M}") Duration limit,
            @Value("${ledger.eventstore.gap-timeout:PT10M}") Duration gapTimeout) {
        requireGapTimeoutAbove(limit, gapTimeout);
        return new BoundedTransactionManager(new SpringTransactionManager(transactions), limit, Clock.systemUTC());
    }

    /** On PostgreSQL, the server enforces the limit too: on each statement and on a client idle in a transaction. */
    @Bean
    static BeanPostProcessor postgresSessionLimits(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource hikari
                        && hikari.getJdbcUrl() != null
                        && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                    hikari.setConnectionInitSql(postgresSessionLimits(environment.getProperty(
                            "ledger.eventstore.transaction-timeout", Duration.class, DEFAULT_LIMIT)));
                }
                return bean;
            }
        };
    }

    static String postgresSessionLimits(Duration limit) {
        long millis = limit.toMillis();
        return "SET statement_timeout = " + millis + "; SET idle_in_transaction_session_timeout = " + millis;
    }

    static void requireGapTimeoutAbove(Duration limit, Duration gapTimeout) {
        if (gapTimeout.compareTo(limit.multipliedBy(GAP_TIMEOUT_FACTOR)) <= 0) {
            throw new IllegalStateException("ledger.eventstore.gap-timeout (" + gapTimeout + ") must exceed "
                    + GAP_TIMEOUT_FACTOR + " times ledger.eventstore.transaction-timeout (" + limit
                    + "): a reader would otherwise give up on a gap whose append may still commit (ADR-004)");
        }
    }
}
