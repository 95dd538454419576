package org.conventionledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MergedTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LogPositionTest {

    static LogPosition position(long index, Long... gaps) {
        return new LogPosition(index, List.of(gaps));
    }

    static GapAwareTrackingToken gapAware(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, List.of(gaps));
    }

    @Nested
    class Construction {

        @Test
        void gapsAreSortedAndWithoutDuplicates() {
            assertThat(new LogPosition(12, Arrays.asList(11L, 3L, 7L, 3L)).gaps())
                    .containsExactly(3L, 7L, 11L);
        }

        @Test
        void noGapsWhenNoneAreGiven() {
            assertThat(new LogPosition(4, null).gaps()).isEmpty();
        }

        @Test
        void gapsCannotBeChangedAfterwards() {
            List<Long> gaps = new ArrayList<>(List.of(2L));
            LogPosition position = new LogPosition(5, gaps);
            gaps.add(3L);

            assertThat(position.gaps()).containsExactly(2L);
            assertThatThrownBy(() -> position.gaps().add(4L)).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void equalPartsAreEqualWhateverTheOrderOfTheirGaps() {
            assertThat(new LogPosition(9, List.of(8L, 2L))).isEqualTo(new LogPosition(9, List.of(2L, 8L)));
        }
    }

    @Nested
    class OfToken {

        @Test
        void gapAwareTokenGivesItsIndexAndGaps() {
            assertThat(LogPosition.of(gapAware(12, 11L, 7L))).isEqualTo(position(12, 7L, 11L));
        }

        @Test
        void gapAwareTokenWithoutGaps() {
            assertThat(LogPosition.of(gapAware(12))).isEqualTo(position(12));
        }

        @Test
        void globalSequenceTokenGivesItsIndexAndNoGaps() {
            assertThat(LogPosition.of(new GlobalSequenceTrackingToken(42))).isEqualTo(position(42));
        }

        @Test
        void globalSequenceTokenOfTheFirstEvent() {
            LogPosition first = LogPosition.of(new GlobalSequenceTrackingToken(0));

            assertThat(first).isEqualTo(position(0));
            assertThat(first.contains(0)).isTrue();
            assertThat(first.contains(1)).isFalse();
        }

        @Test
        void replayTokenGivesThePositionReachedInTheReplayNotThePositionAtReset() {
            TrackingToken replay = new ReplayToken(gapAware(40, 38L), gapAware(12, 11L));

            assertThat(LogPosition.of(replay)).isEqualTo(position(12, 11L));
        }

        @Test
        void replayTokenOverGlobalSequenceTokens() {
            TrackingToken replay = ReplayToken.createReplayToken(
                    new GlobalSequenceTrackingToken(40), new GlobalSequenceTrackingToken(7));

            assertThat(replay).isInstanceOf(ReplayToken.class);
            assertThat(LogPosition.of(replay)).isEqualTo(position(7));
        }

        @Test
        void replayTokenAdvancedByTheStream() {
            TrackingToken replay = new ReplayToken(
                            new GlobalSequenceTrackingToken(40), new GlobalSequenceTrackingToken(7))
                    .advancedTo(new GlobalSequenceTrackingToken(8));

            assertThat(replay).isInstanceOf(ReplayToken.class);
            assertThat(LogPosition.of(replay)).isEqualTo(position(8));
        }

        @Test
        void replayTokenAroundAMergeInProgressGivesTheLowerBound() {
            TrackingToken merged = new MergedTrackingToken(gapAware(20, 15L), gapAware(17));
            TrackingToken replay = new ReplayToken(gapAware(50), merged);

            assertThat(LogPosition.of(merged)).isEqualTo(position(17, 15L));
            assertThat(LogPosition.of(replay)).isEqualTo(position(17, 15L));
        }

        @Test
        void unsupportedTokensAreRefused() {
            TrackingToken foreign = new TrackingToken() {
                @Override
                public TrackingToken lowerBound(TrackingToken other) {
                    return this;
                }

                @Override
                public TrackingToken upperBound(TrackingToken other) {
                    return this;
                }

                @Override
                public boolean covers(TrackingToken other) {
                    return false;
                }

                @Override
                public OptionalLong position() {
                    return OptionalLong.empty();
                }
            };

            assertThatThrownBy(() -> LogPosition.of(foreign)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> LogPosition.of(null)).isInstanceOf(IllegalArgumentException.class);
        }

        /** The position of a stream's token is exactly what the stream has handed over, whatever the commit order. */
        @ParameterizedTest(name = "commit order {0}")
        @MethodSource("org.conventionledger.query.platform.LogPositionTest#commitOrders")
        void tokenCoversExactlyTheEventsHandedOver(List<Long> commitOrder) {
            GapAwareTrackingToken token = null;
            List<Long> handedOver = new ArrayList<>();
            for (long index : commitOrder) {
                token = afterHandingOver(token, index);
                handedOver.add(index);

                LogPosition seen = LogPosition.of(token);
                for (long i = 1; i <= commitOrder.size() + 1; i++) {
                    assertThat(seen.contains(i))
                            .as("index %d after %s", i, handedOver)
                            .isEqualTo(handedOver.contains(i));
                }
            }
        }
    }

    /**
     * The token of a JDBC stream after it hands over {@code index}: the first one has every earlier index
     * as a gap; later ones advance (no gap times out here).
     */
    static GapAwareTrackingToken afterHandingOver(GapAwareTrackingToken token, long index) {
        return token == null
                ? GapAwareTrackingToken.newInstance(
                        index, LongStream.range(1, index).boxed().toList())
                : token.advanceTo(index, 10_000);
    }

    static Stream<List<Long>> commitOrders() {
        return Stream.of(
                List.of(1L, 2L, 3L, 4L, 5L),
                List.of(2L, 1L, 3L),
                List.of(1L, 3L, 5L, 2L, 4L),
                List.of(5L, 4L, 3L, 2L, 1L),
                List.of(3L, 1L, 4L, 2L, 6L, 5L));
    }

    @Nested
    class Contains {

        @ParameterizedTest(name = "(12, gaps [7, 11]) contains {0}: {1}")
        @CsvSource({
            "0, true",
            "1, true",
            "6, true",
            "7, false",
            "8, true",
            "11, false",
            "12, true",
            "13, false",
            "1000, false"
        })
        void everyIndexUpToTheIndexExceptTheGaps(long eventIndex, boolean contained) {
            assertThat(position(12, 7L, 11L).contains(eventIndex)).isEqualTo(contained);
        }
    }

    @Nested
    class Union {

        static Stream<Arguments> examples() {
            return Stream.of(
                    Arguments.of(position(12, 11L), position(12), position(12)),
                    Arguments.of(position(12, 11L), position(13, 11L), position(13, 11L)),
                    Arguments.of(position(10, 3L, 7L), position(15, 3L, 12L), position(15, 3L, 12L)),
                    Arguments.of(position(10, 7L), position(15, 3L, 12L), position(15, 12L)),
                    Arguments.of(position(5), position(15, 3L, 12L), position(15, 12L)),
                    Arguments.of(position(20), position(15, 3L, 12L), position(20)),
                    Arguments.of(position(4, 2L), position(4, 3L), position(4)),
                    Arguments.of(position(0), position(0), position(0)));
        }

        @ParameterizedTest(name = "{0} ∪ {1} = {2}")
        @MethodSource("examples")
        void examples(LogPosition a, LogPosition b, LogPosition union) {
            assertThat(a.union(b)).isEqualTo(union);
            assertThat(b.union(a)).as("commutative").isEqualTo(union);
        }

        @ParameterizedTest(name = "{0} ∪ {1}")
        @MethodSource("examples")
        void containsEverythingEitherContainsAndNothingElse(LogPosition a, LogPosition b) {
            LogPosition union = a.union(b);
            for (long i = -1; i <= 25; i++) {
                assertThat(union.contains(i)).as("index %d", i).isEqualTo(a.contains(i) || b.contains(i));
            }
        }

        @Test
        void aGapFilledInOneIsFilledInTheUnion() {
            LogPosition stillMissing = position(12, 11L);
            LogPosition filled = position(12);

            assertThat(stillMissing.union(filled).contains(11)).isTrue();
            assertThat(filled.union(stillMissing).contains(11)).isTrue();
        }

        @Test
        void aGapFilledByAnOlderPositionIsFilledInTheUnion() {
            // the late event 11 was absorbed with token (11), the document then saw (14, gaps [11]) from a lagging
            // stream
            LogPosition newer = position(14, 11L);
            LogPosition older = position(11);

            assertThat(newer.union(older)).isEqualTo(position(14));
            assertThat(older.union(newer)).isEqualTo(position(14));
        }

        @Test
        void aGapMissingInBothStaysAGap() {
            assertThat(position(12, 5L, 11L).union(position(14, 11L, 13L))).isEqualTo(position(14, 11L, 13L));
        }

        @Test
        void unionWithItselfChangesNothing() {
            LogPosition position = position(30, 4L, 29L);

            assertThat(position.union(position)).isEqualTo(position);
        }
    }
}
