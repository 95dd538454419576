package org.conventionledger.query.votation;

import java.util.Set;
import org.conventionledger.events.votation.ActionVotes;
import org.conventionledger.events.votation.BallotItem;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.conventionledger.events.votation.PaperBallotRecorded;
import org.conventionledger.events.votation.PaperTallyRecorded;
import org.conventionledger.events.votation.VotationClosed;
import org.conventionledger.events.votation.VotationOpened;
import org.conventionledger.events.votation.VotationRules;
import org.conventionledger.events.votation.VotationScheduled;

/**
 * How one event changes a votation's {@link Ranking}: the counting alone, with no store and no
 * bookkeeping of positions. The live projection ({@link RankingProjection}) applies it to the stored
 * document, exactly once per event; the "as of" replay ({@link RankingAsOf}) to a document in memory.
 */
final class RankingChanges {

    /** The event types that change a ranking. */
    static final Set<Class<?>> TYPES = Set.of(
            VotationScheduled.class,
            VotationOpened.class,
            VotationClosed.class,
            PaperTallyRecorded.class,
            OnlineBallotCast.class,
            PaperBallotRecorded.class);

    private RankingChanges() {}

    /** The votation an event of {@link #TYPES} counts for; null for any other event. */
    static String votationOf(Object event) {
        if (event instanceof VotationScheduled e) {
            return e.votationId();
        } else if (event instanceof VotationOpened e) {
            return e.votationId();
        } else if (event instanceof VotationClosed e) {
            return e.votationId();
        } else if (event instanceof PaperTallyRecorded e) {
            return e.votationId();
        } else if (event instanceof OnlineBallotCast e) {
            return e.votationId();
        } else if (event instanceof PaperBallotRecorded e) {
            return e.votationId();
        }
        return null;
    }

    /** Applies the event to the ranking; an event of another type changes nothing. */
    static void apply(Ranking r, Object event) {
        if (event instanceof VotationScheduled e) {
            r.conventionId = e.conventionId();
            r.title = e.title();
            r.status = "SCHEDULED";
            r.resultsVisibleWhileOpen = VotationRules.inForce(e.rules()).resultsVisibleWhileOpen();
            r.counts.clear();
            for (BallotItem item : e.items()) {
                Ranking.Count count = new Ranking.Count();
                count.actionNumber = item.actionNumber();
                count.actionId = item.actionId();
                count.title = item.title();
                count.transition = item.transition().name();
                count.topic = item.topic();
                r.counts.add(count);
            }
        } else if (event instanceof VotationOpened) {
            r.status = "OPEN";
        } else if (event instanceof VotationClosed) {
            r.status = "CLOSED";
        } else if (event instanceof PaperTallyRecorded e) {
            for (ActionVotes votes : e.votes()) {
                r.count(votes.actionNumber()).paperVotes += votes.votes();
            }
            r.desksTallied++;
        } else if (event instanceof OnlineBallotCast e) {
            for (int choice : e.choices()) {
                r.count(choice).onlineVotes++;
            }
            r.onlineBallots++;
        } else if (event instanceof PaperBallotRecorded e) {
            // a desk keying ballots in one by one has no tally: each choice is one paper vote
            for (int choice : e.choices()) {
                r.count(choice).paperVotes++;
            }
            r.paperBallots++;
        }
    }
}
