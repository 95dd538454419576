package org.conventionledger.command.platform;

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
 * The log on a relational database: H2 file (embedded default) or PostgreSQL ({@code postgres}
 * profile). The schema comes from {@code eventstore/schema-*.sql} at start. Under the
 * {@code axonserver} profile Axon Server holds the log and this engine is not created.
 *
 * <p>Gaps (ADR-004): concurrent writers commit out of order and leave temporary gaps in the global
 * index; a tracking reader gives up on a gap after the gap timeout, and never by count
 * ({@code maxGapOffset} unbounded), so only age decides. Every write transaction here is bounded by
 * {@link BoundedTransactionManager} well below the gap timeout, which makes "a gap older than the
 * timeout" mean "an aborted append"; the service refuses to start with settings that break that.
 */
@Configuration
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class EventStoreConfiguration {

    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            @Value("${ledger.eventstore.gap-timeout:PT10M}") Duration gapTimeout) {
        return JdbcEventStorageEngine.builder()
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
                .build();
    }
}
