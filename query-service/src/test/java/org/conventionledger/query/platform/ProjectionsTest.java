package org.conventionledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * {@link Projections} on a real (embedded) MongoDB-wire store, on both embedded backends: each event
 * changes each document once, whatever the re-deliveries.
 */
class ProjectionsTest {

    /** A projection document that records every event applied to it. */
    @Document("tallies")
    public static class Tally implements Absorbing {
        @Id
        String id;

        @Version
        Long version;

        LogPosition absorbed;
        List<Long> applied = new ArrayList<>();

        @Override
        public LogPosition absorbed() {
            return absorbed;
        }

        @Override
        public void absorbed(LogPosition position) {
            this.absorbed = position;
        }

        /** What a handler of the projection does with the event: record its global index on its tally. */
        static void count(Projections projections, EventMessage<?> message, TrackingToken token) {
            String id = ((Counted) message.getPayload()).tallyId();
            projections.absorb(
                    Tally.class,
                    id,
                    message,
                    token,
                    () -> {
                        Tally tally = new Tally();
                        tally.id = id;
                        return tally;
                    },
                    tally -> tally.applied.add(EventPosition.of(message, token)));
        }
    }

    /** Test payload: something that happened to one tally. */
    record Counted(String tallyId) {}

    private ReadStore store;
    private MongoTemplate mongo;
    private Projections projections;

