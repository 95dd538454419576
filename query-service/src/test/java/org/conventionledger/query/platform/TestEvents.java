package org.conventionledger.query.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.conventionledger.events.Transition;
import org.conventionledger.events.deliberation.ActionDrafted;
import org.conventionledger.events.deliberation.ActionFinalised;
import org.conventionledger.events.deliberation.ObjectionCategory;
import org.conventionledger.events.deliberation.ObjectionLifted;
import org.conventionledger.events.deliberation.ObjectionRaised;
import org.conventionledger.events.deliberation.TopicChosen;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.events.organisation.Mandate;
import org.conventionledger.events.recruitment.Answer;
import org.conventionledger.events.recruitment.InvitationAnswered;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.MemberSeated;
import org.conventionledger.events.votation.ActionVotes;
import org.conventionledger.events.votation.BallotItem;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.conventionledger.events.votation.PaperTallyRecorded;
import org.conventionledger.events.votation.VotationClosed;
import org.conventionledger.events.votation.VotationOpened;
import org.conventionledger.events.votation.VotationScheduled;

/** Payloads of the event catalogue with plausible values, for tests. */
public final class TestEvents {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 2);
    private static final Instant MOMENT = Instant.parse("2025-06-14T08:00:00Z");

    private TestEvents() {}

    public static ConventionOpened conventionOpened(
            String conventionId, String title, String city, Transition... transitions) {
        return new ConventionOpened(
                conventionId,
                title,
                city,
                new Mandate(
                        "DEL-2025-014",
                        DAY,
                        DAY.plusMonths(9),
                        "A programme of actions",
                        "Every action voted is answered by the council",
                        new BigDecimal("25.00")),
                List.of(transitions),
                8);
    }

    public static InvitationSent invitationSent(String conventionId, String invitationId) {
        return new InvitationSent(conventionId, invitationId, "res-" + invitationId, "electoral-roll", DAY);
    }

    public static InvitationAnswered invitationAnswered(String conventionId, String invitationId, Answer answer) {
        return new InvitationAnswered(conventionId, invitationId, answer, DAY.plusDays(10));
    }

    public static MemberSeated memberSeated(String conventionId, String memberId, Transition assembly) {
        return new MemberSeated(conventionId, memberId, "inv-" + memberId, assembly, "v1", DAY.plusDays(20));
    }

    public static TopicChosen topicChosen(String conventionId, String topicId, Transition assembly) {
        return new TopicChosen(conventionId, topicId, assembly, "Topic " + topicId);
    }

    public static ActionDrafted actionDrafted(String conventionId, String actionId, int number, Transition assembly) {
        return new ActionDrafted(
                conventionId,
                actionId,
                number,
                assembly,
                "topic-1",
                "Topic 1",
                "Action " + number,
                "What action " + number + " does");
    }

    public static ObjectionRaised objectionRaised(String conventionId, String actionId, String objectionId) {
        return new ObjectionRaised(
                conventionId,
                actionId,
                objectionId,
                ObjectionCategory.NEEDS_LARGE_MEANS,
                "Costs more than the yearly budget",
                "elected official",
                null);
    }

    public static ObjectionLifted objectionLifted(String conventionId, String actionId, String objectionId) {
        return new ObjectionLifted(conventionId, actionId, objectionId, "Phased over three years");
    }

    public static ActionFinalised actionFinalised(String conventionId, String actionId, int number) {
        return new ActionFinalised(conventionId, actionId, number);
    }

    public static BallotItem item(int actionNumber, Transition transition) {
        return new BallotItem(
                "action-" + actionNumber,
                actionNumber,
                "Action " + actionNumber,
                transition,
                "Topic of " + transition.name().toLowerCase());
    }

    public static VotationScheduled votationScheduled(
            String conventionId, String votationId, String title, BallotItem... items) {
        return new VotationScheduled(
                conventionId, votationId, title, MOMENT, MOMENT.plusSeconds(14 * 24 * 3600), List.of(items));
    }

    public static VotationOpened votationOpened(String conventionId, String votationId) {
        return new VotationOpened(conventionId, votationId, MOMENT);
    }

    public static VotationClosed votationClosed(String conventionId, String votationId) {
        return new VotationClosed(conventionId, votationId, MOMENT.plusSeconds(14 * 24 * 3600));
    }

    public static ActionVotes votes(int actionNumber, int votes) {
        return new ActionVotes(actionNumber, votes);
    }

    public static PaperTallyRecorded paperTally(
            String conventionId, String votationId, String deskId, ActionVotes... votes) {
        return new PaperTallyRecorded(
                conventionId, votationId, deskId, "Desk " + deskId, MOMENT.plusSeconds(3600), List.of(votes));
    }

    public static OnlineBallotCast onlineBallot(
            String conventionId, String votationId, String ballotId, Integer... choices) {
        return new OnlineBallotCast(conventionId, votationId, ballotId, "pseudo-" + ballotId, List.of(choices));
    }
}
