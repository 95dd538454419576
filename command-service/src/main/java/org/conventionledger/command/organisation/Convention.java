package org.conventionledger.command.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.conventionledger.command.recruitment.AdoptEngagementContract;
import org.conventionledger.command.recruitment.ApplyAbsenceRule;
import org.conventionledger.command.recruitment.CallReplacement;
import org.conventionledger.command.recruitment.CloseInvitations;
import org.conventionledger.command.recruitment.ComputePanelLottery;
import org.conventionledger.command.recruitment.DefinePanelSelection;
import org.conventionledger.command.recruitment.DrawPanel;
import org.conventionledger.command.recruitment.Panel;
import org.conventionledger.command.recruitment.RecruitmentRegister;
import org.conventionledger.command.recruitment.RecordDrawnResidentNotInvited;
import org.conventionledger.command.recruitment.RemindInvitation;
import org.conventionledger.command.recruitment.SetAssemblyCapacities;
import org.conventionledger.command.recruitment.WithdrawMember;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.deliberation.CastJudgment;
import org.conventionledger.command.deliberation.ChooseTopic;
import org.conventionledger.command.deliberation.CloseJudgmentVote;
import org.conventionledger.command.deliberation.DeliberationRegister;
import org.conventionledger.command.deliberation.JudgmentVotes;
import org.conventionledger.command.deliberation.OpenJudgmentVote;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.command.recruitment.RecordInvitationAnswer;
import org.conventionledger.command.recruitment.RecordInvitationAnswers;
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
import org.conventionledger.events.recruitment.DrawnResidentNotInvited;
import org.conventionledger.events.recruitment.InvitationAnswered;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.MemberSeated;
import org.conventionledger.events.recruitment.VolunteerRegistered;
import org.conventionledger.events.recruitment.ReplacementCalled;
import org.conventionledger.events.recruitment.PanelSelectionDefined;
import org.conventionledger.events.recruitment.PanelLotteryComputed;
import org.conventionledger.events.recruitment.PanelDrawn;
import org.conventionledger.events.recruitment.MembershipLost;
import org.conventionledger.events.recruitment.MemberWithdrew;
import org.conventionledger.events.recruitment.InvitationsClosed;
import org.conventionledger.events.recruitment.EngagementContractAdopted;
import org.conventionledger.events.recruitment.AssemblyCapacitiesSet;

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
    private final Panel panel = new Panel();
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
    public void handle(SendInvitations command, RecruitmentRegister register) {
        panel.sendInvitations(conventionId, command, register).forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    public void handle(RecordDrawnResidentNotInvited command, RecruitmentRegister register) {
        apply(panel.notInvited(conventionId, command, register));
    }

    @CommandHandler
    public void handle(RemindInvitation command) {
        apply(panel.remind(conventionId, command));
    }

    @CommandHandler
    public void handle(RecordInvitationAnswer command) {
        panel.answer(conventionId, command).forEach(AggregateLifecycle::apply);
    }

    /** All the answers' rules are checked before the first event is applied: all are recorded or none. */
    @CommandHandler
    public void handle(RecordInvitationAnswers command) {
        if (command.answers() == null || command.answers().isEmpty()) {
            throw RuleViolation.unprocessable("answers-required", "Give at least one answer.");
        }
        Set<String> seen = new HashSet<>();
        List<Object> events = new ArrayList<>();
        for (RecordInvitationAnswer answer : command.answers()) {
            if (!seen.add(answer.invitationId())) {
                throw RuleViolation.unprocessable("answer-twice", "Invitation " + answer.invitationId()
                        + " is answered twice in the batch.");
            }
            events.addAll(panel.answer(conventionId, answer));
        }
        events.forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    public void handle(CloseInvitations command) {
        panel.closeAnswers(conventionId, command).forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    public void handle(DefinePanelSelection command) {
        apply(panel.defineSelection(conventionId, command));
    }

    @CommandHandler
    public void handle(ComputePanelLottery command) {
        apply(panel.computeLottery(conventionId));
    }

    @CommandHandler
    public PanelDrawn handle(DrawPanel command) {
        PanelDrawn drawn = panel.drawPanel(conventionId, command);
        apply(drawn);
        return drawn;
    }

    @CommandHandler
    public ReplacementCalled handle(CallReplacement command) {
        ReplacementCalled called = panel.callReplacement(conventionId, command);
        apply(called);
        return called;
    }

    @CommandHandler
    public void handle(SetAssemblyCapacities command) {
        apply(panel.setCapacities(conventionId, command, transitions));
    }

    @CommandHandler
    public void handle(AdoptEngagementContract command) {
        apply(panel.adoptContract(conventionId, command));
    }

    @CommandHandler
    public void handle(SeatMember command) {
        requireAssembly(command.assembly());
        require(notBlank(command.contractVersion()), "contract-version-required",
                "Record which version of the engagement contract the member signed.");
        apply(panel.seat(conventionId, command));
    }

    @CommandHandler
    public void handle(WithdrawMember command) {
        apply(panel.withdraw(conventionId, command));
    }

    @CommandHandler
    public void handle(ApplyAbsenceRule command, PanelRegister attendance) {
        apply(panel.applyAbsenceRule(conventionId, command,
                attendance.unexcusedAbsences(conventionId, command.memberId())));
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
        apply(votes.cast(conventionId, command, panel.activeAssemblyOf(command.memberId()).orElse(null)));
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
        panel.on(event);
    }

    @EventSourcingHandler
    void on(DrawnResidentNotInvited event) {
        panel.on(event);
    }

    @EventSourcingHandler
    void on(InvitationAnswered event) {
        panel.on(event);
    }

    @EventSourcingHandler
    void on(InvitationsClosed event) {
        panel.on(event);
    }

    @EventSourcingHandler
    void on(VolunteerRegistered event) {
        panel.on(event);
    }

    @EventSourcingHandler
    void on(PanelSelectionDefined event) {
        panel.on(event);
    }

    @EventSourcingHandler
    void on(PanelLotteryComputed event) {
        panel.on(event);
    }

    @EventSourcingHandler
    void on(PanelDrawn event) {
        panel.on(event);
    }

    @EventSourcingHandler
    void on(ReplacementCalled event) {
        panel.on(event);
    }

    @EventSourcingHandler
    void on(AssemblyCapacitiesSet event) {
        panel.on(event);
    }

    @EventSourcingHandler
    void on(EngagementContractAdopted event) {
        panel.on(event);
    }

    @EventSourcingHandler
    void on(MemberSeated event) {
        panel.on(event);
    }

    @EventSourcingHandler
    void on(MemberWithdrew event) {
        panel.on(event);
    }

    @EventSourcingHandler
    void on(MembershipLost event) {
        panel.on(event);
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
