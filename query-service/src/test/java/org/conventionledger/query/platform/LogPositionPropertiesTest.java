package org.conventionledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.eventhandling.GapAwareTrackingToken;

/** Properties of {@link LogPosition}: its union is the union of the sets of indexes the parts hold. */
class LogPositionPropertiesTest {

    private static final int MAX_INDEX = 40;

    @Provide
    Arbitrary<LogPosition> positions() {
        return Arbitraries.longs()
                .between(0, MAX_INDEX)
                .flatMap(index -> Arbitraries.longs()
                        .between(0, Math.max(0, index - 1))
                        .set()
                        .ofMaxSize((int) Math.min(index, 8))
                        .map(gaps -> new LogPosition(index, index == 0 ? List.of() : new ArrayList<>(gaps))));
    }

    @Property
    void unionIsCommutative(@ForAll("positions") LogPosition a, @ForAll("positions") LogPosition b) {
        assertThat(a.union(b)).isEqualTo(b.union(a));
    }

    @Property
    void unionIsAssociative(
            @ForAll("positions") LogPosition a,
            @ForAll("positions") LogPosition b,
            @ForAll("positions") LogPosition c) {
        assertThat(a.union(b).union(c)).isEqualTo(a.union(b.union(c)));
    }

    @Property
    void unionIsIdempotent(@ForAll("positions") LogPosition a, @ForAll("positions") LogPosition b) {
        assertThat(a.union(a)).isEqualTo(a);
        assertThat(a.union(b).union(b)).isEqualTo(a.union(b));
    }

    @Property
    void unionContainsExactlyWhatEitherContains(
            @ForAll("positions") LogPosition a, @ForAll("positions") LogPosition b) {
        LogPosition union = a.union(b);
        for (long i = -1; i <= MAX_INDEX + 1; i++) {
            assertThat(union.contains(i)).as("index %d", i).isEqualTo(a.contains(i) || b.contains(i));
        }
    }

    @Property
    void aGapFilledInEitherIsFilledInTheUnion(@ForAll("positions") LogPosition a, @ForAll("positions") LogPosition b) {
        LogPosition union = a.union(b);
        for (long gap : a.gaps()) {
            if (b.contains(gap)) {
                assertThat(union.gaps()).doesNotContain(gap);
            }
        }
        assertThat(union.gaps()).allMatch(gap -> !a.contains(gap) && !b.contains(gap));
    }

    @Property
    void containsIsEveryIndexUpToTheIndexExceptTheGaps(@ForAll("positions") LogPosition a) {
        Set<Long> held = new TreeSet<>();
        LongStream.rangeClosed(0, a.index()).filter(i -> !a.gaps().contains(i)).forEach(held::add);
        for (long i = 0; i <= MAX_INDEX + 1; i++) {
            assertThat(a.contains(i)).as("index %d", i).isEqualTo(held.contains(i));
        }
    }

    @Provide
    Arbitrary<List<Long>> commitOrders() {
        return Arbitraries.integers()
                .between(1, 25)
                .flatMap(n -> Arbitraries.just(
                                LongStream.rangeClosed(1, n).boxed().toList())
                        .map(ArrayList::new)
                        .flatMap(list -> Arbitraries.shuffle(list)));
    }

    /**
     * Whatever the order the transactions commit in, the position of the token a JDBC stream hands over
     * holds exactly the events handed over so far (no gap times out here).
     */
    @Property
    void positionOfAStreamTokenIsWhatTheStreamHandedOver(@ForAll("commitOrders") List<Long> commitOrder) {
        GapAwareTrackingToken token = null;
        Set<Long> handedOver = new TreeSet<>();
        for (long index : commitOrder) {
            token = LogPositionTest.afterHandingOver(token, index);
            handedOver.add(index);
            LogPosition seen = LogPosition.of(token);
            for (long i = 1; i <= commitOrder.size(); i++) {
                assertThat(seen.contains(i)).isEqualTo(handedOver.contains(i));
            }
        }
    }
}
