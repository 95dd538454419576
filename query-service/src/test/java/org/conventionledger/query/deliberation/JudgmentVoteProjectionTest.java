package org.conventionledger.query.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.query.deliberation.DeliberationEvents.GRADES;
import static org.conventionledger.query.deliberation.DeliberationEvents.option;

import java.util.List;
import org.conventionledger.events.deliberation.RankedOption;
import org.conventionledger.events.deliberation.VotePurpose;
import org.conventionledger.query.deliberation.JudgmentVoteController.JudgmentVoteView;
import org.conventionledger.query.deliberation.JudgmentVoteController.OptionView;
import org.conventionledger.query.deliberation.JudgmentVoteController.RankedView;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class JudgmentVoteProjectionTest {

    private static final String CONVENTION = "conv-clermont";
    private static final String VOTE = "v-topics-eco";

    private final DeliberationEvents events = new DeliberationEvents(CONVENTION);

    @AutoClose
    private DeliberationReadSide readSide;

    @BeforeEach
    void start() {
        readSide = DeliberationReadSide.start();
    }

    private JudgmentVoteView vote(String voteId) {
        return readSide.voteController.vote(voteId);
    }

    /**
     * Four members grade three candidate topics on five grades (0 = to reject … 4 = very good):
     * Mobility 4, 3, 4, 2; Food 2, 3, 1, 4; Energy 0, 1, 1, 0.
     */
    private void judged() {
        readSide.append(
                events.voteOpened(
                        VOTE,
                        VotePurpose.TOPIC_CHOICE,
                        ECOLOGICAL,
                        2,
                        option("c-mob", "Mobility"),
                        option("c-food", "Food"),
                        option("c-energy", "Energy")),
                events.judgment(VOTE, "m-1", 4, 2, 0),
                events.judgment(VOTE, "m-2", 3, 3, 1),
                events.judgment(VOTE, "m-3", 4, 1, 1),
                events.judgment(VOTE, "m-4", 2, 4, 0));
    }

    private void closed() {
        readSide.append(events.voteClosed(
                VOTE,
                4,
                List.of(
                        new RankedOption("c-mob", "Mobility", 1, "Good"),
                        new RankedOption("c-food", "Food", 2, "Acceptable"),
                        new RankedOption("c-energy", "Energy", 3, "To reject")),
                "c-mob",
                "c-food"));
    }

    @Test
    void talliesAreSummedPerGradeWorstFirstWhileTheVoteIsOpen() {
        judged();

        JudgmentVoteView view = vote(VOTE);

        assertThat(view.voteId()).isEqualTo(VOTE);
        assertThat(view.conventionId()).isEqualTo(CONVENTION);
        assertThat(view.purpose()).isEqualTo("TOPIC_CHOICE");
        assertThat(view.assembly()).isEqualTo("ECOLOGICAL");
        assertThat(view.status()).isEqualTo("OPEN");
        assertThat(view.grades()).isEqualTo(GRADES);
        assertThat(view.seats()).isEqualTo(2);
        assertThat(view.judgments()).isEqualTo(4);
        assertThat(view.options())
                .containsExactly(
                        new OptionView("c-mob", "Mobility", List.of(0L, 0L, 1L, 1L, 2L)),
                        new OptionView("c-food", "Food", List.of(0L, 1L, 1L, 1L, 1L)),
                        new OptionView("c-energy", "Energy", List.of(2L, 2L, 0L, 0L, 0L)));
        assertThat(view.ranking()).isEmpty();
        assertThat(view.chosen()).isEmpty();
    }

    @Test
    void theClosedVoteShowsItsRankingAndTheChosenOptions() {
        judged();
        closed();

        JudgmentVoteView view = vote(VOTE);

        assertThat(view.status()).isEqualTo("CLOSED");
        assertThat(view.judgments()).isEqualTo(4);
        assertThat(view.ranking())
                .containsExactly(
                        new RankedView("c-mob", "Mobility", 1, "Good"),
                        new RankedView("c-food", "Food", 2, "Acceptable"),
                        new RankedView("c-energy", "Energy", 3, "To reject"));
        assertThat(view.chosen()).containsExactly("c-mob", "c-food");
        assertThat(view.options().get(0).tally()).containsExactly(0L, 0L, 1L, 1L, 2L);
    }

    @Test
    void aPlenaryPrioritisationHasNoAssemblyAndNoSeats() {
        readSide.append(
                events.voteOpened("v-prio", VotePurpose.PRIORITISATION, null, 0, option("a-1", "Action 1")),
                events.judgment("v-prio", "m-1", 3),
                events.voteClosed("v-prio", 1, List.of(new RankedOption("a-1", "Action 1", 1, "Good"))));

        JudgmentVoteView view = vote("v-prio");
        assertThat(view.assembly()).isNull();
        assertThat(view.purpose()).isEqualTo("PRIORITISATION");
        assertThat(view.seats()).isZero();
        assertThat(view.chosen()).isEmpty();
        assertThat(view.options()).containsExactly(new OptionView("a-1", "Action 1", List.of(0L, 0L, 0L, 1L, 0L)));
    }

    @Test
    void reDeliveringJudgmentsDoesNotCountThemTwice() {
        judged();
        closed();
        JudgmentVoteView before = vote(VOTE);

        readSide.redeliverEverything();
        readSide.log
                .restartFrom(readSide.log.delivered().get(2).trackingToken())
                .forEach(readSide::deliver);
        readSide.log.restreamFrom(null).forEach(readSide::deliver);

        assertThat(vote(VOTE)).isEqualTo(before);
    }

    @Test
    void aLateJudgmentFillingAGapIsCountedOnce() {
        readSide.append(events.voteOpened(VOTE, VotePurpose.TOPIC_CHOICE, ECOLOGICAL, 1, option("c-1", "One")));
        long slow = readSide.log.reserve();
        readSide.append(events.judgment(VOTE, "m-1", 4));

        readSide.deliver(readSide.log.fill(slow, events.judgment(VOTE, "m-2", 0)));
        readSide.redeliverEverything();

        assertThat(vote(VOTE).options().get(0).tally()).containsExactly(1L, 0L, 0L, 0L, 1L);
        assertThat(vote(VOTE).judgments()).isEqualTo(2);
    }

    @Test
    void aJudgmentThatDoesNotFitTheVoteFailsItsBatchAndCountsNothing() {
        judged();
        JudgmentVoteView before = vote(VOTE);

        assertThatThrownBy(() -> readSide.append(events.judgment(VOTE, "m-9", 4, 4)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> readSide.append(events.judgment(VOTE, "m-9", 4, 5, 0)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> readSide.append(events.judgment("v-404", "m-9", 1)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(vote(VOTE)).isEqualTo(before);
    }

    @Test
    void anUnknownVoteIsNotFound() {
        assertThatThrownBy(() -> vote("nowhere")).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(e.getBody().getProperties()).containsEntry("code", "unknown-vote");
        });
    }

    @Test
    void resetForgetsEveryVote() {
        judged();

        readSide.reset();

        assertThatThrownBy(() -> vote(VOTE)).isInstanceOf(ErrorResponseException.class);
    }
}
