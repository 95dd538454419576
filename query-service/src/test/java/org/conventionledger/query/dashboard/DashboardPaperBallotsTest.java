package org.conventionledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.paperTally;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;
import static org.conventionledger.query.platform.TestEvents.votes;

import java.util.List;
import org.conventionledger.events.votation.PaperBallotRecorded;
import org.junit.jupiter.api.Test;

/** Paper ballots recorded one by one in the organisers' turnout: their votes, and one paper voter each. */
class DashboardPaperBallotsTest {

    @Test
    void aPaperBallotCountsItsChoicesAsPaperVotesAndOnePaperVoter() {
        Dashboard d = Dashboard.of("c");
        DashboardChanges.apply(d, conventionOpened("c", "Convention", "Warszawa", SOCIAL));
        DashboardChanges.apply(d, votationScheduled("c", "v", "V", item(1, SOCIAL), item(2, SOCIAL)));
        DashboardChanges.apply(d, votationOpened("c", "v"));
        DashboardChanges.apply(d, onlineBallot("c", "v", "b-1", 1));
        DashboardChanges.apply(d, new PaperBallotRecorded("c", "v", "b-2", "desk", "p-2", List.of(1, 2)));
        DashboardChanges.apply(d, new PaperBallotRecorded("c", "v", "b-3", "desk", "p-3", List.of(2)));
        DashboardChanges.apply(d, paperTally("c", "v", "d-1", votes(1, 4)));

        assertThat(DashboardChanges.TYPES).contains(PaperBallotRecorded.class);
        assertThat(DashboardController.view(d).votations())
                .containsExactly(new DashboardController.VotationTurnout("v", "V", "OPEN", 7, 1, 8, 1, 1, 2));
    }
}
