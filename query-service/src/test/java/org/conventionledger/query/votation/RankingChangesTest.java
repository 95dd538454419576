package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.paperTally;
import static org.conventionledger.query.platform.TestEvents.votationClosed;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;
import static org.conventionledger.query.platform.TestEvents.votes;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventHandler;
import org.conventionledger.query.platform.TestEvents;
import org.junit.jupiter.api.Test;

/** The counting alone, on a document in memory. */
class RankingChangesTest {

    @Test
    void countsEachChannelPerAction() {
        Ranking r = Ranking.of("v");
        RankingChanges.apply(r, votationScheduled("c", "v", "V", item(1, SOCIAL), item(2, ECOLOGICAL)));
        assertThat(r.status).isEqualTo("SCHEDULED");
        RankingChanges.apply(r, votationOpened("c", "v"));
        RankingChanges.apply(r, onlineBallot("c", "v", "b", 1, 2));
        RankingChanges.apply(r, paperTally("c", "v", "d", votes(1, 3), votes(2, 5)));
        RankingChanges.apply(r, TestEvents.invitationSent("c", "i")); // not a votation's event: no change
        RankingChanges.apply(r, votationClosed("c", "v"));

        assertThat(r.status).isEqualTo("CLOSED");
        assertThat(r.count(1).paperVotes + r.count(1).onlineVotes).isEqualTo(4);
        assertThat(r.count(2).paperVotes + r.count(2).onlineVotes).isEqualTo(6);
        assertThat(r.onlineBallots).isEqualTo(1);
        assertThat(r.desksTallied).isEqualTo(1);
        assertThat(RankingController.view(r, ECOLOGICAL).totalVotes()).isEqualTo(6);
    }

    /** The "as of" replay applies {@link RankingChanges} only: the projection must handle nothing else. */
    @Test
    void theProjectionHandlesExactlyTheTypesOfTheChanges() {
        Set<Class<?>> handled = Arrays.stream(RankingProjection.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(EventHandler.class))
                .map(m -> m.getParameterTypes()[0])
                .collect(Collectors.toSet());
        assertThat(handled).isEqualTo(RankingChanges.TYPES);
    }

    @Test
    void findsTheVotationOfItsEventsOnly() {
        assertThat(RankingChanges.votationOf(onlineBallot("c", "v", "b", 1))).isEqualTo("v");
        assertThat(RankingChanges.votationOf(votationClosed("c", "w"))).isEqualTo("w");
        assertThat(RankingChanges.votationOf(TestEvents.invitationSent("c", "i")))
                .isNull();
    }

    @Test
    void aChoiceNotOnTheBallotFailsAsInTheLiveProjection() {
        Ranking r = Ranking.of("v");
        RankingChanges.apply(r, votationScheduled("c", "v", "V", item(1, SOCIAL)));
        assertThatThrownBy(() -> RankingChanges.apply(r, onlineBallot("c", "v", "b", 9)))
                .isInstanceOf(IllegalStateException.class);
    }
}
