package org.conventionledger.command.deliberation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.conventionledger.command.platform.RuleViolation.requireText;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.organisation.MemberRegister;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.deliberation.ActionDrafted;
import org.conventionledger.events.deliberation.ActionFinalised;
import org.conventionledger.events.deliberation.ActionRevised;
import org.conventionledger.events.deliberation.ActionsLinked;
import org.conventionledger.events.deliberation.ClarificationAnswered;
import org.conventionledger.events.deliberation.ClarificationRequested;
import org.conventionledger.events.deliberation.ConsentGiven;
import org.conventionledger.events.deliberation.ConsentReached;
import org.conventionledger.events.deliberation.ConsentRoundOpened;
import org.conventionledger.events.deliberation.ImprovementDecided;
import org.conventionledger.events.deliberation.ImprovementProposed;
import org.conventionledger.events.deliberation.ObjectionLifted;
import org.conventionledger.events.deliberation.ObjectionRaised;
import org.conventionledger.events.deliberation.ObjectionWithdrawn;
import org.conventionledger.events.deliberation.OpinionGiven;
import org.conventionledger.events.deliberation.ReferentAssigned;

/**
 * An action sheet (fiche-action), from draft to final, and the consent rounds (décision au
 * consentement) it goes through.
 *
 * <p>The sheet has numbered versions (the draft is version 1). It becomes final only through a
 * consent round on its current version: participants may ask for clarifications, propose
 * improvements (an accepted one is a new version) and raise objections, each lifted by an amendment
 * (a new version) or withdrawn. Consent is given to a version, so a new version asks for consent
 * again; the decision is taken when no objection is open and every participant has consented. Those
 * rules are {@link ConsentRound}'s, shared with free-standing {@link Question}s; the action adds that a
 * final sheet is closed to revisions, rounds and objections.
 */
@Aggregate
public class Action {

    @AggregateIdentifier
    private String actionId;

    private String conventionId;
    private int number;
    private String title;
    private boolean finalised;
    /** The sheet's versions and its consent rounds: their rules live in {@link ConsentRound}. */
    private ConsentRound round;

    private final Set<String> links = new HashSet<>();
    private final Set<String> opinions = new HashSet<>();

    protected Action() {
        // for Axon
    }

    @CommandHandler
    public Action(DraftAction command, DeliberationRegister register) {
        if (command.number() < 1) {
            throw RuleViolation.unprocessable("invalid-number", "An action's number is a positive integer.");
        }
        requireText(command.title(), "title-required", "An action sheet needs a title.");
        var topic = register.topic(command.conventionId(), command.topicId())
                .orElseThrow(() -> RuleViolation.notFound(
                        "unknown-topic",
                        "Convention " + command.conventionId() + " has no topic " + command.topicId() + "."));
        if (register.actionNumberTaken(command.conventionId(), command.number())) {
            throw RuleViolation.conflict(
                    "action-number-taken",
                    "Action number " + command.number() + " is already used in this convention.");
        }
        apply(new ActionDrafted(
                command.conventionId(),
                command.actionId(),
                command.number(),
                topic.assembly(),
                command.topicId(),
                topic.title(),
                command.title(),
                command.text()));
    }

    @CommandHandler
    public void handle(ReviseAction command) {
        requireNotFinal("revise it");
        if (round.isOpen()) {
            throw RuleViolation.conflict(
                    "round-open",
                    "A consent round is open on action " + number
                            + ": changes go through improvements and amendments.");
        }
        requireText(command.text(), "text-required", "A revision gives the new text of the action sheet.");
        applyNewVersion(command.title(), command.text(), command.reason() == null ? "revision" : command.reason());
    }

    @CommandHandler
    public void handle(AssignReferent command, MemberRegister members) {
        requireNotFinal("change its referent");
        if (members.assemblyOf(conventionId, command.memberId()).isEmpty()) {
            throw RuleViolation.unprocessable(
                    "not-a-member",
                    "The referent must be a seated member of the convention; " + command.memberId() + " is not.");
        }
        apply(new ReferentAssigned(conventionId, actionId, command.memberId()));
    }

    @CommandHandler
    public void handle(LinkAction command, DeliberationRegister register) {
        if (actionId.equals(command.linkedActionId())) {
            throw RuleViolation.unprocessable("self-link", "An action sheet cannot be linked to itself.");
        }
        if (!register.conventionOfAction(command.linkedActionId())
                .map(conventionId::equals)
                .orElse(false)) {
            throw RuleViolation.notFound(
                    "unknown-action",
                    "Convention " + conventionId + " has no action " + command.linkedActionId() + ".");
        }
        String relation = command.relation() == null || command.relation().isBlank() ? "related" : command.relation();
        if (links.contains(command.linkedActionId() + "/" + relation)) {
            throw RuleViolation.conflict(
                    "already-linked",
                    "Action " + number + " is already linked to " + command.linkedActionId() + " as '" + relation
                            + "'.");
        }
        apply(new ActionsLinked(conventionId, actionId, command.linkedActionId(), relation));
    }

    @CommandHandler
    public void handle(GiveActionOpinion command) {
        apply(Opinions.given(
                opinions,
                conventionId,
                command.opinionId(),
                command.body(),
                "ACTION",
                actionId,
                command.text(),
                command.givenOn()));
    }

    // ---- consent round: the rules are ConsentRound's; the action adds "final is final" -----------

    @CommandHandler
    public void handle(OpenConsentRound command) {
        requireNotFinal("open a consent round");
        round.checkOpening(command.roundId(), command.participants());
        apply(new ConsentRoundOpened(
                conventionId, actionId, command.roundId(), round.version(), List.copyOf(command.participants())));
    }

