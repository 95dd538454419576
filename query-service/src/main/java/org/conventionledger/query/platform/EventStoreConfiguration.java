package org.conventionledger.query.platform;

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
 * rate, whatever its age, so it is unbounded here (ADR-004).
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
                .maxGapOffset(Integer.MAX_VALUE);
        return new IndexStampingEventStorageEngine(builder);
    }
}
