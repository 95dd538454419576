package org.conventionledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.conventionledger.query.platform.ProjectionsTest.Counted;
import org.conventionledger.query.platform.ProjectionsTest.Tally;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * {@link Projections} inside an event processor's batch: each document touched by the batch is read
 * once and written once, before the batch's token, with the same exactly-once effects as one event at
 * a time.
 */
class ProjectionsBatchTest {

    private ReadStore store;
    private MongoTemplate mongo;
    private WorkPackageDouble segment;

    @BeforeEach
    void start() {
        store = ReadStore.start();
        mongo = store.mongo();
        segment = new WorkPackageDouble(store);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static void deliver(Projections projections, EventMessage<?> message, TrackingToken token) {
        Tally.count(projections, message, token);
    }

    private void process(List<? extends TrackedEventMessage<?>> batch) {
        process(new Projections(mongo), batch);
    }

    private void process(Projections projections, List<? extends TrackedEventMessage<?>> batch) {
        segment.process(batch, m -> deliver(projections, m, m.trackingToken()));
    }

    private Tally tally(String id) {
        return mongo.findById(id, Tally.class);
    }

    private static TrackedEventMessage<?> stamped(String tallyId, long globalIndex, TrackingToken token) {
        return new GenericTrackedEventMessage<>(
                token,
                GenericEventMessage.asEventMessage(new Counted(tallyId))
                        .andMetaData(Map.of(IndexStampingEventStorageEngine.GLOBAL_INDEX, globalIndex)));
    }

    private static GapAwareTrackingToken gapAware(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, List.of(gaps));
    }

    @Test
    void theEventsOfABatchOnOneDocumentAreWrittenOnceWithTheSameResultAsOneByOne() {
        EventLog log = EventLog.jdbc();
        log.append(new Counted("a"));
        long slow = log.reserve();
        for (int i = 0; i < 12; i++) {
            log.append(new Counted(i % 3 == 0 ? "b" : "a"));
        }
        List<TrackedEventMessage<?>> batch = log.delivered();
        Projections projections = new Projections(mongo);

        segment.process(batch, m -> {
            deliver(projections, m, m.trackingToken());
            assertThat(tally("a"))
                    .as("nothing is written before the batch commits")
                    .isNull();
        });

        try (ReadStore oneByOne = ReadStore.start()) {
            Projections immediate = new Projections(oneByOne.mongo());
            batch.forEach(m -> deliver(immediate, m, m.trackingToken()));
            for (String id : List.of("a", "b")) {
                assertThat(tally(id))
                        .usingRecursiveComparison()
                        .ignoringFields("version")
                        .isEqualTo(oneByOne.mongo().findById(id, Tally.class));
            }
        }
        assertThat(tally("a").applied).hasSize(9);
        assertThat(tally("a").absorbed).isEqualTo(new LogPosition(14, List.of(slow)));
        assertThat(tally("a").version).as("one write for the whole batch").isZero();
        assertThat(tally("b").version).isZero();
        assertThat(segment.storedToken()).isEqualTo(log.last().trackingToken());

        log.append(new Counted("a"));
        log.append(new Counted("a"));
        process(log.delivered().subList(13, 15));
        assertThat(tally("a").applied).hasSize(11);
        assertThat(tally("a").version).isEqualTo(1L);
        assertThat(tally("b").version)
                .as("a document the batch does not touch is not written")
                .isZero();
    }

    @Test
    void anEventReDeliveredWithinOneBatchIsAppliedOnce() {
        EventLog log = EventLog.jdbc();
        TrackedEventMessage<?> first = log.append(new Counted("a"));
        TrackedEventMessage<?> second = log.append(new Counted("a"));

        process(List.of(first, second, first, second));

        assertThat(tally("a").applied).containsExactly(1L, 2L);
        assertThat(tally("a").version).isZero();
    }

    @Test
    void aCrashMidBatchWritesNothingAndTheReDeliveredBatchCountsEachEventOnce() {
        EventLog log = EventLog.jdbc();
        for (int i = 0; i < 3; i++) {
            log.append(new Counted(i % 2 == 0 ? "a" : "b"));
        }
        process(log.delivered());
        TrackingToken stored = segment.storedToken();
        for (int i = 0; i < 6; i++) {
            log.append(new Counted(i % 2 == 0 ? "a" : "b"));
        }
        List<TrackedEventMessage<?>> batch = log.delivered().subList(3, 9);
        Projections projections = new Projections(mongo);

        assertThatThrownBy(() -> segment.process(batch, m -> {
                    deliver(projections, m, m.trackingToken());
                    if (EventPosition.of(m, m.trackingToken()) == 7) {
                        throw new IllegalStateException("the process dies half-way through the batch");
                    }
                }))
                .hasRootCauseMessage("the process dies half-way through the batch");

        assertThat(tally("a").applied).containsExactly(1L, 3L);
        assertThat(tally("b").applied).containsExactly(2L);
        assertThat(segment.storedToken()).isEqualTo(stored);

        process(log.restartFrom(stored));
        assertThat(tally("a").applied).containsExactly(1L, 3L, 4L, 6L, 8L);
        assertThat(tally("b").applied).containsExactly(2L, 5L, 7L, 9L);
    }

