package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link GapResolver} on a JDBC log where positions 3 to 1,503 were taken by aborted appends. */
class GapResolverTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private GapResolver gaps;

    @BeforeEach
    void log() {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(source);
        jdbc.execute("CREATE TABLE DomainEventEntry (globalIndex BIGINT PRIMARY KEY)");
        for (long position : new long[] {1, 2, 1_504, 1_505}) {
            jdbc.update("INSERT INTO DomainEventEntry (globalIndex) VALUES (?)", position);
        }
        gaps = new GapResolver(jdbc, 1, Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theNextPositionIsTheNextRowOfTheLogWhateverTheGapBefore() {
        assertThat(gaps.nextPosition(-1)).hasValue(1);
        assertThat(gaps.nextPosition(1)).hasValue(2);
        assertThat(gaps.nextPosition(2))
                .as("past a gap wider than the sealer's batch")
                .hasValue(1_504);
        assertThat(gaps.nextPosition(1_505)).isEqualTo(OptionalLong.empty());
    }

    @Test
    void aGapIsAbandonedOnlyWhenEmptyAndSettled() {
        assertThat(gaps.abandoned(2, 1_504, NOW.minusSeconds(31))).isTrue();
        assertThat(gaps.abandoned(2, 1_504, NOW.minusSeconds(5)))
                .as("a slow append may still fill it")
                .isFalse();
        assertThat(gaps.abandoned(1, 1_504, NOW.minusSeconds(31)))
                .as("position 2 holds an event")
                .isFalse();
    }

    @Test
    void withoutTheJdbcLogPositionsHaveNoHoles() {
        GapResolver axonServer = new GapResolver(null, 0, Duration.ofSeconds(30), Clock.systemUTC());

        assertThat(axonServer.nextPosition(-1)).hasValue(0);
        assertThat(axonServer.nextPosition(41)).hasValue(42);
        assertThat(axonServer.abandoned(41, 43, Instant.EPOCH)).isFalse();
    }

    @Test
    void theChainMayNotSettleAGapSoonerThanTheReadersGiveUpOnIt() {
        assertThat(GapResolver.requireAtLeast(Duration.ofMinutes(10), Duration.ofMinutes(10)))
                .isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> GapResolver.requireAtLeast(Duration.ofSeconds(30), Duration.ofMinutes(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ledger.audit.settle-after");
    }
}
