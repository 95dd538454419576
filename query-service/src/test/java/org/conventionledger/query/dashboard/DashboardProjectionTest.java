package org.conventionledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.Transition.DEMOCRATIC;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.actionDrafted;
import static org.conventionledger.query.platform.TestEvents.actionFinalised;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.invitationAnswered;
import static org.conventionledger.query.platform.TestEvents.invitationSent;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.memberSeated;
import static org.conventionledger.query.platform.TestEvents.objectionLifted;
import static org.conventionledger.query.platform.TestEvents.objectionRaised;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.paperTally;
import static org.conventionledger.query.platform.TestEvents.topicChosen;
import static org.conventionledger.query.platform.TestEvents.votationClosed;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;
import static org.conventionledger.query.platform.TestEvents.votes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.conventionledger.events.recruitment.Answer;
import org.conventionledger.query.dashboard.DashboardController.DashboardView;
import org.conventionledger.query.dashboard.DashboardController.VotationTurnout;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.ProjectionHarness;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class DashboardProjectionTest {

    private static final String LYON = "conv-lyon";
    private static final String GRENOBLE = "conv-grenoble";

    @AutoClose
    private final ProjectionHarness side = ProjectionHarness.embedded();

    private final DashboardProjection projection = side.handle(new DashboardProjection(side.projections, side.mongo()));
    private final DashboardController controller = new DashboardController(side.mongo());
    private final EventLog log = side.log;

    private void recruitmentAndDeliberation(String conventionId) {
        side.append(conventionOpened(conventionId, "Convention citoyenne", "Lyon", ECOLOGICAL, SOCIAL, DEMOCRATIC));
        for (int i = 1; i <= 5; i++) {
            side.append(invitationSent(conventionId, "inv-" + i));
        }
        side.append(
                invitationAnswered(conventionId, "inv-1", Answer.ACCEPTED),
                invitationAnswered(conventionId, "inv-2", Answer.ACCEPTED),
                invitationAnswered(conventionId, "inv-3", Answer.DECLINED),
                invitationAnswered(conventionId, "inv-4", Answer.NO_ANSWER),
                invitationAnswered(conventionId, "inv-5", Answer.ACCEPTED),
                memberSeated(conventionId, "m-1", SOCIAL),
                memberSeated(conventionId, "m-2", ECOLOGICAL),
                memberSeated(conventionId, "m-5", ECOLOGICAL),
                topicChosen(conventionId, "t-1", ECOLOGICAL),
                topicChosen(conventionId, "t-2", SOCIAL),
                actionDrafted(conventionId, "a-1", 1, ECOLOGICAL),
                actionDrafted(conventionId, "a-2", 2, ECOLOGICAL),
                actionDrafted(conventionId, "a-3", 3, SOCIAL),
                objectionRaised(conventionId, "a-1", "o-1"),
                objectionRaised(conventionId, "a-3", "o-2"),
                objectionLifted(conventionId, "a-1", "o-1"),
                actionFinalised(conventionId, "a-1", 1),
                actionFinalised(conventionId, "a-2", 2));
    }

    private void votation(String conventionId) {
        side.append(
                votationScheduled(
                        conventionId,
                        "vot-1",
                        "Votation de juin",
                        item(1, ECOLOGICAL),
                        item(2, ECOLOGICAL),
                        item(3, SOCIAL)),
                votationOpened(conventionId, "vot-1"),
                paperTally(conventionId, "vot-1", "desk-1", votes(1, 10), votes(2, 5)),
                onlineBallot(conventionId, "vot-1", "b-1", 1, 2),
                paperTally(conventionId, "vot-1", "desk-2", votes(1, 3), votes(3, 7)),
                onlineBallot(conventionId, "vot-1", "b-2", 3),
                onlineBallot(conventionId, "vot-1", "b-3", 1, 2, 3),
                votationClosed(conventionId, "vot-1"),
                votationScheduled(conventionId, "vot-2", "Votation d'automne", item(4, DEMOCRATIC)));
    }

    @Test
    void countsRecruitmentAndDeliberation() {
        recruitmentAndDeliberation(LYON);

        DashboardView view = controller.dashboard(LYON);

        assertThat(view.conventionId()).isEqualTo(LYON);
        assertThat(view.title()).isEqualTo("Convention citoyenne");
        assertThat(view.city()).isEqualTo("Lyon");
        assertThat(view.invitationsSent()).isEqualTo(5);
        assertThat(view.invitationsAccepted()).isEqualTo(3);
        assertThat(view.invitationsDeclined()).isEqualTo(1);
        assertThat(view.invitationsUnanswered()).isEqualTo(1);
        assertThat(view.membersSeated()).isEqualTo(3);
        assertThat(view.topicsChosen()).isEqualTo(2);
        assertThat(view.actionsDrafted()).isEqualTo(3);
        assertThat(view.objectionsRaised()).isEqualTo(2);
        assertThat(view.objectionsLifted()).isEqualTo(1);
        assertThat(view.actionsFinalised()).isEqualTo(2);
        assertThat(view.votations()).isEmpty();
    }

    @Test
    void membersByTransitionListsEveryTransitionOfTheConventionInItsOrder() {
        recruitmentAndDeliberation(LYON);

        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("ECOLOGICAL", 2L);
        expected.put("SOCIAL", 1L);
        expected.put("DEMOCRATIC", 0L);
        assertThat(controller.dashboard(LYON).membersByTransition()).containsExactlyEntriesOf(expected);
    }

    @Test
    void votationTurnoutPerChannel() {
        recruitmentAndDeliberation(LYON);
        votation(LYON);

        List<VotationTurnout> votations = controller.dashboard(LYON).votations();

        assertThat(votations)
                .containsExactly(
                        new VotationTurnout("vot-1", "Votation de juin", "CLOSED", 25, 6, 31, 3, 2, 0),
                        new VotationTurnout("vot-2", "Votation d'automne", "SCHEDULED", 0, 0, 0, 0, 0, 0));
    }

    @Test
    void votationStatusFollowsTheVotation() {
        side.append(
                conventionOpened(LYON, "C", "Lyon", ECOLOGICAL),
                votationScheduled(LYON, "vot-1", "V", item(1, ECOLOGICAL)));
        assertThat(controller.dashboard(LYON).votations().get(0).status()).isEqualTo("SCHEDULED");

        side.append(votationOpened(LYON, "vot-1"));
        assertThat(controller.dashboard(LYON).votations().get(0).status()).isEqualTo("OPEN");

        side.append(votationClosed(LYON, "vot-1"));
        assertThat(controller.dashboard(LYON).votations().get(0).status()).isEqualTo("CLOSED");
    }

    @Test
    void reDeliveryDoesNotDoubleCount() {
        recruitmentAndDeliberation(LYON);
        votation(LYON);
        DashboardView before = controller.dashboard(LYON);

        // after a crash: the same messages again, then the stream from an older stored token, then from the start
        log.delivered().forEach(side::deliver);
        log.restartFrom(log.delivered().get(10).trackingToken()).forEach(side::deliver);
        log.restreamFrom(null).forEach(side::deliver);

        assertThat(controller.dashboard(LYON)).isEqualTo(before);
    }

    @Test
    void aBallotCommittedLateIsCountedOnceWhenItFillsItsGap() {
        side.append(
                conventionOpened(LYON, "C", "Lyon", ECOLOGICAL),
                votationScheduled(LYON, "vot-1", "V", item(1, ECOLOGICAL), item(2, ECOLOGICAL)),
                votationOpened(LYON, "vot-1"));
        long slow = log.reserve();
        side.append(onlineBallot(LYON, "vot-1", "b-2", 2), onlineBallot(LYON, "vot-1", "b-3", 1, 2));

        TrackedEventMessage<?> late = log.fill(slow, onlineBallot(LYON, "vot-1", "b-1", 1));
        assertThat(late.trackingToken().position()).hasValue(6);
        side.deliver(late);
        side.deliver(late);

        VotationTurnout turnout = controller.dashboard(LYON).votations().get(0);
        assertThat(turnout.onlineBallots()).isEqualTo(3);
        assertThat(turnout.onlineVotes()).isEqualTo(4);
    }

    @Test
    void conventionsHaveTheirOwnDashboards() {
        recruitmentAndDeliberation(LYON);
        side.append(
                conventionOpened(GRENOBLE, "Convention du climat", "Grenoble", ECOLOGICAL),
                invitationSent(GRENOBLE, "g-1"),
                memberSeated(GRENOBLE, "g-m-1", ECOLOGICAL));

        DashboardView grenoble = controller.dashboard(GRENOBLE);
        assertThat(grenoble.city()).isEqualTo("Grenoble");
        assertThat(grenoble.invitationsSent()).isEqualTo(1);
        assertThat(grenoble.membersByTransition()).containsExactlyEntriesOf(Map.of("ECOLOGICAL", 1L));
        assertThat(controller.dashboard(LYON).invitationsSent()).isEqualTo(5);
    }

    @Test
    void anUnknownConventionIsNotFound() {
        assertThatThrownBy(() -> controller.dashboard("nowhere"))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.getBody().getProperties()).containsEntry("code", "unknown-convention");
                });
    }

    @Test
    void resetForgetsEveryDashboard() {
        recruitmentAndDeliberation(LYON);

        projection.reset();

        assertThatThrownBy(() -> controller.dashboard(LYON)).isInstanceOf(ErrorResponseException.class);
        log.restreamFrom(null).forEach(side::deliver);
        assertThat(controller.dashboard(LYON).invitationsSent()).isEqualTo(5);
    }

    @Test
    void axonRoutesEachEventToItsAnnotatedHandlerWithItsToken() throws Exception {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        handlers.handle(log.append(conventionOpened(LYON, "C", "Lyon", SOCIAL)));
        handlers.handle(log.append(memberSeated(LYON, "m-1", SOCIAL)));
        TrackedEventMessage<?> seated = log.append(memberSeated(LYON, "m-2", SOCIAL));
        handlers.handle(seated);
        handlers.handle(seated);

        assertThat(controller.dashboard(LYON).membersByTransition()).containsExactlyEntriesOf(Map.of("SOCIAL", 2L));
    }
}
