package org.conventionledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.conventionledger.query.platform.ProjectionsTest.Counted;
import org.conventionledger.query.platform.ProjectionsTest.Tally;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Exactly-once effects whatever happens: transactions commit in any order (the JDBC stream passes slow
 * ones as gaps and hands them over late), the processor stores its token now and then, crashes and
 * restarts from the token it stored last, and events are re-delivered as they are; one event at a time,
 * and in batches of any size that crash while they run, while their documents are written, or before
 * their token is.
 */
class ProjectionsPropertiesTest {

    private static final List<String> TALLIES = List.of("a", "b", "c");

    private static ReadStore store;

    @BeforeContainer
    static void startStore() {
        store = ReadStore.start();
    }

    @AfterContainer
    static void stopStore() {
        store.close();
    }

    /** What happens after each commit. */
    enum Step {
        NOTHING,
        STORE_TOKEN,
        CRASH_AND_RESTART,
        REDELIVER_LAST
    }

    record Scenario(List<Long> commitOrder, List<String> tallyOfIndex, List<Step> steps) {}

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.integers().between(1, 20).flatMap(n -> {
            Arbitrary<List<Long>> order =
                    Arbitraries.shuffle(LongStream.rangeClosed(1, n).boxed().toList());
            Arbitrary<List<String>> tallies = Arbitraries.of(TALLIES).list().ofSize(n);
            Arbitrary<List<Step>> steps = Arbitraries.frequencyOf(
                            Tuple.of(5, Arbitraries.just(Step.NOTHING)),
                            Tuple.of(3, Arbitraries.just(Step.STORE_TOKEN)),
                            Tuple.of(2, Arbitraries.just(Step.CRASH_AND_RESTART)),
                            Tuple.of(1, Arbitraries.just(Step.REDELIVER_LAST)))
                    .list()
                    .ofSize(n);
            return Combinators.combine(order, tallies, steps).as(Scenario::new);
        });
    }

    @Property(tries = 200)
    void everyEventChangesItsDocumentExactlyOnce(@ForAll("scenarios") Scenario scenario) {
        store.mongo().dropCollection(Tally.class);
        Projections projections = new Projections(store.mongo());
        int n = scenario.commitOrder().size();

        EventLog log = EventLog.jdbc();
        for (int i = 0; i < n; i++) {
            log.reserve();
        }
        TrackingToken stored = null;
        for (int i = 0; i < n; i++) {
            long index = scenario.commitOrder().get(i);
            TrackedEventMessage<?> committed =
                    log.fill(index, new Counted(scenario.tallyOfIndex().get((int) index - 1)));
            deliver(projections, committed);
            switch (scenario.steps().get(i)) {
                case NOTHING -> {}
                case STORE_TOKEN -> stored = committed.trackingToken();
                case CRASH_AND_RESTART -> log.restartFrom(stored).forEach(m -> deliver(projections, m));
                case REDELIVER_LAST -> deliver(projections, committed);
            }
        }
        // and a replay of the whole log from the beginning, without reset, changes nothing either
        log.restreamFrom(null).forEach(m -> deliver(projections, m));

        assertExactlyOnce(store, n, scenario.tallyOfIndex());
    }

    /** What happens after each commit, when the processor works in batches. */
    enum BatchStep {
        NOTHING,
        END_BATCH,
        REDELIVER_LAST,
        CRASH_AND_RESTART,
        CRASH_WHILE_WRITING,
        CRASH_BEFORE_TOKEN
    }

    /** {@code writesBeforeFailing}: how many documents a crashing write gets through. */
    record BatchScenario(
            List<Long> commitOrder,
            List<String> tallyOfIndex,
            List<BatchStep> steps,
            int restartBatchSize,
            int writesBeforeFailing) {}

    @Provide
    Arbitrary<BatchScenario> batchScenarios() {
        return Arbitraries.integers().between(1, 20).flatMap(n -> {
            Arbitrary<List<Long>> order =
                    Arbitraries.shuffle(LongStream.rangeClosed(1, n).boxed().toList());
            Arbitrary<List<String>> tallies = Arbitraries.of(TALLIES).list().ofSize(n);
            Arbitrary<List<BatchStep>> steps = Arbitraries.frequencyOf(
                            Tuple.of(6, Arbitraries.just(BatchStep.NOTHING)),
                            Tuple.of(4, Arbitraries.just(BatchStep.END_BATCH)),
                            Tuple.of(1, Arbitraries.just(BatchStep.REDELIVER_LAST)),
                            Tuple.of(1, Arbitraries.just(BatchStep.CRASH_AND_RESTART)),
                            Tuple.of(1, Arbitraries.just(BatchStep.CRASH_WHILE_WRITING)),
                            Tuple.of(1, Arbitraries.just(BatchStep.CRASH_BEFORE_TOKEN)))
                    .list()
                    .ofSize(n);
            return Combinators.combine(
                            order,
                            tallies,
                            steps,
                            Arbitraries.integers().between(1, 6),
                            Arbitraries.integers().between(0, 2))
                    .as(BatchScenario::new);
        });
    }

    @Property(tries = 200)
    void everyEventChangesItsDocumentExactlyOnceInBatches(@ForAll("batchScenarios") BatchScenario scenario) {
        // a store of its own: documents and tokens of earlier tries cannot interfere
        try (ReadStore own = ReadStore.start()) {
            new BatchedRun(scenario, own).run();
            assertExactlyOnce(own, scenario.commitOrder().size(), scenario.tallyOfIndex());
        }
    }

    /** The log and one segment of a pooled processor working through a batch scenario. */
    private static final class BatchedRun {

        private final BatchScenario scenario;
        private final ReadStore store;
        private final EventLog log = EventLog.jdbc();
        private final WorkPackageDouble segment;
        private final Projections projections;
        private final List<TrackedEventMessage<?>> batch = new ArrayList<>();
        /** The token as the store holds it, unless a crash lost its last write. */
        private TrackingToken stored;

        BatchedRun(BatchScenario scenario, ReadStore store) {
            this.scenario = scenario;
            this.store = store;
            this.segment = new WorkPackageDouble(store);
            this.projections = new Projections(store.mongo());
        }

        void run() {
            int n = scenario.commitOrder().size();
            for (int i = 0; i < n; i++) {
                log.reserve();
            }
            for (int i = 0; i < n; i++) {
                long index = scenario.commitOrder().get(i);
                TrackedEventMessage<?> committed =
                        log.fill(index, new Counted(scenario.tallyOfIndex().get((int) index - 1)));
                batch.add(committed);
                switch (scenario.steps().get(i)) {
                    case NOTHING -> {}
                    case END_BATCH -> endBatch();
                    case REDELIVER_LAST -> batch.add(committed);
                    case CRASH_AND_RESTART -> restart();
                    case CRASH_WHILE_WRITING -> {
                        crashWhileWriting();
                        restart();
                    }
                    case CRASH_BEFORE_TOKEN -> {
                        TrackingToken before = stored;
                        endBatch();
                        stored = before;
                        restart();
                    }
                }
            }
            endBatch();
            // and a replay of the whole log from the beginning, without reset, changes nothing either
            inBatches(log.restreamFrom(null));
        }

        private void endBatch() {
            if (!batch.isEmpty()) {
                segment.process(batch, m -> deliver(projections, m));
                stored = batch.get(batch.size() - 1).trackingToken();
                batch.clear();
            }
        }

        private void crashWhileWriting() {
            if (batch.isEmpty()) {
                return;
            }
            TrackingToken before = segment.storedToken();
            Projections failing = new Projections(new FailingWrites(store.mongo(), scenario.writesBeforeFailing()));
            try {
                segment.process(batch, m -> deliver(failing, m));
                stored = batch.get(batch.size() - 1).trackingToken();
            } catch (WorkPackageDouble.BatchFailed crashed) {
                assertThat(segment.storedToken())
                        .as("token after a failed write")
                        .isEqualTo(before);
            }
            batch.clear();
        }

        /** The batch in progress is lost; the stream starts again from the stored token. */
        private void restart() {
            batch.clear();
            inBatches(log.restartFrom(stored));
        }

        private void inBatches(List<TrackedEventMessage<?>> messages) {
            for (int from = 0; from < messages.size(); from += scenario.restartBatchSize()) {
                batch.addAll(messages.subList(from, Math.min(messages.size(), from + scenario.restartBatchSize())));
                endBatch();
            }
        }
    }

    /** A read store that goes away after some writes. */
    private static final class FailingWrites extends MongoTemplate {

        private int writesLeft;

        FailingWrites(MongoTemplate mongo, int writes) {
            super(mongo.getMongoDatabaseFactory());
            this.writesLeft = writes;
        }

        @Override
        public <T> T save(T document) {
            if (writesLeft-- == 0) {
                throw new DataAccessResourceFailureException("read store unreachable");
            }
            return super.save(document);
        }
    }

    private static void assertExactlyOnce(ReadStore store, int n, List<String> tallyOfIndex) {
        for (String id : TALLIES) {
            List<Long> expected = LongStream.rangeClosed(1, n)
                    .filter(i -> tallyOfIndex.get((int) i - 1).equals(id))
                    .boxed()
                    .collect(Collectors.toList());
            Tally tally = store.mongo().findById(id, Tally.class);
            List<Long> applied = tally == null ? List.of() : new ArrayList<>(tally.applied);
            assertThat(applied).as("tally %s", id).containsExactlyInAnyOrderElementsOf(expected);
            if (tally != null) {
                assertThat(expected).allMatch(tally.absorbed::contains);
            }
        }
    }

    private static void deliver(Projections projections, TrackedEventMessage<?> message) {
        Tally.count(projections, message, message.trackingToken());
    }
}
