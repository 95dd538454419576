package org.conventionledger.query.platform;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.conventionledger.events.recruitment.RecruitmentUpcasters;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read side streams the same JDBC log the command service writes (H2 file or PostgreSQL). The gap
 * timeout matches the writer's: a reader that gave up on a gap too early would skip, for good, an
 * event whose transaction was still committing (AxonFramework #4829). Gaps are forgotten by age only:
 * Axon's default {@code maxGapOffset} (10,000 positions) drops a gap after seconds at a high write
 * rate, whatever its age, so it is unbounded here (ADR-004). The log is read in pages of
 * {@link #READ_BATCH_SIZE} positions ({@code ledger.eventstore.read-batch-size}).
 */
@Configuration
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class EventStoreConfiguration {

    /**
     * Positions of the log one query reads (Axon's default: 100). A rebuild or an "as of" replay reads
     * the log from its start, and on H2 over its {@code AUTO_SERVER} connection each query costs a round
     * trip or more: larger pages are what let them read tens of thousands of events a second.
     */
    public static final int READ_BATCH_SIZE = 5_000;

    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            @Value("${ledger.eventstore.gap-timeout:PT10M}") Duration gapTimeout,
            @Value("${ledger.eventstore.read-batch-size:" + READ_BATCH_SIZE + "}") int readBatchSize) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(RecruitmentUpcasters.chain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .dataType(byte[].class)
                .gapTimeout((int) gapTimeout.toMillis())
                .maxGapOffset(Integer.MAX_VALUE)
                .batchSize(readBatchSize);
        return new IndexStampingEventStorageEngine(builder);
    }

    /** The log as a rebuild reads it, below Axon's event store (ADR-014), with the same gap timeout and upcasters. */
    @Bean
    LogPages jdbcLogPages(
            ConnectionProvider connectionProvider,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            @Value("${ledger.eventstore.gap-timeout:PT10M}") Duration gapTimeout) {
        return new JdbcLogPages(
                connectionProvider,
                new EventSchema(),
                eventSerializer,
                RecruitmentUpcasters.chain(),
                gapTimeout,
                BulkReplay.EVENTS_PER_WRITE,
                Clock.systemUTC());
    }
}
