package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The daily checkpoints in the city's time zone, across the clock changes. */
class CheckpointsTest {

    private final Checkpoints paris = new Checkpoints(ZoneId.of("Europe/Paris"));

    @Test
    void aCheckpointIsTheStartOfADayInTheZone() {
        assertThat(paris.isCheckpoint(Instant.parse("2025-06-14T22:00:00Z"))).isTrue();
        assertThat(paris.isCheckpoint(Instant.parse("2025-01-14T23:00:00Z"))).isTrue();
        assertThat(paris.isCheckpoint(Instant.parse("2025-06-15T00:00:00Z")))
                .as("midnight UTC")
                .isFalse();
        assertThat(paris.isCheckpoint(Instant.parse("2025-06-14T22:00:00.001Z")))
                .isFalse();
    }

    @Test
    void anEventCountsFromTheEndOfItsDayAndOneRecordedAtACheckpointCountsInIt() {
        Instant endOf14June = Instant.parse("2025-06-14T22:00:00Z");
        assertThat(paris.covering(Instant.parse("2025-06-14T21:59:59Z"))).isEqualTo(endOf14June);
        assertThat(paris.covering(endOf14June)).isEqualTo(endOf14June);
        assertThat(paris.covering(Instant.parse("2025-06-14T22:00:01Z")))
                .isEqualTo(Instant.parse("2025-06-15T22:00:00Z"));
        assertThat(paris.latest(Instant.parse("2025-06-15T08:00:00Z"))).isEqualTo(endOf14June);
    }

    @Test
    void theDayTheClocksGoForwardLasts23Hours() {
        Instant saturday = Instant.parse("2025-03-29T23:00:00Z");
        assertThat(paris.next(saturday)).isEqualTo(Instant.parse("2025-03-30T22:00:00Z"));
        assertThat(paris.next(Instant.parse("2025-10-25T22:00:00Z"))).isEqualTo(Instant.parse("2025-10-26T23:00:00Z"));
    }
}