    @CommandHandler
    public void handle(RequestClarification command) {
        round.checkClarificationRequest(command.clarificationId(), command.askedBy(), command.question());
        apply(new ClarificationRequested(
                conventionId,
                actionId,
                round.roundId(),
                command.clarificationId(),
                command.askedBy(),
                command.question()));
    }

    @CommandHandler
    public void handle(AnswerClarification command) {
        round.checkClarificationAnswer(command.clarificationId(), command.answer());
        apply(new ClarificationAnswered(
                conventionId, actionId, round.roundId(), command.clarificationId(), command.answer()));
    }

    @CommandHandler
    public void handle(ProposeImprovement command) {
        round.checkImprovementProposal(command.improvementId(), command.proposedBy(), command.proposal());
        apply(new ImprovementProposed(
                conventionId,
                actionId,
                round.roundId(),
                command.improvementId(),
                command.proposedBy(),
                command.proposal()));
    }

    @CommandHandler
    public void handle(DecideImprovement command) {
        round.checkImprovementDecision(command.improvementId(), command.accepted(), command.text());
        apply(new ImprovementDecided(
                conventionId,
                actionId,
                round.roundId(),
                command.improvementId(),
                command.accepted(),
                command.reason()));
        if (command.accepted()) {
            applyNewVersion(command.title(), command.text(), "improvement " + command.improvementId() + " accepted");
        }
    }

    @CommandHandler
    public void handle(RaiseObjection command) {
        requireNotFinal("raise an objection");
        round.checkObjection(
                command.objectionId(),
                command.category(),
                command.reason(),
                command.raisedBy(),
                command.competentBody());
        apply(new ObjectionRaised(
                conventionId,
                actionId,
                command.objectionId(),
                command.category(),
                command.reason(),
                command.raisedBy(),
                command.competentBody()));
    }

    @CommandHandler
    public void handle(LiftObjection command) {
        round.checkOpenObjection(command.objectionId());
        requireText(
                command.amendment(),
                "amendment-required",
                "An objection is lifted by an amendment: describe what changed in the action.");
        requireText(
                command.text(),
                "amended-text-required",
                "Give the amended text of the action sheet: it becomes a new version.");
        apply(new ObjectionLifted(conventionId, actionId, command.objectionId(), command.amendment()));
        applyNewVersion(
                command.title(),
                command.text(),
                "amendment lifting objection " + command.objectionId() + ": " + command.amendment());
    }

    @CommandHandler
    public void handle(WithdrawObjection command) {
        round.checkOpenObjection(command.objectionId());
        apply(new ObjectionWithdrawn(conventionId, actionId, command.objectionId(), command.reason()));
    }

    @CommandHandler
    public void handle(GiveConsent command) {
        round.checkConsent(command.participants());
        apply(new ConsentGiven(
                conventionId, actionId, round.roundId(), round.version(), List.copyOf(command.participants())));
    }

    @CommandHandler
    public void handle(TakeDecision command) {
        requireNotFinal("take the decision again");
        round.checkDecision();
        apply(new ConsentReached(conventionId, actionId, round.roundId(), round.version()));
        apply(new ActionFinalised(conventionId, actionId, number));
    }

    @EventSourcingHandler
    void on(ActionDrafted event) {
        actionId = event.actionId();
        conventionId = event.conventionId();
        number = event.number();
        title = event.title();
        round = new ConsentRound("action " + number);
    }

    @EventSourcingHandler
    void on(ActionRevised event) {
        title = event.title();
        round.revised(event.version());
    }

    @EventSourcingHandler
    void on(ActionsLinked event) {
        links.add(event.linkedActionId() + "/" + event.relation());
    }

    @EventSourcingHandler
    void on(OpinionGiven event) {
        opinions.add(event.opinionId());
    }

    @EventSourcingHandler
    void on(ConsentRoundOpened event) {
        round.opened(event.roundId(), event.participants());
    }

    @EventSourcingHandler
    void on(ClarificationRequested event) {
        round.clarificationRequested(event.clarificationId());
    }

    @EventSourcingHandler
    void on(ClarificationAnswered event) {
        round.clarificationAnswered(event.clarificationId());
    }

    @EventSourcingHandler
    void on(ImprovementProposed event) {
        round.improvementProposed(event.improvementId());
    }

    @EventSourcingHandler
    void on(ImprovementDecided event) {
        round.improvementDecided(event.improvementId());
    }

    @EventSourcingHandler
    void on(ObjectionRaised event) {
        round.objectionRaised(event.objectionId(), event.raisedBy());
    }

    @EventSourcingHandler
    void on(ObjectionLifted event) {
        round.objectionLifted(event.objectionId());
    }

    @EventSourcingHandler
    void on(ObjectionWithdrawn event) {
        round.objectionWithdrawn(event.objectionId());
    }

    @EventSourcingHandler
    void on(ConsentGiven event) {
        round.consented(event.participants());
    }

    @EventSourcingHandler
    void on(ConsentReached event) {
        round.decided();
    }

    @EventSourcingHandler
    void on(ActionFinalised event) {
        finalised = true;
    }

    private void applyNewVersion(String newTitle, String text, String reason) {
        apply(new ActionRevised(
                conventionId,
                actionId,
                round.version() + 1,
                newTitle == null || newTitle.isBlank() ? title : newTitle,
                text,
                reason));
    }

    private void requireNotFinal(String attempt) {
        if (finalised) {
            throw RuleViolation.conflict("action-final", "Action " + number + " is final: cannot " + attempt + ".");
        }
    }
}