    @Test
    void aFlushFailingAfterSomeDocumentsFailsTheBatchAndItsReDeliveryCountsEachEventOnce() {
        EventLog log = EventLog.jdbc();
        log.append(new Counted("a"));
        process(log.delivered());
        TrackingToken stored = segment.storedToken();
        log.append(new Counted("a"));
        log.append(new Counted("b"));
        log.append(new Counted("a"));
        List<TrackedEventMessage<?>> batch = log.delivered().subList(1, 4);

        // the store accepts the write of "a", then goes away before the write of "b"
        MongoTemplate failing = new MongoTemplate(mongo.getMongoDatabaseFactory()) {
            @Override
            public <T> T save(T document) {
                if (((Tally) document).id.equals("b")) {
                    throw new DataAccessResourceFailureException("read store unreachable");
                }
                return super.save(document);
            }
        };
        assertThatThrownBy(() -> process(new Projections(failing), batch))
                .hasRootCauseInstanceOf(DataAccessResourceFailureException.class);
        assertThat(tally("a").applied).containsExactly(1L, 2L, 4L);
        assertThat(tally("b")).isNull();
        assertThat(segment.storedToken())
                .as("the token never passes a document not written")
                .isEqualTo(stored);

        process(log.restartFrom(stored));
        assertThat(tally("a").applied).containsExactly(1L, 2L, 4L);
        assertThat(tally("b").applied).containsExactly(3L);
        assertThat(segment.storedToken()).isEqualTo(log.last().trackingToken());
    }

    @Test
    void aBatchWithAFailedChangeIsNeverWrittenEvenIfTheFailureIsSwallowed() {
        EventLog log = EventLog.jdbc();
        TrackedEventMessage<?> first = log.append(new Counted("a"));
        TrackedEventMessage<?> second = log.append(new Counted("a"));
        Projections projections = new Projections(mongo);

        assertThatThrownBy(() -> segment.process(List.of(first, second), m -> {
                    try {
                        projections.absorb(
                                Tally.class,
                                "a",
                                m,
                                m.trackingToken(),
                                () -> {
                                    Tally tally = new Tally();
                                    tally.id = "a";
                                    return tally;
                                },
                                tally -> {
                                    tally.applied.add(EventPosition.of(m, m.trackingToken()));
                                    if (m == first) {
                                        throw new IllegalStateException("half-applied");
                                    }
                                });
                    } catch (IllegalStateException logged) {
                        // what a logging error handler would do
                    }
                }))
                .hasRootCauseMessage("A projection change of this batch failed; the batch is not written");

        assertThat(tally("a")).isNull();
        assertThat(segment.storedToken()).isNull();
    }

    @Test
    void aGapFilledInALaterBatchIsApplied() {
        process(List.of(stamped("a", 10, gapAware(10)), stamped("a", 12, gapAware(12, 11L))));
        assertThat(tally("a").absorbed).isEqualTo(new LogPosition(12, List.of(11L)));

        process(List.of(stamped("a", 11, gapAware(12)), stamped("a", 13, gapAware(13))));

        assertThat(tally("a").applied).containsExactly(10L, 12L, 11L, 13L);
        assertThat(tally("a").absorbed).isEqualTo(new LogPosition(13, List.of()));
        assertThat(tally("a").version).isEqualTo(1L);

        // the two batches again, as after a restart from an older token
        process(List.of(stamped("a", 10, gapAware(10)), stamped("a", 12, gapAware(12, 11L))));
        process(List.of(stamped("a", 11, gapAware(12)), stamped("a", 13, gapAware(13))));
        assertThat(tally("a").applied).containsExactly(10L, 12L, 11L, 13L);
        assertThat(tally("a").version)
                .as("batches with nothing new write nothing")
                .isEqualTo(1L);
    }

    @Test
    void aDocumentCreatedEarlierInTheBatchExistsForTheRestOfIt() {
        EventLog log = EventLog.jdbc();
        TrackedEventMessage<?> created = log.append(new Counted("a"));
        TrackedEventMessage<?> next = log.append(new Counted("b"));
        Projections projections = new Projections(mongo);

        segment.process(List.of(created, next), m -> {
            deliver(projections, m, m.trackingToken());
            if (m == next) {
                assertThat(mongo.exists(new Query(), Tally.class)).isFalse();
                assertThat(projections.exists(Tally.class, "a")).isTrue();
                assertThat(projections.exists(Tally.class, "c")).isFalse();
            }
        });
        assertThat(projections.exists(Tally.class, "a")).isTrue();
    }
}
