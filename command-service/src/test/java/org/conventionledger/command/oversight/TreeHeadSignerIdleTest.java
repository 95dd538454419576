package org.conventionledger.command.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conventionledger.events.integrity.ChainLink;
import org.junit.jupiter.api.Test;

/**
 * The signer's pause while idle (ADR-018): bounded so that it adds at most a tenth of the maximum merge delay
 * before a head, and never taken while a hole is settling, since the tree must then look again soon.
 */
class TreeHeadSignerIdleTest {

    private static final Duration TICK = Duration.ofSeconds(1);

    @Test
    void theIdlePauseIsTheConfiguredOneWithinATenthOfTheMergeDelay() {
        assertThat(TreeHeadSigner.idleTick(TICK, Duration.ofSeconds(15), Duration.ofMinutes(5)))
                .isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aLongIdlePauseIsCutToATenthOfTheMergeDelay() {
        assertThat(TreeHeadSigner.idleTick(TICK, Duration.ofMinutes(10), Duration.ofMinutes(5)))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(TreeHeadSigner.idleTick(TICK, Duration.ofSeconds(15), Duration.ofSeconds(60)))
                .isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void theIdlePauseIsNeverShorterThanTheTick() {
        assertThat(TreeHeadSigner.idleTick(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(5)))
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theTreeSaysWhenItWaitsForAHoleToSettle() {
        Instant now = Instant.parse("2026-12-07T20:00:00Z");
        List<LedgerTree.Row> rows = new ArrayList<>();
        rows.add(row(1, now.minusSeconds(600)));
        rows.add(row(3, now.minusSeconds(10))); // position 2 is a hole, its successor recorded 10 s ago
        LedgerTree tree = tree(rows, Duration.ofMinutes(2), now);

        assertThat(tree.advance().size()).isEqualTo(1);
        assertThat(tree.settling()).as("a hole younger than settle-after").isTrue();

        LedgerTree later = tree(rows, Duration.ofMinutes(2), now.plusSeconds(300));
        assertThat(later.advance().size()).isEqualTo(2);
        assertThat(later.settling()).as("everything taken in").isFalse();
    }

    @Test
    void aTreeWithNothingNewIsNotSettling() {
        Instant now = Instant.parse("2026-12-07T20:00:00Z");
        LedgerTree tree = tree(List.of(row(1, now.minusSeconds(1)), row(2, now)), Duration.ofMinutes(2), now);

        assertThat(tree.advance().size()).isEqualTo(2);
        assertThat(tree.settling()).isFalse();
        assertThat(tree.advance().size()).isEqualTo(2);
        assertThat(tree.settling()).isFalse();
    }

    private static LedgerTree tree(List<LedgerTree.Row> rows, Duration settleAfter, Instant now) {
        LedgerTree.RowSource source = new LedgerTree.RowSource() {
            @Override
            public List<LedgerTree.Row> after(long position, int limit) {
                return rows.stream()
                        .filter(r -> r.entry().position() > position)
                        .limit(limit)
                        .toList();
            }

            @Override
            public List<Long> headSizes() {
                return List.of();
            }
        };
        return new LedgerTree(source, new ObjectMapper(), settleAfter, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static LedgerTree.Row row(long position, Instant recordedAt) {
        return new LedgerTree.Row(
                new ChainLink.Entry(
                        position,
                        "event-" + position,
                        "aggregate-" + position,
                        0L,
                        "org.example.Happened",
                        null,
                        recordedAt.toString(),
                        Map.of(),
                        "{}".getBytes(StandardCharsets.UTF_8),
                        "Example"),
                recordedAt);
    }
}
