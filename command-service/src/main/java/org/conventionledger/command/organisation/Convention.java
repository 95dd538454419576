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
import org.conventionledger.command.deliberation.ChooseTopic;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.command.recruitment.RecordInvitationAnswer;
import org.conventionledger.command.recruitment.SeatMember;
import org.conventionledger.command.recruitment.SendInvitations;
import org.conventionledger.events.Transition;
import org.conventionledger.events.deliberation.TopicChosen;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.events.recruitment.Answer;
import org.conventionledger.events.recruitment.InvitationAnswered;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.MemberSeated;

/**
 * A citizens' convention and its panel: invitations, answers, seated members and the topics each
 * assembly chose. Recruitment lives here because its rules (an invitation is answered once, only a
 * volunteer is seated, once, in one of the convention's assemblies) span the whole panel; a panel is a
 * few thousand invitations at most, so this stream never becomes a hot spot.
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
    private final Set<String> members = new HashSet<>();
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
        if (members.contains(command.memberId())) {
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
        if (topicTitles.contains(command.assembly() + "/" + command.title())) {
            throw RuleViolation.conflict("topic-exists",
                    "The " + command.assembly() + " assembly already chose the topic '" + command.title() + "'.");
        }
        apply(new TopicChosen(conventionId, command.topicId(), command.assembly(), command.title()));
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
        members.add(event.memberId());
    }

    @EventSourcingHandler
    void on(TopicChosen event) {
        topicTitles.add(event.assembly() + "/" + event.title());
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
