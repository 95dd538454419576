package org.conventionledger.query.dashboard;

import java.util.Set;
import org.conventionledger.events.deliberation.ActionDrafted;
import org.conventionledger.events.deliberation.ActionFinalised;
import org.conventionledger.events.deliberation.ObjectionLifted;
import org.conventionledger.events.deliberation.ObjectionRaised;
import org.conventionledger.events.deliberation.TopicChosen;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.events.recruitment.InvitationAnswered;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.MemberSeated;
import org.conventionledger.events.votation.ActionVotes;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.conventionledger.events.votation.PaperBallotRecorded;
import org.conventionledger.events.votation.PaperTallyRecorded;
import org.conventionledger.events.votation.VotationClosed;
import org.conventionledger.events.votation.VotationOpened;
import org.conventionledger.events.votation.VotationScheduled;

/**
 * How one event changes a convention's {@link Dashboard}: the update logic alone, with no store and no
 * bookkeeping of positions. The live projection ({@link DashboardProjection}) applies it to the stored
 * document, exactly once per event; the "as of" replay ({@link DashboardAsOf}) to a document in memory.
 */
final class DashboardChanges {

    /** The event types that change a dashboard. */
    static final Set<Class<?>> TYPES = Set.of(
            ConventionOpened.class,
            InvitationSent.class,
            InvitationAnswered.class,
            MemberSeated.class,
            TopicChosen.class,
            ActionDrafted.class,
            ObjectionRaised.class,
            ObjectionLifted.class,
            ActionFinalised.class,
            VotationScheduled.class,
            VotationOpened.class,
            VotationClosed.class,
            PaperTallyRecorded.class,
            OnlineBallotCast.class,
            PaperBallotRecorded.class);

    private DashboardChanges() {}

    /** Applies the event to the dashboard; an event of another type changes nothing. */
    static void apply(Dashboard d, Object event) {
        if (event instanceof ConventionOpened e) {
            d.title = e.title();
            d.city = e.city();
            e.transitions().forEach(t -> d.membersByTransition.putIfAbsent(t.name(), 0L));
        } else if (event instanceof InvitationSent) {
            d.invitationsSent++;
        } else if (event instanceof InvitationAnswered e) {
            switch (e.answer()) {
                case ACCEPTED -> d.invitationsAccepted++;
                case DECLINED -> d.invitationsDeclined++;
                case NO_ANSWER -> d.invitationsUnanswered++;
            }
        } else if (event instanceof MemberSeated e) {
            d.membersSeated++;
            d.membersByTransition.merge(e.assembly().name(), 1L, Long::sum);
        } else if (event instanceof TopicChosen) {
            d.topicsChosen++;
        } else if (event instanceof ActionDrafted) {
            d.actionsDrafted++;
        } else if (event instanceof ObjectionRaised) {
            d.objectionsRaised++;
        } else if (event instanceof ObjectionLifted) {
            d.objectionsLifted++;
        } else if (event instanceof ActionFinalised) {
            d.actionsFinalised++;
        } else if (event instanceof VotationScheduled e) {
            Dashboard.VotationFigures figures = new Dashboard.VotationFigures();
            figures.title = e.title();
            figures.status = "SCHEDULED";
            d.votations.put(e.votationId(), figures);
        } else if (event instanceof VotationOpened e) {
            d.votations.get(e.votationId()).status = "OPEN";
        } else if (event instanceof VotationClosed e) {
            d.votations.get(e.votationId()).status = "CLOSED";
        } else if (event instanceof PaperTallyRecorded e) {
            Dashboard.VotationFigures figures = d.votations.get(e.votationId());
            figures.paperVotes +=
                    e.votes().stream().mapToLong(ActionVotes::votes).sum();
            figures.desksTallied++;
        } else if (event instanceof OnlineBallotCast e) {
            Dashboard.VotationFigures figures = d.votations.get(e.votationId());
            figures.onlineVotes += e.choices().size();
            figures.onlineBallots++;
        } else if (event instanceof PaperBallotRecorded e) {
            Dashboard.VotationFigures figures = d.votations.get(e.votationId());
            figures.paperVotes += e.choices().size();
            figures.paperBallots++;
        }
    }
}
