package org.conventionledger.command.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.deliberation.CastJudgment;
import org.conventionledger.command.deliberation.ChooseTopic;
import org.conventionledger.command.deliberation.CloseJudgmentVote;
import org.conventionledger.command.deliberation.DeliberationRegister;
import org.conventionledger.command.deliberation.JudgmentVotes;
import org.conventionledger.command.deliberation.OpenJudgmentVote;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.command.recruitment.RecordInvitationAnswer;
import org.conventionledger.command.recruitment.SeatMember;
import org.conventionledger.command.recruitment.SendInvitations;
import org.conventionledger.events.Transition;
import org.conventionledger.events.deliberation.JudgmentCast;
import org.conventionledger.events.deliberation.JudgmentVoteClosed;
import org.conventionledger.events.deliberation.JudgmentVoteOpened;
import org.conventionledger.events.deliberation.TopicChosen;
import org.conventionledger.events.deliberation.VoteOption;
import org.conventionledger.events.deliberation.VotePurpose;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.events.recruitment.Answer;
import org.conventionledger.events.recruitment.InvitationAnswered;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.MemberSeated;

/**
 * A citizens' convention and its panel: invitations, answers, seated members and the topics each
 * assembly chose. Recruitment lives here because its rules (an invitation is answered once, only a
 * volunteer is seated, once, in one of the convention's assemblies) span the whole panel; a panel is a
 * few thousand invitations at most, so this stream never becomes a hot spot. The members'
 * majority-judgment votes (topics in session 1, priorities in session 5) live here too, since only
 * the panel knows who may vote in which assembly; their rules are in {@link JudgmentVotes}.
 */
@Aggregate(cache = "conventionCache")
public class Convention {

    @AggregateIdentifier
    private String conventionId;
    private Set<Transition> transitions;
    private final Set<String> residentsInvited = new HashSet<>();
    private final Map<String, Answer> answers = new HashMap<>();
    private final Set<String> invitations = new HashSet<>();
    private final Set<String> seatedInvitations = new HashSet<>();
    private final Map<String, Transition> members = new HashMap<>();
    private final JudgmentVotes votes = new JudgmentVotes();
    private final Set<String> topicTitles = new HashSet<>();

    protected Convention() {
        // for Axon
    }

    @CommandHandler
    public Convention(OpenConvention command) {
        require(notBlank(command.title()), "title-required", "A convention needs a title.");
        require(notBlank(command.city()), "city-required", "A convention needs a city.");
        require(command.transitions() != null && !command.transitions().isEmpty(), "transitions-required",
                "A convention works on at least one transition.");
        require(Set.copyOf(command.transitions()).size() == command.transitions().size(), "duplicate-transition",
                "Each transition is listed once.");
        require(command.plannedSessions() >= 1, "sessions-required", "A convention plans at least one session.");
        var mandate = command.mandate();
        require(mandate != null && mandate.startsOn() != null && mandate.endsOn() != null
                        && !mandate.endsOn().isBefore(mandate.startsOn()),
                "mandate-dates", "The mandate needs a start date and an end date that is not before it.");
        apply(new ConventionOpened(command.conventionId(), command.title(), command.city(), mandate,
                List.copyOf(command.transitions()), command.plannedSessions()));
    }

    @CommandHandler
    public void handle(SendInvitations command) {
        require(command.invitees() != null && !command.invitees().isEmpty(), "invitees-required",
                "Name at least one invitee.");
        Set<String> batchIds = new HashSet<>();
        Set<String> batchResidents = new HashSet<>();
        for (var invitee : command.invitees()) {
            if (invitations.contains(invitee.invitationId()) || !batchIds.add(invitee.invitationId())) {
                throw RuleViolation.conflict("invitation-exists",
                        "Invitation " + invitee.invitationId() + " was already sent.");
            }
            if (residentsInvited.contains(invitee.residentRef()) || !batchResidents.add(invitee.residentRef())) {
                throw RuleViolation.conflict("resident-already-invited",
                        "Resident " + invitee.residentRef() + " is already invited to this convention.");
            }
        }
        for (var invitee : command.invitees()) {
            apply(new InvitationSent(conventionId, invitee.invitationId(), invitee.residentRef(),
                    invitee.sourceList(), command.sentOn()));
        }
    }

    @CommandHandler
    public void handle(RecordInvitationAnswer command) {
        requireInvitation(command.invitationId());
        if (answers.containsKey(command.invitationId())) {
            throw RuleViolation.conflict("invitation-already-answered", "Invitation " + command.invitationId()
                    + " was already answered: " + answers.get(command.invitationId()) + ".");
        }
        require(command.answer() != null, "answer-required", "Give the answer: ACCEPTED, DECLINED or NO_ANSWER.");
        apply(new InvitationAnswered(conventionId, command.invitationId(), command.answer(), command.answeredOn()));
    }

