package org.conventionledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

class EventPositionTest {

    private static EventMessage<?> event(Map<String, ?> metaData) {
        return GenericEventMessage.asEventMessage("payload").andMetaData(metaData);
    }

    @Test
    void theStampedIndexIsTheEventsPositionEvenWhenTheTokenIsAhead() {
        // a late event filling gap 11 travels with the stream's token (12)
        EventMessage<?> late = event(Map.of(IndexStampingEventStorageEngine.GLOBAL_INDEX, 11L));

        assertThat(EventPosition.of(late, GapAwareTrackingToken.newInstance(12, List.of())))
                .isEqualTo(11L);
    }

    @Test
    void aStampedIndexReadBackAsAnIntegerIsAcceptedToo() {
        // metadata deserialised from JSON holds small numbers as Integer
        EventMessage<?> event = event(Map.of(IndexStampingEventStorageEngine.GLOBAL_INDEX, 7));

        assertThat(EventPosition.of(event, GapAwareTrackingToken.newInstance(9, List.of(8L))))
                .isEqualTo(7L);
    }

    @Test
    void withoutStampTheTokenIndexIsThePosition() {
        assertThat(EventPosition.of(event(Map.of()), new GlobalSequenceTrackingToken(42)))
                .isEqualTo(42L);
    }

    @Test
    void withoutStampAReplayTokenGivesThePositionInTheReplay() {
        ReplayToken replay = new ReplayToken(new GlobalSequenceTrackingToken(100), new GlobalSequenceTrackingToken(42));

        assertThat(EventPosition.of(event(Map.of()), replay)).isEqualTo(42L);
    }

    @Test
    void aStampThatIsNotANumberIsIgnored() {
        EventMessage<?> event = event(Map.of(IndexStampingEventStorageEngine.GLOBAL_INDEX, "11"));

        assertThat(EventPosition.of(event, new GlobalSequenceTrackingToken(12))).isEqualTo(12L);
    }
}
