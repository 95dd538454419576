package org.conventionledger.query.oversight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Decides whether positions missing from the garants' trail will never hold an event, so that the
 * integrity chain can go past them.
 *
 * <p>On the JDBC log an insert takes its global index before it commits, and an aborted insert (the
 * losing ballot of a race, say) leaves that index empty for good. Positions are abandoned when the
 * store holds no row there and the next event was recorded longer ago than
 * {@code ledger.audit.settle-after}. That setting defaults to the event store's gap timeout and may not
 * be shorter: the writers bound their transactions so that a gap that old can only be an aborted
 * append (ADR-004), and a shorter wait would chain past a slow ballot that later commits, leaving it
 * outside the chain and every export unverifiable. Axon Server numbers events without holes, so there
 * a missing position is only an event the trail has not absorbed yet.
 */
@Component
class GapResolver {

    private final JdbcTemplate jdbc;
    private final long firstPosition;
    private final Duration settleAfter;
    private final Clock clock;

    @Autowired
    GapResolver(
            ObjectProvider<JdbcTemplate> jdbc,
            @Value("${ledger.audit.settle-after:${ledger.eventstore.gap-timeout:PT10M}}") Duration settleAfter,
            @Value("${ledger.eventstore.gap-timeout:PT10M}") Duration gapTimeout) {
        this(
                jdbc.getIfAvailable(),
                jdbc.getIfAvailable() == null ? 0 : 1,
                requireAtLeast(settleAfter, gapTimeout),
                Clock.systemUTC());
    }

    static Duration requireAtLeast(Duration settleAfter, Duration gapTimeout) {
        if (settleAfter.compareTo(gapTimeout) < 0) {
            throw new IllegalStateException("ledger.audit.settle-after (" + settleAfter + ") may not be shorter than"
                    + " ledger.eventstore.gap-timeout (" + gapTimeout + "): the chain would go past an append that"
                    + " can still commit (ADR-004)");
        }
        return settleAfter;
    }

    /**
     * @param jdbc          the JDBC log, or null (Axon Server: no position is ever abandoned)
     * @param firstPosition the lowest position an event can have: JDBC identities start at 1, Axon Server at 0
     */
    GapResolver(JdbcTemplate jdbc, long firstPosition, Duration settleAfter, Clock clock) {
        this.jdbc = jdbc;
        this.firstPosition = firstPosition;
        this.settleAfter = settleAfter;
        this.clock = clock;
    }

    long firstPosition() {
        return firstPosition;
    }

    /**
     * The first position after {@code after} where the log holds an event, as far as this reader sees
     * (empty when none). Without the JDBC log, the next position: Axon Server numbers without holes.
     */
    OptionalLong nextPosition(long after) {
        if (jdbc == null) {
            return OptionalLong.of(Math.max(after + 1, firstPosition));
        }
        Long next = jdbc.queryForObject(
                "SELECT MIN(globalIndex) FROM DomainEventEntry WHERE globalIndex > ?", Long.class, after);
        return next == null ? OptionalLong.empty() : OptionalLong.of(next);
    }

    /**
     * Whether no event will ever be at a position strictly between {@code after} and {@code before},
     * given that the event at {@code before} was recorded at {@code nextRecordedAt}.
     */
    boolean abandoned(long after, long before, Instant nextRecordedAt) {
        if (jdbc == null) {
            return false;
        }
        Integer rows = jdbc.queryForObject(
                "SELECT COUNT(*) FROM DomainEventEntry WHERE globalIndex > ? AND globalIndex < ?",
                Integer.class,
                after,
                before);
        return rows != null
                && rows == 0
                && nextRecordedAt.isBefore(clock.instant().minus(settleAfter));
    }
}