    @CommandHandler
    public void handle(SeatMember command) {
        requireInvitation(command.invitationId());
        if (answers.get(command.invitationId()) != Answer.ACCEPTED) {
            throw RuleViolation.conflict("invitation-not-accepted", "Only a resident who accepted the invitation"
                    + " can be seated; invitation " + command.invitationId() + " is "
                    + (answers.containsKey(command.invitationId()) ? answers.get(command.invitationId()) : "unanswered")
                    + ".");
        }
        if (seatedInvitations.contains(command.invitationId())) {
            throw RuleViolation.conflict("already-seated",
                    "The volunteer of invitation " + command.invitationId() + " is already seated.");
        }
        if (members.containsKey(command.memberId())) {
            throw RuleViolation.conflict("member-exists", "Member " + command.memberId() + " is already seated.");
        }
        requireAssembly(command.assembly());
        require(notBlank(command.contractVersion()), "contract-version-required",
                "Record which version of the engagement contract the member signed.");
        apply(new MemberSeated(conventionId, command.memberId(), command.invitationId(), command.assembly(),
                command.contractVersion(), command.seatedOn()));
    }

    @CommandHandler
    public void handle(ChooseTopic command) {
        requireAssembly(command.assembly());
        require(notBlank(command.title()), "title-required", "A topic needs a title.");
        requireNewTopic(command.assembly(), command.title());
        apply(new TopicChosen(conventionId, command.topicId(), command.assembly(), command.title()));
    }

    @CommandHandler
    public void handle(OpenJudgmentVote command, DeliberationRegister register) {
        if (command.assembly() != null) {
            requireAssembly(command.assembly());
        }
        JudgmentVoteOpened opened = votes.open(conventionId, command, register);
        if (opened.purpose() == VotePurpose.TOPIC_CHOICE) {
            for (VoteOption candidate : opened.options()) {
                requireNewTopic(opened.assembly(), candidate.label());
            }
        }
        apply(opened);
    }

    @CommandHandler
    public void handle(CastJudgment command) {
        apply(votes.cast(conventionId, command, members.get(command.memberId())));
    }

    @CommandHandler
    public void handle(CloseJudgmentVote command) {
        JudgmentVoteClosed closed = votes.close(conventionId, command);
        boolean choosesTopics = votes.purposeOf(command.voteId()) == VotePurpose.TOPIC_CHOICE;
        Transition assembly = votes.assemblyOf(command.voteId());
        if (choosesTopics) {
            // another vote or a direct choice may have taken a title since this vote opened
            closed.chosen().forEach(chosen -> requireNewTopic(assembly, votes.label(command.voteId(), chosen)));
        }
        apply(closed);
        if (choosesTopics) {
            for (String chosen : closed.chosen()) {
                apply(new TopicChosen(conventionId, chosen, assembly, votes.label(command.voteId(), chosen)));
            }
        }
    }

    @EventSourcingHandler
    void on(JudgmentVoteOpened event) {
        votes.on(event);
    }

    @EventSourcingHandler
    void on(JudgmentCast event) {
        votes.on(event);
    }

    @EventSourcingHandler
    void on(JudgmentVoteClosed event) {
        votes.on(event);
    }

    @EventSourcingHandler
    void on(ConventionOpened event) {
        conventionId = event.conventionId();
        transitions = EnumSet.copyOf(event.transitions());
    }

    @EventSourcingHandler
    void on(InvitationSent event) {
        invitations.add(event.invitationId());
        residentsInvited.add(event.residentRef());
    }

    @EventSourcingHandler
    void on(InvitationAnswered event) {
        answers.put(event.invitationId(), event.answer());
    }

    @EventSourcingHandler
    void on(MemberSeated event) {
        seatedInvitations.add(event.invitationId());
        members.put(event.memberId(), event.assembly());
    }

    @EventSourcingHandler
    void on(TopicChosen event) {
        topicTitles.add(event.assembly() + "/" + event.title());
    }

    private void requireNewTopic(Transition assembly, String title) {
        if (topicTitles.contains(assembly + "/" + title)) {
            throw RuleViolation.conflict("topic-exists",
                    "The " + assembly + " assembly already chose the topic '" + title + "'.");
        }
    }

    private void requireInvitation(String invitationId) {
        if (!invitations.contains(invitationId)) {
            throw RuleViolation.notFound("unknown-invitation", "No invitation " + invitationId + " was sent.");
        }
    }

    private void requireAssembly(Transition assembly) {
        if (assembly == null || !transitions.contains(assembly)) {
            throw RuleViolation.unprocessable("unknown-assembly", "This convention has no " + assembly
                    + " assembly; its transitions are " + transitions + ".");
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static void require(boolean condition, String code, String message) {
        if (!condition) {
            throw RuleViolation.unprocessable(code, message);
        }
    }
}
