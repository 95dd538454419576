package org.conventionledger.query.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.Transition.DEMOCRATIC;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.events.deliberation.ObjectionCategory.ALREADY_IN_PROGRAMME;
import static org.conventionledger.events.deliberation.ObjectionCategory.NEEDS_LARGE_MEANS;
import static org.conventionledger.events.deliberation.ObjectionCategory.NOT_CITY_COMPETENCE;
import static org.conventionledger.query.deliberation.DeliberationEvents.option;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conventionledger.events.deliberation.RankedOption;
import org.conventionledger.events.deliberation.VotePurpose;
import org.conventionledger.query.deliberation.DeliberationDashboardController.DeliberationDashboardView;
import org.conventionledger.query.deliberation.DeliberationDashboardController.TopicFigures;
import org.conventionledger.query.deliberation.DeliberationDashboardController.VoteFigures;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class DeliberationDashboardProjectionTest {

    private static final String CLERMONT = "conv-clermont";
    private static final String LYON = "conv-lyon";

    private final DeliberationEvents clermont = new DeliberationEvents(CLERMONT);
    private final DeliberationEvents lyon = new DeliberationEvents(LYON);

    @AutoClose
    private DeliberationReadSide readSide;

    @BeforeEach
    void start() {
        readSide = DeliberationReadSide.start();
    }

    private DeliberationDashboardView dashboard(String conventionId) {
        return readSide.dashboardController.dashboard(conventionId);
    }

    private static Map<String, Long> stages(long draft, long inRound, long fin) {
        Map<String, Long> stages = new LinkedHashMap<>();
        stages.put("DRAFT", draft);
        stages.put("IN_ROUND", inRound);
        stages.put("FINAL", fin);
        return stages;
    }

    private static Map<String, Long> categories(
            long notCityCompetence, long needsLargeMeans, long alreadyInProgramme, long other) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("NOT_CITY_COMPETENCE", notCityCompetence);
        counts.put("NEEDS_LARGE_MEANS", needsLargeMeans);
        counts.put("ALREADY_IN_PROGRAMME", alreadyInProgramme);
        counts.put("OTHER", other);
        return counts;
    }

    /**
     * Ecological: a-1 final after its round, a-2 in a round, a-5 a draft; social: a-3 finalised without
     * a round; democratic: a-4 a draft. Objections: o-1 (not the city's competence) lifted, o-2 (large
     * means) open, o-3 (large means) withdrawn, o-4 (already in a programme) open.
     */
    private void deliberation(DeliberationEvents e, String conventionId) {
        readSide.append(
                conventionOpened(
                        conventionId, "Convention citoyenne", "Clermont-Ferrand", ECOLOGICAL, SOCIAL, DEMOCRATIC),
                e.topicChosen("t-eco", ECOLOGICAL, "Mobility"),
                e.topicChosen("t-soc", SOCIAL, "Housing"),
                e.topicChosen("t-dem", DEMOCRATIC, "Participation"),
                e.expertHeard("t-eco", "h-1", "A. Martin"),
                e.expertHeard("t-eco", "h-2", "B. Roux"),
                e.expertHeard("t-soc", "h-3", "C. Blanc"),
                e.cacSheet("t-eco", 1),
                e.cacSheet("t-eco", 2),
                e.cacSheet("t-soc", 1),
                e.opinion("op-1", "TOPIC", "t-eco"),
                e.actionDrafted("a-1", 1, ECOLOGICAL, "t-eco", "Mobility", "One", "1"),
                e.actionDrafted("a-2", 2, ECOLOGICAL, "t-eco", "Mobility", "Two", "2"),
                e.actionDrafted("a-3", 3, SOCIAL, "t-soc", "Housing", "Three", "3"),
                e.actionDrafted("a-4", 4, DEMOCRATIC, "t-dem", "Participation", "Four", "4"),
                e.actionDrafted("a-5", 5, ECOLOGICAL, "t-eco", "Mobility", "Five", "5"),
                e.opinion("op-2", "ACTION", "a-1"),
                e.roundOpened("a-1", "r-1", 1, "m-1", "elected official"),
                e.objectionRaised("a-1", "o-1", NOT_CITY_COMPETENCE, "elected official", "The region"),
                e.objectionLifted("a-1", "o-1", "The city relays it to the region"),
                e.actionRevised("a-1", 2, "One", "1 (relayed)", "Amendment lifting o-1"),
                e.consent("a-1", "r-1", 2, "m-1", "elected official"),
                e.consentReached("a-1", "r-1", 2),
                e.finalised("a-1", 1),
                e.roundOpened("a-2", "r-2", 1, "m-2"),
                e.objectionRaised("a-2", "o-2", NEEDS_LARGE_MEANS, "elected official", null),
                e.objectionRaised("a-2", "o-3", NEEDS_LARGE_MEANS, "m-2", null),
                e.objectionWithdrawn("a-2", "o-3", "Covered by o-2"),
                e.finalised("a-3", 3),
                e.objectionRaised("a-4", "o-4", ALREADY_IN_PROGRAMME, "elected official", null));
    }

    private void votes(DeliberationEvents e) {
        readSide.append(
                e.voteOpened(
                        "v-topics",
                        VotePurpose.TOPIC_CHOICE,
                        ECOLOGICAL,
                        1,
                        option("c-1", "Mobility"),
                        option("c-2", "Food")),
                e.judgment("v-topics", "m-1", 4, 1),
                e.judgment("v-topics", "m-2", 3, 2),
                e.judgment("v-topics", "m-3", 2, 2),
                e.voteClosed(
                        "v-topics",
                        3,
                        List.of(
                                new RankedOption("c-1", "Mobility", 1, "Good"),
                                new RankedOption("c-2", "Food", 2, "Acceptable")),
                        "c-1"),
                e.voteOpened(
                        "v-prio", VotePurpose.PRIORITISATION, null, 0, option("a-1", "One"), option("a-3", "Three")),
                e.judgment("v-prio", "m-1", 4, 0));
    }

    @Test
    void countsActionsByAssemblyAndStage() {
        deliberation(clermont, CLERMONT);

        Map<String, Map<String, Long>> expected = new LinkedHashMap<>();
        expected.put("ECOLOGICAL", stages(1, 1, 1));
        expected.put("SOCIAL", stages(0, 0, 1));
        expected.put("DEMOCRATIC", stages(1, 0, 0));
        assertThat(dashboard(CLERMONT).actionsByStage()).containsExactlyEntriesOf(expected);
    }

    @Test
    void stagesMoveWithTheRoundsAndTheCountsStayExact() {
        deliberation(clermont, CLERMONT);

        readSide.append(clermont.roundOpened("a-5", "r-5", 1, "m-5"));
        assertThat(dashboard(CLERMONT).actionsByStage().get("ECOLOGICAL")).containsExactlyEntriesOf(stages(0, 2, 1));

        readSide.append(clermont.consentReached("a-5", "r-5", 1), clermont.finalised("a-5", 5));
        assertThat(dashboard(CLERMONT).actionsByStage().get("ECOLOGICAL")).containsExactlyEntriesOf(stages(0, 1, 2));

        // a round on a final action does not take it back
        readSide.append(clermont.roundOpened("a-3", "r-3", 1, "m-3"));
        assertThat(dashboard(CLERMONT).actionsByStage().get("SOCIAL")).containsExactlyEntriesOf(stages(0, 0, 1));
    }

    @Test
    void countsOpenAndRaisedObjectionsByCategoryEveryCategoryListed() {
        deliberation(clermont, CLERMONT);

        DeliberationDashboardView view = dashboard(CLERMONT);

        assertThat(view.openObjectionsByCategory()).containsExactlyEntriesOf(categories(0, 1, 1, 0));
        assertThat(view.objectionsByCategory()).containsExactlyEntriesOf(categories(1, 2, 1, 0));

        readSide.append(clermont.objectionLifted("a-2", "o-2", "Co-funded by the metropolis"));
        assertThat(dashboard(CLERMONT).openObjectionsByCategory()).containsExactlyEntriesOf(categories(0, 0, 1, 0));
        assertThat(dashboard(CLERMONT).objectionsByCategory()).containsExactlyEntriesOf(categories(1, 2, 1, 0));
    }

    @Test
    void listsTopicsWithHearingsCacVersionAndOpinions() {
        deliberation(clermont, CLERMONT);

        assertThat(dashboard(CLERMONT).topics())
                .containsExactly(
                        new TopicFigures("t-eco", "Mobility", "ECOLOGICAL", 2, 2, 1),
                        new TopicFigures("t-soc", "Housing", "SOCIAL", 1, 1, 0),
                        new TopicFigures("t-dem", "Participation", "DEMOCRATIC", 0, null, 0));
    }

    @Test
    void listsVotesWithTheirStatusAndJudgments() {
        deliberation(clermont, CLERMONT);
        votes(clermont);

        assertThat(dashboard(CLERMONT).votes())
                .containsExactly(
                        new VoteFigures("v-topics", "TOPIC_CHOICE", "ECOLOGICAL", "CLOSED", 3),
                        new VoteFigures("v-prio", "PRIORITISATION", null, "OPEN", 1));
    }

    @Test
    void aConventionWithoutDeliberationYetShowsZeros() {
        readSide.append(conventionOpened(LYON, "C", "Lyon", SOCIAL));

        DeliberationDashboardView view = dashboard(LYON);

        assertThat(view.actionsByStage())
                .containsOnlyKeys("ECOLOGICAL", "SOCIAL", "DEMOCRATIC")
                .allSatisfy((assembly, stages) -> assertThat(stages).containsExactlyEntriesOf(stages(0, 0, 0)));
        assertThat(view.openObjectionsByCategory()).containsExactlyEntriesOf(categories(0, 0, 0, 0));
        assertThat(view.objectionsByCategory()).containsExactlyEntriesOf(categories(0, 0, 0, 0));
        assertThat(view.topics()).isEmpty();
        assertThat(view.votes()).isEmpty();
    }

    @Test
    void countsQuestionsInRoundAndDecidedZerosIncluded() {
        readSide.append(conventionOpened(LYON, "C", "Lyon", SOCIAL));
        assertThat(dashboard(LYON).questions()).containsExactlyEntriesOf(questions(0, 0));

        readSide.append(
                lyon.questionPut("q-1", "Adopt the dialogue charter", "Adopted.", "m-1"),
                lyon.questionPut("q-2", "Vote by remotes", "Sessions vote by remotes.", "m-1"),
                lyon.questionConsent("q-1", 1, "m-1"),
                lyon.questionDecided("q-1", 1));
        assertThat(dashboard(LYON).questions()).containsExactlyEntriesOf(questions(1, 1));

        readSide.redeliverEverything();
        assertThat(dashboard(LYON).questions()).containsExactlyEntriesOf(questions(1, 1));
    }

    private static Map<String, Long> questions(long inRound, long decided) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("IN_ROUND", inRound);
        counts.put("DECIDED", decided);
        return counts;
    }

    @Test
    void conventionsAreCountedApart() {
        deliberation(clermont, CLERMONT);
        readSide.append(
                conventionOpened(LYON, "C", "Lyon", SOCIAL),
                lyon.topicChosen("t-lyon", SOCIAL, "Food"),
                lyon.actionDrafted("a-lyon", 1, SOCIAL, "t-lyon", "Food", "One", "1"));

        assertThat(dashboard(LYON).actionsByStage().get("SOCIAL")).containsExactlyEntriesOf(stages(1, 0, 0));
        assertThat(dashboard(LYON).topics()).extracting(TopicFigures::topicId).containsExactly("t-lyon");
        assertThat(dashboard(CLERMONT).actionsByStage().get("SOCIAL")).containsExactlyEntriesOf(stages(0, 0, 1));
    }

    @Test
    void reDeliveringEventsChangesNothing() {
        deliberation(clermont, CLERMONT);
        votes(clermont);
        DeliberationDashboardView before = dashboard(CLERMONT);

        readSide.redeliverEverything();
        readSide.log
                .restartFrom(readSide.log.delivered().get(20).trackingToken())
                .forEach(readSide::deliver);
        readSide.log.restreamFrom(null).forEach(readSide::deliver);

        assertThat(dashboard(CLERMONT)).isEqualTo(before);
    }

    @Test
    void anUnknownConventionIsNotFound() {
        assertThatThrownBy(() -> dashboard("nowhere")).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(e.getBody().getProperties()).containsEntry("code", "unknown-convention");
        });
    }

    @Test
    void resetForgetsEveryDashboardAndAReplayRebuildsIt() {
        deliberation(clermont, CLERMONT);
        DeliberationDashboardView before = dashboard(CLERMONT);

        readSide.reset();

        assertThatThrownBy(() -> dashboard(CLERMONT)).isInstanceOf(ErrorResponseException.class);
        readSide.log.restreamFrom(null).forEach(readSide::deliver);
        assertThat(dashboard(CLERMONT)).isEqualTo(before);
    }
}
