package org.conventionledger.events.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each voter's display order: random-looking, stable, per voter, reproducible from the log. */
class BallotOrderTest {

    private static final List<Integer> ACTIONS = List.of(1, 2, 3, 4, 5, 6, 7, 8);

    @Test
    void theOrderIsTheDocumentedRuleReproducibleOutsideJava() {
        // computed independently: sorted(n, key = sha256(f"{seed}|{pseudonym}|{n}").hexdigest())
        assertThat(BallotOrder.key("clermont-2022", "5f1c0a9e", 1))
                .isEqualTo("febbce1a1f290c8df8380cd2b78f239f35c466b83bb06f6631c35112e390f6fe");
        assertThat(BallotOrder.of("clermont-2022", "5f1c0a9e", ACTIONS)).containsExactly(2, 3, 6, 8, 4, 5, 7, 1);
        assertThat(BallotOrder.of("clermont-2022", "a0b1", ACTIONS)).containsExactly(4, 5, 3, 1, 8, 2, 6, 7);
    }

    @Test
    void theSameVoterAlwaysSeesTheSameOrderWhateverOrderTheActionsComeIn() {
        assertThat(BallotOrder.of("seed", "voter", List.of(8, 7, 6, 5, 4, 3, 2, 1)))
                .isEqualTo(BallotOrder.of("seed", "voter", ACTIONS));
    }

    @Test
    void everyActionAppearsOnce() {
        assertThat(BallotOrder.of("seed", "voter", List.of(3, 1, 3, 2))).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void votersAndSeedsGiveDifferentOrders() {
        List<Integer> forty = IntStream.rangeClosed(1, 40).boxed().toList();
        Set<List<Integer>> orders = new HashSet<>();
        for (int voter = 0; voter < 50; voter++) {
            orders.add(BallotOrder.of("seed", "voter-" + voter, forty));
        }
        assertThat(orders).hasSize(50);
        assertThat(BallotOrder.of("another seed", "voter-0", forty))
                .isNotEqualTo(BallotOrder.of("seed", "voter-0", forty));
    }

    @Test
    void eachActionLeadsForAboutAsManyVoters() {
        int[] first = new int[4];
        for (int voter = 0; voter < 4000; voter++) {
            first[BallotOrder.of("seed", "voter-" + voter, List.of(0, 1, 2, 3)).get(0)]++;
        }
        for (int leads : first) {
            assertThat(leads).isBetween(850, 1150);
        }
    }

    @Test
    void anOrderNeedsASeedAndAVoter() {
        assertThatThrownBy(() -> BallotOrder.of(null, "voter", ACTIONS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BallotOrder.of("seed", null, ACTIONS)).isInstanceOf(IllegalArgumentException.class);
    }
}
