package org.conventionledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.conventionledger.query.platform.ProjectionsTest.Counted;
import org.conventionledger.query.platform.ProjectionsTest.Tally;
import org.junit.jupiter.api.Test;

/**
 * {@link Projections} under Axon's own pooled streaming processor, configured as the service configures
 * its processors (propagating errors, tokens in the read store): a document is written once per batch,
 * and a batch that fails half-way is retried whole, each event counted once.
 */
class PooledProcessorBatchesTest {

    private static final int EVENTS = 1_000;
    private static final int BATCH_SIZE = 100;

    /** Counts each event on its tally, and dies once in the middle of the log. */
    static class TallyProjection {

        private final Projections projections;
        private final AtomicBoolean crashed = new AtomicBoolean();

        TallyProjection(Projections projections) {
            this.projections = projections;
        }

        @EventHandler
        void on(Counted event, EventMessage<?> message, TrackingToken token) {
            long index = EventPosition.of(message, token);
            projections.absorb(
                    Tally.class,
                    event.tallyId(),
                    message,
                    token,
                    () -> {
                        Tally tally = new Tally();
                        tally.id = event.tallyId();
                        return tally;
                    },
                    tally -> tally.applied.add(index));
            if (index == EVENTS / 2 && crashed.compareAndSet(false, true)) {
                throw new IllegalStateException("the batch fails half-way through");
            }
        }
    }

    @Test
    void eachDocumentIsWrittenOncePerBatchAndAFailedBatchIsRetriedWhole() throws Exception {
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
        try (ReadStore store = ReadStore.start()) {
            EmbeddedEventStore log = EmbeddedEventStore.builder()
                    .storageEngine(new InMemoryEventStorageEngine())
                    .build();
            List<EventMessage<?>> events = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                events.add(GenericEventMessage.asEventMessage(new Counted(i % 4 == 0 ? "b" : "a")));
            }
            log.publish(events);

            PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                    .name("tallies")
                    .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                            .eventHandlers(new TallyProjection(new Projections(store.mongo())))
                            .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                            .build())
                    .messageSource(log)
                    .tokenStore(new ProjectionsFirstTokenStore(MongoTokenStore.builder()
                            .mongoTemplate(DefaultMongoTemplate.builder()
                                    .mongoDatabase(store.client(), "ledger-test")
                                    .build())
                            .serializer(JacksonSerializer.defaultSerializer())))
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .coordinatorExecutor(coordinator)
                    .workerExecutor(workers)
                    .initialSegmentCount(1)
                    .batchSize(BATCH_SIZE)
                    // reclaims the failed segment soon (default: 5 s)
                    .tokenClaimInterval(200)
                    .build();
            processor.start();
            try {
                await(() -> applied(store, "a") + applied(store, "b") >= EVENTS);
            } finally {
                processor.shutDown();
            }

            // the in-memory log starts at index 0
            Tally a = store.mongo().findById("a", Tally.class);
            Tally b = store.mongo().findById("b", Tally.class);
            assertThat(a.applied)
                    .containsExactlyElementsOf(LongStream.range(0, EVENTS)
                            .filter(i -> i % 4 != 0)
                            .boxed()
                            .toList());
            assertThat(b.applied)
                    .containsExactlyElementsOf(LongStream.range(0, EVENTS)
                            .filter(i -> i % 4 == 0)
                            .boxed()
                            .toList());
            // one write per batch (ten batches, one of them retried), against one per event one by one
            assertThat(a.version).isLessThan(2L * EVENTS / BATCH_SIZE);
        } finally {
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
    }

    private static int applied(ReadStore store, String id) {
        Tally tally = store.mongo().findById(id, Tally.class);
        return tally == null ? 0 : tally.applied.size();
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("the processor caught up within 60 s").isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
