package org.conventionledger.query.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.deliberation.ObjectionCategory.NOT_CITY_COMPETENCE;
import static org.conventionledger.events.deliberation.ObjectionCategory.OTHER;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.conventionledger.query.deliberation.ConsentRound.ClarificationView;
import org.conventionledger.query.deliberation.ConsentRound.ImprovementView;
import org.conventionledger.query.deliberation.QuestionHistoryController.ObjectionView;
import org.conventionledger.query.deliberation.QuestionHistoryController.QuestionHistoryView;
import org.conventionledger.query.deliberation.QuestionHistoryController.VersionView;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.ReadStore;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class QuestionHistoryProjectionTest {

    private static final String CONVENTION = "conv-clermont";
    private static final String QUESTION = "q-charter";
    private static final String OFFICIAL = "elected official";
    private static final String TITLE = "Adopt the dialogue charter";
    private static final String V1 = "The convention adopts the dialogue charter.";
    private static final String V2 = "The convention adopts the dialogue charter; the garants watch over it.";
    private static final String V3 = "The convention adopts the dialogue charter; the garants watch over it;"
            + " the metropolis lends its venues.";

    private final DeliberationEvents events = new DeliberationEvents(CONVENTION);

    @AutoClose
    private DeliberationReadSide readSide;

    private QuestionHistoryView history() {
        return readSide.questionController.history(QUESTION);
    }

    private TrackedEventMessage<?> put;
    private TrackedEventMessage<?> improved;
    private TrackedEventMessage<?> amended;

    /**
     * The charter put to a member, another member and an elected official; a clarification; an
     * improvement accepted (version 2), another declined; consent to version 2; the official objects
     * that the venues are the metropolis's (lifted by amendment: version 3), a member that it is vague
     * (withdrawn).
     */
    private void roundStory() {
        put = readSide.appendOne(events.questionPut(QUESTION, TITLE, V1, "m-1", "m-2", OFFICIAL));
        readSide.append(
                events.questionClarificationRequested(QUESTION, "c-1", "m-1", "Who signs it?"),
                events.questionClarificationAnswered(QUESTION, "c-1", "Every member."),
                events.questionImprovementProposed(QUESTION, "i-1", "m-2", "Let the garants watch over it"),
                events.questionImprovementProposed(QUESTION, "i-2", "m-1", "Sign it in blood"),
                events.questionImprovementDecided(QUESTION, "i-2", false, "No"),
                events.questionImprovementDecided(QUESTION, "i-1", true, "Agreed"));
        improved = readSide.appendOne(events.questionRevised(QUESTION, 2, V2, "improvement i-1 accepted"));
        readSide.append(
                events.questionConsent(QUESTION, 2, "m-1"),
                events.questionObjectionRaised(QUESTION, "o-1", NOT_CITY_COMPETENCE, OFFICIAL, "Metropolis"),
                events.questionObjectionRaised(QUESTION, "o-2", OTHER, "m-2", null),
                events.questionObjectionWithdrawn(QUESTION, "o-2", "Clear enough"),
                events.questionObjectionLifted(QUESTION, "o-1", "The metropolis lends its venues"));
        amended = readSide.appendOne(events.questionRevised(
                QUESTION, 3, V3, "amendment lifting objection o-1: The metropolis lends its venues"));
    }

    private void consentsAndDecision() {
        readSide.append(
                events.questionConsent(QUESTION, 3, "m-1", "m-2"),
                events.questionConsent(QUESTION, 3, OFFICIAL, "m-1"),
                events.questionDecided(QUESTION, 3));
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void aRoundGivesTheWholeHistory(ReadStore.Backend backend) {
        readSide = DeliberationReadSide.start(backend, EventLog.jdbc());
        roundStory();
        consentsAndDecision();

        QuestionHistoryView view = history();

        assertThat(view.questionId()).isEqualTo(QUESTION);
        assertThat(view.conventionId()).isEqualTo(CONVENTION);
        assertThat(view.title()).isEqualTo(TITLE);
        assertThat(view.text()).isEqualTo(V3);
        assertThat(view.status()).isEqualTo("DECIDED");
        assertThat(view.versions())
                .containsExactly(
                        new VersionView(1, V1, null, put.getTimestamp()),
                        new VersionView(2, V2, "improvement i-1 accepted", improved.getTimestamp()),
                        new VersionView(
                                3,
                                V3,
                                "amendment lifting objection o-1: The metropolis lends its venues",
                                amended.getTimestamp()));
        assertThat(view.participants()).containsExactly("m-1", "m-2", OFFICIAL);
        assertThat(view.clarifications())
                .containsExactly(new ClarificationView("c-1", "m-1", "Who signs it?", "Every member."));
        assertThat(view.improvements())
                .containsExactly(
                        new ImprovementView("i-1", "m-2", "Let the garants watch over it", "ACCEPTED", "Agreed"),
                        new ImprovementView("i-2", "m-1", "Sign it in blood", "DECLINED", "No"));
        assertThat(view.objections())
                .containsExactly(
                        new ObjectionView(
                                "o-1",
                                "NOT_CITY_COMPETENCE",
                                "Reason of o-1",
                                OFFICIAL,
                                "Metropolis",
                                "LIFTED",
                                "The metropolis lends its venues",
                                3,
                                null),
                        new ObjectionView(
                                "o-2", "OTHER", "Reason of o-2", "m-2", null, "WITHDRAWN", null, null, "Clear enough"));
        assertThat(view.consents()).containsExactly("m-1", "m-2", OFFICIAL);
        assertThat(view.decidedVersion()).isEqualTo(3);
    }

    @Test
    void aNewVersionClearsTheConsentsAndALateConsentToAnOldOneDoesNotCount() {
        readSide = DeliberationReadSide.start();
        readSide.append(
                events.questionPut(QUESTION, TITLE, V1, "m-1", "m-2"),
                events.questionConsent(QUESTION, 1, "m-1"),
                events.questionConsent(QUESTION, 1, "m-1"));
        assertThat(history().status()).isEqualTo("IN_ROUND");
        assertThat(history().consents()).containsExactly("m-1");
        assertThat(history().decidedVersion()).isNull();

        readSide.append(events.questionRevised(QUESTION, 2, V2, "improvement accepted"));
        assertThat(history().consents()).isEmpty();
        assertThat(history().text()).isEqualTo(V2);

        readSide.append(events.questionConsent(QUESTION, 1, "m-2"));
        assertThat(history().consents()).isEmpty();

        readSide.append(events.questionConsent(QUESTION, 2, "m-2", "m-1"), events.questionDecided(QUESTION, 2));
        assertThat(history().consents()).containsExactly("m-2", "m-1");
        assertThat(history().status()).isEqualTo("DECIDED");
        assertThat(history().decidedVersion()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void reDeliveringEventsChangesNothing(ReadStore.Backend backend) {
        readSide = DeliberationReadSide.start(backend, EventLog.jdbc());
        roundStory();
        consentsAndDecision();
        QuestionHistoryView before = history();

        readSide.redeliverEverything();
        readSide.log
                .restartFrom(readSide.log.delivered().get(7).trackingToken())
                .forEach(readSide::deliver);
        readSide.log.restreamFrom(null).forEach(readSide::deliver);

        assertThat(history()).isEqualTo(before);
    }

    @Test
    void reDeliveryOnAxonServerChangesNothingEither() {
        readSide = DeliberationReadSide.start(ReadStore.Backend.MEMORY, EventLog.axonServer());
        roundStory();
        QuestionHistoryView before = history();

        readSide.redeliverEverything();

        assertThat(history()).isEqualTo(before);
        assertThat(before.consents()).as("cleared by version 3").isEmpty();
    }

    @Test
    void anUnknownQuestionIsNotFound() {
        readSide = DeliberationReadSide.start();

        assertThatThrownBy(() -> readSide.questionController.history("nowhere"))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.getBody().getProperties()).containsEntry("code", "unknown-question");
                });
    }

    @Test
    void anEventOnAQuestionNeverPutOrAnUnknownObjectionFailsItsBatchAndWritesNothing() {
        readSide = DeliberationReadSide.start();

        assertThatThrownBy(() -> readSide.append(events.questionConsent("q-404", 1, "m-1")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(readSide.mongo().findById("q-404", QuestionHistory.class)).isNull();

        readSide.append(events.questionPut(QUESTION, TITLE, V1, "m-1"));
        QuestionHistoryView before = history();
        assertThatThrownBy(() -> readSide.append(events.questionObjectionLifted(QUESTION, "o-404", "amended")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> readSide.append(events.questionClarificationAnswered(QUESTION, "c-404", "?")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(history()).isEqualTo(before);
    }

    @Test
    void resetForgetsEveryHistoryAndAReplayRebuildsIt() {
        readSide = DeliberationReadSide.start();
        roundStory();
        consentsAndDecision();
        QuestionHistoryView before = history();

        readSide.reset();

        assertThatThrownBy(this::history).isInstanceOf(ErrorResponseException.class);
        readSide.log.restreamFrom(null).forEach(readSide::deliver);
        assertThat(history()).isEqualTo(before);
    }
}
