package org.conventionledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.actionDrafted;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.invitationAnswered;
import static org.conventionledger.query.platform.TestEvents.invitationSent;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.memberSeated;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.paperTally;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;
import static org.conventionledger.query.platform.TestEvents.votes;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventHandler;
import org.conventionledger.events.recruitment.Answer;
import org.conventionledger.events.votation.VotationScheduled;
import org.junit.jupiter.api.Test;

/** The dashboard's update logic alone, on a document in memory. */
class DashboardChangesTest {

    @Test
    void countsTheFunnelTheMembersAndTheTurnout() {
        Dashboard d = Dashboard.of("c");
        DashboardChanges.apply(d, conventionOpened("c", "Convention", "Lyon", ECOLOGICAL, SOCIAL));
        DashboardChanges.apply(d, invitationSent("c", "i-1"));
        DashboardChanges.apply(d, invitationSent("c", "i-2"));
        DashboardChanges.apply(d, invitationAnswered("c", "i-1", Answer.ACCEPTED));
        DashboardChanges.apply(d, invitationAnswered("c", "i-2", Answer.NO_ANSWER));
        DashboardChanges.apply(d, memberSeated("c", "m-1", SOCIAL));
        DashboardChanges.apply(d, actionDrafted("c", "a-1", 1, SOCIAL));
        DashboardChanges.apply(d, votationScheduled("c", "v", "V", item(1, SOCIAL)));
        DashboardChanges.apply(d, votationOpened("c", "v"));
        DashboardChanges.apply(d, onlineBallot("c", "v", "b-1", 1));
        DashboardChanges.apply(d, paperTally("c", "v", "d-1", votes(1, 12)));

        DashboardController.DashboardView view = DashboardController.view(d);
        assertThat(view.title()).isEqualTo("Convention");
        assertThat(view.invitationsSent()).isEqualTo(2);
        assertThat(view.invitationsAccepted()).isEqualTo(1);
        assertThat(view.invitationsUnanswered()).isEqualTo(1);
        assertThat(view.membersByTransition()).isEqualTo(Map.of("ECOLOGICAL", 0L, "SOCIAL", 1L));
        assertThat(view.actionsDrafted()).isEqualTo(1);
        assertThat(view.votations())
                .containsExactly(new DashboardController.VotationTurnout("v", "V", "OPEN", 12, 1, 13, 1, 1, 0));
    }

    /**
     * The "as of" replay applies {@link DashboardChanges} only: an event the projection handles must be
     * one of its types (and be applied there), or the dashboard as of an instant would miss it.
     */
    @Test
    void theProjectionHandlesExactlyTheTypesOfTheChanges() {
        Set<Class<?>> handled = Arrays.stream(DashboardProjection.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(EventHandler.class))
                .map(m -> m.getParameterTypes()[0])
                .collect(Collectors.toSet());
        assertThat(handled).isEqualTo(DashboardChanges.TYPES).contains(VotationScheduled.class);
    }
}