    private void start(ReadStore.Backend backend) {
        store = ReadStore.start(backend);
        mongo = store.mongo();
        projections = new Projections(mongo);
    }

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
    }

    private void deliver(TrackedEventMessage<?> message) {
        deliver(message, message.trackingToken());
    }

    private void deliver(EventMessage<?> message, TrackingToken token) {
        Tally.count(projections, message, token);
    }

    private Tally tally(String id) {
        return mongo.findById(id, Tally.class);
    }

    private static GapAwareTrackingToken gapAware(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, List.of(gaps));
    }

    /** An event as the JDBC stream hands it over: its token, and its own index stamped in the metadata. */
    private static TrackedEventMessage<?> stamped(String tallyId, long globalIndex, TrackingToken token) {
        return new GenericTrackedEventMessage<>(
                token,
                GenericEventMessage.asEventMessage(new Counted(tallyId))
                        .andMetaData(Map.of(IndexStampingEventStorageEngine.GLOBAL_INDEX, globalIndex)));
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void theFirstEventCreatesTheDocumentWithThePartOfTheLogItHasSeen(ReadStore.Backend backend) {
        start(backend);
        EventLog log = EventLog.jdbc();
        log.append(new Counted("other"));
        long gap = log.reserve();
        TrackedEventMessage<?> first = log.append(new Counted("a"));

        deliver(first);

        Tally a = tally("a");
        assertThat(a.applied).containsExactly(3L);
        assertThat(a.absorbed).isEqualTo(new LogPosition(3, List.of(gap)));
        assertThat(a.version).isZero();
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void anEventReDeliveredAfterACrashIsNotAppliedTwice(ReadStore.Backend backend) {
        start(backend);
        EventLog log = EventLog.jdbc();
        TrackedEventMessage<?> first = log.append(new Counted("a"));
        TrackedEventMessage<?> second = log.append(new Counted("a"));

        deliver(first);
        deliver(second);
        // crash between the write and the token update: the same events, with the same tokens, again
        deliver(first);
        deliver(second);
        deliver(second);

        Tally a = tally("a");
        assertThat(a.applied).containsExactly(1L, 2L);
        assertThat(a.version).as("a skipped event writes nothing").isEqualTo(1L);
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void reDeliveryOfAWholeSequenceFromAnOlderTokenChangesNothing(ReadStore.Backend backend) {
        start(backend);
        EventLog log = EventLog.jdbc();
        for (int i = 0; i < 8; i++) {
            log.append(new Counted(i % 3 == 0 ? "a" : "b"));
        }
        log.delivered().forEach(this::deliver);
        Tally a = tally("a");
        Tally b = tally("b");
        assertThat(a.applied).containsExactly(1L, 4L, 7L);
        assertThat(b.applied).containsExactly(2L, 3L, 5L, 6L, 8L);

        List<TrackedEventMessage<?>> fromTheStart = log.restreamFrom(null);
        List<TrackedEventMessage<?>> fromTheThird =
                log.restreamFrom(log.delivered().get(2).trackingToken());
        assertThat(fromTheStart).hasSize(8);
        assertThat(fromTheThird).hasSize(5);
        fromTheThird.forEach(this::deliver);
        fromTheStart.forEach(this::deliver);

        assertThat(tally("a")).usingRecursiveComparison().isEqualTo(a);
        assertThat(tally("b")).usingRecursiveComparison().isEqualTo(b);
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void aLateEventFillingAGapIsAppliedOnce(ReadStore.Backend backend) {
        start(backend);
        deliver(stamped("a", 10, gapAware(10)));
        deliver(stamped("a", 12, gapAware(12, 11L)));
        assertThat(tally("a").absorbed).isEqualTo(new LogPosition(12, List.of(11L)));

        // the transaction holding index 11 commits late: the stream's index stays 12, the gap is filled
        TrackedEventMessage<?> late = stamped("a", 11, gapAware(12));
        deliver(late);

        Tally a = tally("a");
        assertThat(a.applied).containsExactly(10L, 12L, 11L);
        assertThat(a.absorbed).isEqualTo(new LogPosition(12, List.of()));

        deliver(late);
        deliver(stamped("a", 12, gapAware(12, 11L)));
        assertThat(tally("a").applied).containsExactly(10L, 12L, 11L);
        assertThat(tally("a").version).isEqualTo(2L);
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void aLateEventIsAppliedOnceWhenTheProcessorRestartsFromATokenOlderThanTheGap(ReadStore.Backend backend) {
        start(backend);
        EventLog log = EventLog.jdbc();
        log.append(new Counted("a"));
        TrackingToken stored = log.last().trackingToken();
        long slow = log.reserve();
        log.append(new Counted("b"));
        log.append(new Counted("a"));
        log.delivered().forEach(this::deliver);
        assertThat(tally("a").absorbed).isEqualTo(new LogPosition(4, List.of(slow)));

        log.fill(slow, new Counted("a"));
        deliver(log.last());
        // crash: the token stored last is older than everything since; the stream now hands over 2, 3, 4 in order
        List<TrackedEventMessage<?>> again = log.restartFrom(stored);
        assertThat(again).hasSize(3);
        again.forEach(this::deliver);
        log.append(new Counted("a"));
        deliver(log.last());

        assertThat(tally("a").applied).containsExactly(1L, 4L, 2L, 5L);
        assertThat(tally("a").absorbed).isEqualTo(new LogPosition(5, List.of()));
        assertThat(tally("b").applied).containsExactly(3L);
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void withAxonServerTokensTheTokenIndexIsTheEventsOwn(ReadStore.Backend backend) {
        start(backend);
        EventLog log = EventLog.axonServer();
        log.append(new Counted("a"));
        log.append(new Counted("b"));
        log.append(new Counted("a"));
        assertThat(log.last().getMetaData()).doesNotContainKey(IndexStampingEventStorageEngine.GLOBAL_INDEX);

        log.delivered().forEach(this::deliver);
        log.delivered().forEach(this::deliver);
        log.restreamFrom(null).forEach(this::deliver);

        assertThat(tally("a").applied).containsExactly(0L, 2L);
        assertThat(tally("a").absorbed).isEqualTo(new LogPosition(2, List.of()));
        assertThat(tally("b").applied).containsExactly(1L);
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void aReplayAfterAResetRebuildsTheDocumentsOnce(ReadStore.Backend backend) {
        start(backend);
        EventLog log = EventLog.jdbc();
        for (int i = 0; i < 5; i++) {
            log.append(new Counted(i % 2 == 0 ? "a" : "b"));
        }
        log.delivered().forEach(this::deliver);
        TrackingToken tokenAtReset = log.last().trackingToken();

        mongo.dropCollection(Tally.class);
        List<TrackedEventMessage<?>> replay = log.restreamFrom(null).stream()
                .<TrackedEventMessage<?>>map(m -> m.withTrackingToken(new ReplayToken(tokenAtReset, m.trackingToken())))
                .toList();
        replay.forEach(this::deliver);
        replay.subList(1, 4).forEach(this::deliver);

        assertThat(tally("a").applied).containsExactly(1L, 3L, 5L);
        assertThat(tally("b").applied).containsExactly(2L, 4L);
        assertThat(tally("a").absorbed).isEqualTo(new LogPosition(5, List.of()));
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void anEventAbsorbedIntoOneDocumentIsNotAbsorbedIntoAnother(ReadStore.Backend backend) {
        start(backend);
        EventLog log = EventLog.jdbc();
        TrackedEventMessage<?> message = log.append(new Counted("a"));
        deliver(message);

        // a second projection document concerned by the same event (as the dashboard and a ranking are)
        projections.absorb(
                Tally.class,
                "b",
                message,
                message.trackingToken(),
                () -> {
                    Tally tally = new Tally();
                    tally.id = "b";
                    return tally;
                },
                tally -> tally.applied.add(1L));

        assertThat(tally("a").applied).containsExactly(1L);
        assertThat(tally("b").applied).containsExactly(1L);
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void documentsAreOptimisticallyVersioned(ReadStore.Backend backend) {
        start(backend);
        EventLog log = EventLog.jdbc();
        deliver(log.append(new Counted("a")));
        Tally stale = tally("a");
        assertThat(stale.version).isZero();

        deliver(log.append(new Counted("a")));
        assertThat(tally("a").version).isEqualTo(1L);

        stale.applied.add(99L);
        assertThatThrownBy(() -> mongo.save(stale)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(tally("a").applied).containsExactly(1L, 2L);
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void aStaleWriterFailsInsteadOfOverwriting(ReadStore.Backend backend) {
        start(backend);
        EventLog log = EventLog.jdbc();
        deliver(log.append(new Counted("a")));
        TrackedEventMessage<?> slow = log.append(new Counted("a"));
        TrackedEventMessage<?> fast = log.append(new Counted("a"));

        // while the slow writer holds the document it loaded, another writer saves a newer state
        assertThatThrownBy(() -> projections.absorb(Tally.class, "a", slow, slow.trackingToken(), Tally::new, tally -> {
                    tally.applied.add(2L);
                    deliver(fast);
                }))
                .isInstanceOf(OptimisticLockingFailureException.class);

        Tally a = tally("a");
        assertThat(a.applied).containsExactly(1L, 3L);
        assertThat(a.version).isEqualTo(1L);
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void aStaleCreatorFailsInsteadOfOverwriting(ReadStore.Backend backend) {
        start(backend);
        EventLog log = EventLog.jdbc();
        TrackedEventMessage<?> slow = log.append(new Counted("a"));
        TrackedEventMessage<?> fast = log.append(new Counted("a"));

        assertThatThrownBy(() -> projections.absorb(
                        Tally.class,
                        "a",
                        slow,
                        slow.trackingToken(),
                        () -> {
                            Tally tally = new Tally();
                            tally.id = "a";
                            return tally;
                        },
                        tally -> {
                            tally.applied.add(1L);
                            deliver(fast);
                        }))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(tally("a").applied).containsExactly(2L);
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void aDocumentStoredWithoutAbsorbedPositionTakesTheEvent(ReadStore.Backend backend) {
        start(backend);
        Tally legacy = new Tally();
        legacy.id = "a";
        mongo.save(legacy);

        EventLog log = EventLog.jdbc();
        deliver(log.append(new Counted("a")));

        assertThat(tally("a").applied).containsExactly(1L);
        assertThat(tally("a").absorbed).isEqualTo(new LogPosition(1, List.of()));
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void theAbsorbedPartSurvivesTheRoundTripThroughTheStoreWithLongGaps(ReadStore.Backend backend) {
        start(backend);
        long big = 5_000_000_000L;
        deliver(stamped("a", big, gapAware(big, 7L, big - 1)));

        Tally a = tally("a");
        assertThat(a.absorbed).isEqualTo(new LogPosition(big, List.of(7L, big - 1)));
        assertThat(a.absorbed.gaps()).allMatch(gap -> gap instanceof Long);
        assertThat(a.absorbed.contains(7)).isFalse();
        assertThat(a.absorbed.contains(8)).isTrue();
    }
}
