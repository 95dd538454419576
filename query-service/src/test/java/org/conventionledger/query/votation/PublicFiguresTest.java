package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.paperTally;
import static org.conventionledger.query.platform.TestEvents.votationClosed;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;
import static org.conventionledger.query.platform.TestEvents.votes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.conventionledger.query.votation.PublicFigures.PublicRankingView;
import org.conventionledger.query.votation.PublicFigures.Withheld;
import org.junit.jupiter.api.Test;

/** The minimum-ballots rule: what the public sees of a ranking, and which checkpoints it sees at all. */
class PublicFiguresTest {

    private static final String C = "conv";
    private static final String V = "vot";
    private static final int MINIMUM = 10;

    private int ballot;

    private Ranking scheduled() {
        Ranking r = Ranking.of(V);
        RankingChanges.apply(r, votationScheduled(C, V, "V", item(1, SOCIAL), item(2, SOCIAL)));
        RankingChanges.apply(r, votationOpened(C, V));
        return r;
    }

    private Ranking online(Ranking r, int ballots) {
        for (int i = 0; i < ballots; i++) {
            RankingChanges.apply(r, onlineBallot(C, V, "b-" + ballot++, 1 + i % 2));
        }
        return r;
    }

    private static Ranking copy(Ranking r) {
        Ranking copy = r.emptyCopy();
        copy.add(r);
        return copy;
    }

    @Test
    void fewerBallotsThanTheMinimumShowNoCountAndNoOrder() {
        Ranking r = online(scheduled(), 9);
        PublicRankingView view = PublicFigures.restrict(RankingController.view(r, null), r, MINIMUM);
        assertThat(view.withheld()).isEqualTo(Withheld.ALL);
        assertThat(view.totalVotes()).isNull();
        assertThat(view.onlineBallots()).isNull();
        assertThat(view.entries()).extracting(PublicFigures.Entry::actionNumber).containsExactly(1, 2);
        assertThat(view.entries()).allSatisfy(e -> {
            assertThat(e.rank()).isNull();
            assertThat(e.totalVotes()).isNull();
        });
    }

    @Test
    void aDeskWithThreeVotersIsShownMergedWithTheOnlineBallots() {
        Ranking r = online(scheduled(), 30);
        RankingChanges.apply(r, paperTally(C, V, "desk", votes(1, 3), votes(2, 1)));
        PublicRankingView view = PublicFigures.restrict(RankingController.view(r, null), r, MINIMUM);
        assertThat(view.withheld()).isEqualTo(Withheld.CHANNELS);
        assertThat(view.paperVotes()).isNull();
        assertThat(view.onlineVotes()).isNull();
        assertThat(view.paperBallots()).isNull();
        assertThat(view.totalVotes()).isEqualTo(34);
        assertThat(view.entries()).allSatisfy(e -> {
            assertThat(e.paperVotes()).isNull();
            assertThat(e.onlineVotes()).isNull();
            assertThat(e.totalVotes()).isNotNull();
        });
    }

    @Test
    void enoughBallotsInEveryChannelShowEverything() {
        Ranking r = online(scheduled(), 12);
        RankingChanges.apply(r, paperTally(C, V, "desk", votes(1, 11), votes(2, 4)));
        PublicRankingView view = PublicFigures.restrict(RankingController.view(r, null), r, MINIMUM);
        assertThat(view.withheld()).isNull();
        assertThat(view.paperVotes()).isEqualTo(15);
        assertThat(view.onlineVotes()).isEqualTo(12);
    }

    @Test
    void paperBallotsAreCountedAtTheirFewestPossible() {
        Ranking r = scheduled();
        RankingChanges.apply(r, paperTally(C, V, "desk", votes(1, 4), votes(2, 7)));
        assertThat(PublicFigures.paperBallots(r)).isEqualTo(7);
        Ranking later = copy(r);
        RankingChanges.apply(later, paperTally(C, V, "desk-2", votes(1, 2), votes(2, 1)));
        assertThat(PublicFigures.ballotsBetween(r, later)).isEqualTo(2);
    }

    @Test
    void aCheckpointAddingTooFewBallotsIsWithheldAndADayWithoutBallotsRepeatsThePreviousDecision() {
        Ranking day1 = online(scheduled(), 12);
        Ranking day2 = online(copy(day1), 3);
        Ranking day3 = copy(day2);
        Ranking day4 = online(copy(day3), 15);
        Ranking day5 = copy(day4);
        List<Ranking> series = List.of(day1, day2, day3, day4, day5);
        assertThat(PublicFigures.published(series, null, MINIMUM)).containsExactly(true, false, false, true, true);
    }

    @Test
    void onceClosedACheckpointTooCloseToTheFinalCountIsWithheld() {
        Ranking day1 = online(scheduled(), 12);
        Ranking day2 = online(copy(day1), 20);
        Ranking closed = online(copy(day2), 4);
        RankingChanges.apply(closed, votationClosed(C, V));
        assertThat(PublicFigures.published(List.of(day1, day2), null, MINIMUM)).containsExactly(true, true);
        assertThat(PublicFigures.published(List.of(day1, day2, closed), closed, MINIMUM))
                .containsExactly(true, false, true);
    }

    @Test
    void beforeTheVotationWasScheduledNothingIsPublished() {
        Ranking day2 = online(scheduled(), 12);
        assertThat(PublicFigures.published(Arrays.asList(null, day2), null, MINIMUM))
                .containsExactly(false, true);
    }

    /**
     * The attack the rule is for: whatever the daily counts, any two published figures of a votation
     * (its checkpoints and its close) are at least the minimum of ballots apart, so no difference of
     * published figures isolates fewer ballots.
     */
    @Property
    void noTwoPublishedFiguresDifferByFewerBallotsThanTheMinimum(
            @ForAll("days") List<Integer> added, @ForAll boolean closes) {
        List<Ranking> series = new ArrayList<>();
        Ranking running = scheduled();
        for (int ballots : added) {
            running = online(copy(running), ballots);
            series.add(running);
        }
        Ranking closed = null;
        if (closes) {
            closed = copy(running);
            RankingChanges.apply(closed, votationClosed(C, V));
            series.add(closed);
        }
        List<Boolean> published = PublicFigures.published(series, closed, MINIMUM);
        List<Ranking> shown = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            if (published.get(i)) {
                shown.add(series.get(i));
            }
        }
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i) != closed) {
                assertThat(PublicFigures.onlineBallots(shown.get(i))).isGreaterThanOrEqualTo(MINIMUM);
            }
            for (int j = i + 1; j < shown.size(); j++) {
                long apart = PublicFigures.ballotsBetween(shown.get(i), shown.get(j));
                assertThat(apart == 0 && PublicFigures.sameCounts(shown.get(i), shown.get(j)) || apart >= MINIMUM)
                        .as("published figures %d and %d are %d ballots apart", i, j, apart)
                        .isTrue();
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> days() {
        return Arbitraries.integers().between(0, 25).list().ofMinSize(1).ofMaxSize(12);
    }
}
