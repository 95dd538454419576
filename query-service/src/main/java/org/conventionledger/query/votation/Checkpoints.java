package org.conventionledger.query.votation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a votation's figures are published while it runs: at the end of each day in the city's time
 * zone (the start of the next day, {@code 00:00} local time, as an instant). A day's figures count
 * every event recorded up to and including that instant. Pure: the zone is given.
 */
public record Checkpoints(ZoneId zone) {

    /** Whether the instant is a checkpoint (the start of a day in the zone). */
    public boolean isCheckpoint(Instant instant) {
        return instant.equals(startOf(instant.atZone(zone).toLocalDate()));
    }

    /** The first checkpoint that counts an event recorded at this instant. */
    public Instant covering(Instant recordedAt) {
        LocalDate day = recordedAt.atZone(zone).toLocalDate();
        Instant start = startOf(day);
        return start.equals(recordedAt) ? start : startOf(day.plusDays(1));
    }

    /** The latest checkpoint at or before the instant: the start of its day. */
    public Instant latest(Instant now) {
        return startOf(now.atZone(zone).toLocalDate());
    }

    /** The checkpoint a day after this one (23 or 25 hours later when the clocks change). */
    public Instant next(Instant checkpoint) {
        return startOf(checkpoint.atZone(zone).toLocalDate().plusDays(1));
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
