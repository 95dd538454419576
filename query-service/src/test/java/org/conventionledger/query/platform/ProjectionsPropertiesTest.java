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

/**
 * Exactly-once effects whatever happens: transactions commit in any order (the JDBC stream passes slow
 * ones as gaps and hands them over late), the processor stores its token now and then, crashes and
 * restarts from the token it stored last, and events are re-delivered as they are.
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
        NOTHING, STORE_TOKEN, CRASH_AND_RESTART, REDELIVER_LAST
    }

    record Scenario(List<Long> commitOrder, List<String> tallyOfIndex, List<Step> steps) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.integers().between(1, 20).flatMap(n -> {
            Arbitrary<List<Long>> order = Arbitraries.shuffle(LongStream.rangeClosed(1, n).boxed().toList());
            Arbitrary<List<String>> tallies = Arbitraries.of(TALLIES).list().ofSize(n);
            Arbitrary<List<Step>> steps = Arbitraries.frequencyOf(
                    Tuple.of(5, Arbitraries.just(Step.NOTHING)),
                    Tuple.of(3, Arbitraries.just(Step.STORE_TOKEN)),
                    Tuple.of(2, Arbitraries.just(Step.CRASH_AND_RESTART)),
                    Tuple.of(1, Arbitraries.just(Step.REDELIVER_LAST))).list().ofSize(n);
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
            TrackedEventMessage<?> committed = log.fill(index, new Counted(scenario.tallyOfIndex().get((int) index - 1)));
            deliver(projections, committed);
            switch (scenario.steps().get(i)) {
                case NOTHING -> {
                }
                case STORE_TOKEN -> stored = committed.trackingToken();
                case CRASH_AND_RESTART -> log.restartFrom(stored).forEach(m -> deliver(projections, m));
                case REDELIVER_LAST -> deliver(projections, committed);
            }
        }
        // and a replay of the whole log from the beginning, without reset, changes nothing either
        log.restreamFrom(null).forEach(m -> deliver(projections, m));

        for (String id : TALLIES) {
            List<Long> expected = LongStream.rangeClosed(1, n)
                    .filter(i -> scenario.tallyOfIndex().get((int) i - 1).equals(id))
                    .boxed().collect(Collectors.toList());
            Tally tally = store.mongo().findById(id, Tally.class);
            List<Long> applied = tally == null ? List.of() : new ArrayList<>(tally.applied);
            assertThat(applied).as("tally %s", id).containsExactlyInAnyOrderElementsOf(expected);
            if (tally != null) {
                assertThat(expected).allMatch(tally.absorbed::contains);
            }
        }
    }

    private static void deliver(Projections projections, TrackedEventMessage<?> message) {
        String id = ((Counted) message.getPayload()).tallyId();
        projections.absorb(Tally.class, id, message, message.trackingToken(), () -> {
            Tally tally = new Tally();
            tally.id = id;
            return tally;
        }, tally -> tally.applied.add(EventPosition.of(message, message.trackingToken())));
    }
}
