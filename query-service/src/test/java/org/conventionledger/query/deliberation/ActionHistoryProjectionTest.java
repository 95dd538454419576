package org.conventionledger.query.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.events.deliberation.ObjectionCategory.NEEDS_LARGE_MEANS;
import static org.conventionledger.events.deliberation.ObjectionCategory.NOT_CITY_COMPETENCE;
import static org.conventionledger.query.deliberation.LineDiff.Line.added;
import static org.conventionledger.query.deliberation.LineDiff.Line.removed;

import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.conventionledger.query.deliberation.ActionHistoryController.ActionHistoryView;
import org.conventionledger.query.deliberation.ActionHistoryController.LinkView;
import org.conventionledger.query.deliberation.ActionHistoryController.ObjectionView;
import org.conventionledger.query.deliberation.ActionHistoryController.OpinionView;
import org.conventionledger.query.deliberation.ActionHistoryController.RoundView;
import org.conventionledger.query.deliberation.ActionHistoryController.VersionView;
import org.conventionledger.query.deliberation.ConsentRound.ClarificationView;
import org.conventionledger.query.deliberation.ConsentRound.ImprovementView;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.ReadStore;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class ActionHistoryProjectionTest {

    private static final String CONVENTION = "conv-clermont";
    private static final String ACTION = "a-7";
    private static final String ROUND = "r-1";
    private static final String OFFICIAL = "elected official";

    private static final String TITLE = "Free buses on Saturdays";
    private static final String TITLE_AMENDED = "Free buses on Saturdays (request to the SMTC)";
    private static final String V1 = "Line A is free on Saturdays.\nThe city funds it.";
    private static final String V2 = "Line A is free on Saturdays.\nThe city and the metropolis fund it.";
    private static final String V3 = "Lines A and B are free on Saturdays.\nThe city and the metropolis fund it.";
    private static final String V4 = "The city asks the SMTC to make lines A and B free on Saturdays.\n"
            + "The city and the metropolis fund it.\nThe city relays the request to the SMTC.";

    private final DeliberationEvents events = new DeliberationEvents(CONVENTION);

    @AutoClose
    private DeliberationReadSide readSide;

    private ActionHistoryView history() {
        return readSide.historyController.history(ACTION);
    }

    private TrackedEventMessage<?> drafted;
    private TrackedEventMessage<?> audited;
    private TrackedEventMessage<?> improved;
    private TrackedEventMessage<?> amended;

    /**
     * The whole consent round on action 7: drafted, revised after the audit, put to a round, a question,
     * an improvement accepted (version 3), an elected official's objection that it is not the city's
     * competence (lifted by amendment: version 4), a member's objection withdrawn, consents (those to
     * version 3 cleared by version 4), consent reached and the action finalised.
     */
    private void consentRoundStory() {
        readSide.append(events.topicChosen("t-mobility", ECOLOGICAL, "Mobility"));
        drafted = readSide.appendOne(events.actionDrafted(ACTION, 7, ECOLOGICAL, "t-mobility", "Mobility", TITLE, V1));
        readSide.append(events.referent(ACTION, "m-12"));
        audited = readSide.appendOne(
                events.actionRevised(ACTION, 2, TITLE, V2, "Revised after the city services' audit"));
        readSide.append(
                events.roundOpened(ACTION, ROUND, 2, "m-1", "m-2", OFFICIAL),
                events.clarificationRequested(ACTION, ROUND, "c-1", "m-1", "Which lines?"),
                events.clarificationAnswered(ACTION, ROUND, "c-1", "Line A only, for a year."),
                events.improvementProposed(ACTION, ROUND, "i-1", "m-2", "Add line B"),
                events.improvementProposed(ACTION, ROUND, "i-2", "m-1", "Make it every day"),
                events.improvementDecided(ACTION, ROUND, "i-2", false, "Too costly for a first year"),
                events.improvementDecided(ACTION, ROUND, "i-1", true, "Line B serves the same districts"));
        improved = readSide.appendOne(events.actionRevised(ACTION, 3, TITLE, V3, "Improvement i-1 accepted"));
        readSide.append(
                events.consent(ACTION, ROUND, 3, "m-1"),
                events.objectionRaised(ACTION, "o-1", NOT_CITY_COMPETENCE, OFFICIAL, "SMTC, the transport authority"),
                events.objectionRaised(ACTION, "o-2", NEEDS_LARGE_MEANS, "m-2", null),
                events.objectionWithdrawn(ACTION, "o-2", "The metropolis confirmed its share"),
                events.objectionLifted(ACTION, "o-1", "The city asks the SMTC instead of deciding itself"));
        amended = readSide.appendOne(
                events.actionRevised(ACTION, 4, TITLE_AMENDED, V4, "Amendment lifting objection o-1"));
    }

    private void consentsAndDecision() {
        readSide.append(
                events.consent(ACTION, ROUND, 4, "m-1", "m-2"),
                events.consent(ACTION, ROUND, 4, OFFICIAL, "m-1"),
                events.consentReached(ACTION, ROUND, 4),
                events.finalised(ACTION, 7));
    }

    /** Read stores written before the statuses became enums still read: the stored values are the same names. */
    @Test
    void theStatusesAreStoredUnderTheNamesTheyHadAsStrings() {
        readSide = DeliberationReadSide.start();
        consentRoundStory();
        readSide.append(events.roundOpened(ACTION, "r-2", 4, "m-1"));

        Document stored = readSide.mongo()
                .getCollection("action_histories")
                .find(new Document("_id", ACTION))
                .first();

        assertThat(stored.getString("stage")).isEqualTo("IN_ROUND");
        assertThat(stored.getList("rounds", Document.class))
                .extracting(r -> r.getString("status"))
                .containsExactly("CONCLUDED", "OPEN");
        assertThat(stored.getList("rounds", Document.class).get(0).getList("improvements", Document.class))
                .extracting(i -> i.getString("decision"))
                .containsExactly("ACCEPTED", "DECLINED");
        assertThat(stored.getList("objections", Document.class))
                .extracting(o -> o.getString("status"))
                .containsExactly("LIFTED", "WITHDRAWN");
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void aConsentRoundGivesTheWholeHistory(ReadStore.Backend backend) {
        readSide = DeliberationReadSide.start(backend, EventLog.jdbc());
        consentRoundStory();
        consentsAndDecision();

        ActionHistoryView view = history();

        assertThat(view.actionId()).isEqualTo(ACTION);
        assertThat(view.conventionId()).isEqualTo(CONVENTION);
        assertThat(view.number()).isEqualTo(7);
        assertThat(view.title()).isEqualTo(TITLE_AMENDED);
        assertThat(view.assembly()).isEqualTo("ECOLOGICAL");
        assertThat(view.topicId()).isEqualTo("t-mobility");
        assertThat(view.topic()).isEqualTo("Mobility");
        assertThat(view.stage()).isEqualTo("FINAL");
        assertThat(view.referentMemberId()).isEqualTo("m-12");
        assertThat(view.versions())
                .containsExactly(
                        new VersionView(1, TITLE, V1, null, drafted.getTimestamp(), List.of()),
                        new VersionView(
                                2,
                                TITLE,
                                V2,
                                "Revised after the city services' audit",
                                audited.getTimestamp(),
                                List.of(removed("The city funds it."), added("The city and the metropolis fund it."))),
                        new VersionView(
                                3,
                                TITLE,
                                V3,
                                "Improvement i-1 accepted",
                                improved.getTimestamp(),
                                List.of(
                                        removed("Line A is free on Saturdays."),
                                        added("Lines A and B are free on Saturdays."))),
                        new VersionView(
                                4,
                                TITLE_AMENDED,
                                V4,
                                "Amendment lifting objection o-1",
                                amended.getTimestamp(),
                                List.of(
                                        removed("Lines A and B are free on Saturdays."),
                                        added("The city asks the SMTC to make lines A and B free on Saturdays."),
                                        added("The city relays the request to the SMTC."))));
        assertThat(view.rounds())
                .containsExactly(new RoundView(
                        ROUND,
                        2,
                        List.of("m-1", "m-2", OFFICIAL),
                        "CONCLUDED",
                        List.of(new ClarificationView("c-1", "m-1", "Which lines?", "Line A only, for a year.")),
                        List.of(
                                new ImprovementView(
                                        "i-1", "m-2", "Add line B", "ACCEPTED", "Line B serves the same districts"),
                                new ImprovementView(
                                        "i-2", "m-1", "Make it every day", "DECLINED", "Too costly for a first year")),
                        List.of("m-1", "m-2", OFFICIAL),
                        4));
        assertThat(view.objections())
                .containsExactly(
                        new ObjectionView(
                                "o-1",
                                ROUND,
                                "NOT_CITY_COMPETENCE",
                                "Reason of o-1",
                                OFFICIAL,
                                "SMTC, the transport authority",
                                "LIFTED",
                                "The city asks the SMTC instead of deciding itself",
                                4,
                                null),
                        new ObjectionView(
                                "o-2",
                                ROUND,
                                "NEEDS_LARGE_MEANS",
                                "Reason of o-2",
                                "m-2",
                                null,
                                "WITHDRAWN",
                                null,
                                null,
                                "The metropolis confirmed its share"));
        assertThat(view.links()).isEmpty();
        assertThat(view.opinions()).isEmpty();
    }

    @Test
    void theStageFollowsTheRoundAndANewVersionClearsTheConsentsToThePreviousOne() {
        readSide = DeliberationReadSide.start();
        readSide.append(events.actionDrafted(ACTION, 7, ECOLOGICAL, "t-mobility", "Mobility", TITLE, V1));
        assertThat(history().stage()).isEqualTo("DRAFT");

        readSide.append(
                events.actionRevised(ACTION, 2, TITLE, V2, "audit"),
                events.roundOpened(ACTION, ROUND, 2, "m-1", "m-2"));
        assertThat(history().stage()).isEqualTo("IN_ROUND");
        assertThat(history().rounds().get(0).status()).isEqualTo("OPEN");

        readSide.append(events.consent(ACTION, ROUND, 2, "m-1"), events.consent(ACTION, ROUND, 2, "m-1"));
        assertThat(history().rounds().get(0).consents()).containsExactly("m-1");

        readSide.append(events.actionRevised(ACTION, 3, TITLE, V3, "Improvement accepted"));
        assertThat(history().rounds().get(0).consents()).isEmpty();
        assertThat(history().stage()).isEqualTo("IN_ROUND");

        // a late consent to the superseded version does not count for the current one
        readSide.append(events.consent(ACTION, ROUND, 2, "m-2"));
        assertThat(history().rounds().get(0).consents()).isEmpty();

        readSide.append(events.consent(ACTION, ROUND, 3, "m-2", "m-1"), events.consentReached(ACTION, ROUND, 3));
        RoundView round = history().rounds().get(0);
        assertThat(round.consents()).containsExactly("m-2", "m-1");
        assertThat(round.status()).isEqualTo("CONCLUDED");
        assertThat(round.decidedVersion()).isEqualTo(3);
        assertThat(round.version()).isEqualTo(2);
        assertThat(history().stage()).isEqualTo("FINAL");

        readSide.append(events.finalised(ACTION, 7));
        assertThat(history().stage()).isEqualTo("FINAL");
    }

    @Test
    void withoutARoundAnObjectionHasNoRoundAndFinalisingMakesTheActionFinal() {
        readSide = DeliberationReadSide.start();
        readSide.append(
                events.actionDrafted(ACTION, 7, SOCIAL, "t-1", "Topic 1", TITLE, V1),
                events.objectionRaised(ACTION, "o-1", NEEDS_LARGE_MEANS, OFFICIAL, null),
                events.objectionLifted(ACTION, "o-1", "Phased over three years"));

        ObjectionView objection = history().objections().get(0);
        assertThat(objection.roundId()).isNull();
        assertThat(objection.status()).isEqualTo("LIFTED");
        assertThat(objection.amendedVersion()).as("no revision followed yet").isNull();
        assertThat(history().stage()).isEqualTo("DRAFT");

        readSide.append(
                events.actionRevised(ACTION, 2, TITLE, V2, "Phased over three years"),
                events.actionRevised(ACTION, 3, TITLE, V3, "A later, plain revision"),
                events.finalised(ACTION, 7));

        assertThat(history().objections().get(0).amendedVersion()).isEqualTo(2);
        assertThat(history().stage()).isEqualTo("FINAL");
        assertThat(history().rounds()).isEmpty();
    }

    @Test
    void aRoundStillOpenWhenTheActionIsFinalisedIsConcludedWithoutADecision() {
        readSide = DeliberationReadSide.start();
        readSide.append(
                events.actionDrafted(ACTION, 7, SOCIAL, "t-1", "Topic 1", TITLE, V1),
                events.roundOpened(ACTION, ROUND, 1, "m-1"),
                events.finalised(ACTION, 7));

        assertThat(history().rounds())
                .extracting(RoundView::status, RoundView::decidedVersion)
                .containsExactly(tuple("CONCLUDED", null));
        assertThat(history().stage()).isEqualTo("FINAL");
    }

    @Test
    void linksShowOnBothActionsAndOpinionsOnTheActionOnly() {
        readSide = DeliberationReadSide.start();
        readSide.append(
                events.topicChosen("t-1", ECOLOGICAL, "Topic 1"),
                events.topicChosen("t-2", SOCIAL, "Topic 2"),
                events.actionDrafted("a-1", 1, ECOLOGICAL, "t-1", "Topic 1", "One", "1"),
                events.actionDrafted("a-2", 2, SOCIAL, "t-2", "Topic 2", "Two", "2"),
                events.linked("a-1", "a-2", "complements"),
                events.linked("a-1", "a-99", "replaces"),
                events.opinion("op-1", "ACTION", "a-1"),
                events.opinion("op-2", "TOPIC", "t-1"));

        ActionHistoryView one = readSide.historyController.history("a-1");
        assertThat(one.links())
                .containsExactly(
                        new LinkView("a-2", "complements", "OUTGOING"), new LinkView("a-99", "replaces", "OUTGOING"));
        assertThat(one.opinions())
                .containsExactly(new OpinionView(
                        "op-1", "ADVISORY_COUNCIL", "Opinion op-1", DeliberationEvents.DAY.plusDays(30)));
        ActionHistoryView two = readSide.historyController.history("a-2");
        assertThat(two.links()).containsExactly(new LinkView("a-1", "complements", "INCOMING"));
        assertThat(two.opinions()).isEmpty();
        assertThatThrownBy(() -> readSide.historyController.history("a-99")).isInstanceOf(ErrorResponseException.class);
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void reDeliveringEventsChangesNothing(ReadStore.Backend backend) {
        readSide = DeliberationReadSide.start(backend, EventLog.jdbc());
        consentRoundStory();
        consentsAndDecision();
        ActionHistoryView before = history();

        readSide.redeliverEverything();
        readSide.log
                .restartFrom(readSide.log.delivered().get(9).trackingToken())
                .forEach(readSide::deliver);
        readSide.log.restreamFrom(null).forEach(readSide::deliver);

        assertThat(history()).isEqualTo(before);
    }

    @Test
    void reDeliveryOnAxonServerChangesNothingEither() {
        readSide = DeliberationReadSide.start(ReadStore.Backend.MEMORY, EventLog.axonServer());
        consentRoundStory();
        ActionHistoryView before = history();

        readSide.redeliverEverything();

        assertThat(history()).isEqualTo(before);
        assertThat(before.rounds().get(0).consents()).as("cleared by version 4").isEmpty();
    }

    @Test
    void aLateEventFillingAGapIsAppliedOnce() {
        readSide = DeliberationReadSide.start();
        readSide.append(events.actionDrafted(ACTION, 7, ECOLOGICAL, "t-1", "Topic 1", TITLE, V1));
        long slow = readSide.log.reserve();
        readSide.append(events.roundOpened(ACTION, ROUND, 1, "m-1"), events.consent(ACTION, ROUND, 1, "m-1"));

        readSide.deliver(readSide.log.fill(slow, events.referent(ACTION, "m-5")));
        readSide.redeliverEverything();

        assertThat(history().referentMemberId()).isEqualTo("m-5");
        assertThat(history().rounds().get(0).consents()).containsExactly("m-1");
    }

    @Test
    void anUnknownActionIsNotFound() {
        readSide = DeliberationReadSide.start();

        assertThatThrownBy(() -> readSide.historyController.history("nowhere"))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.getBody().getProperties()).containsEntry("code", "unknown-action");
                });
    }

    @Test
    void anEventOnAnUndraftedActionOrAnUnknownRoundFailsItsBatchAndWritesNothing() {
        readSide = DeliberationReadSide.start();

        assertThatThrownBy(() -> readSide.append(events.roundOpened("a-404", ROUND, 1, "m-1")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(readSide.mongo().findById("a-404", ActionHistory.class)).isNull();

        readSide.append(events.actionDrafted(ACTION, 7, ECOLOGICAL, "t-1", "Topic 1", TITLE, V1));
        ActionHistoryView before = history();
        assertThatThrownBy(() -> readSide.append(events.clarificationRequested(ACTION, "r-404", "c-1", "m-1", "?")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> readSide.append(events.objectionLifted(ACTION, "o-404", "amended")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(history()).isEqualTo(before);
    }

    @Test
    void resetForgetsEveryHistoryAndAReplayRebuildsIt() {
        readSide = DeliberationReadSide.start();
        consentRoundStory();
        ActionHistoryView before = history();

        readSide.reset();

        assertThatThrownBy(this::history).isInstanceOf(ErrorResponseException.class);
        readSide.log.restreamFrom(null).forEach(readSide::deliver);
        assertThat(history()).isEqualTo(before);
    }
}
