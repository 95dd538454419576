package org.conventionledger.command.deliberation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.command.recruitment.MemberRegister;
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
import org.conventionledger.events.deliberation.ObjectionCategory;
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
 * again; the decision is taken when no objection is open and every participant has consented.
 */
@Aggregate
public class Action {

    private enum ObjectionStatus { OPEN, LIFTED, WITHDRAWN }

    @AggregateIdentifier
    private String actionId;
    private String conventionId;
    private int number;
    private int version;
    private String title;
    private boolean finalised;
    private String roundId;
    private final Set<String> roundsHeld = new HashSet<>();
    private final Set<String> participants = new LinkedHashSet<>();
    private final Set<String> consents = new HashSet<>();
    private final Map<String, ObjectionStatus> objections = new HashMap<>();
    private final Map<String, String> objectors = new HashMap<>();
    private final Map<String, Boolean> clarificationAnswered = new HashMap<>();
    private final Map<String, Boolean> improvementDecided = new HashMap<>();
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
                .orElseThrow(() -> RuleViolation.notFound("unknown-topic", "Convention " + command.conventionId()
                        + " has no topic " + command.topicId() + "."));
        if (register.actionNumberTaken(command.conventionId(), command.number())) {
            throw RuleViolation.conflict("action-number-taken",
                    "Action number " + command.number() + " is already used in this convention.");
        }
        apply(new ActionDrafted(command.conventionId(), command.actionId(), command.number(), topic.assembly(),
                command.topicId(), topic.title(), command.title(), command.text()));
    }

    @CommandHandler
    public void handle(ReviseAction command) {
        requireNotFinal("revise it");
        if (roundId != null) {
            throw RuleViolation.conflict("round-open", "A consent round is open on action " + number
                    + ": changes go through improvements and amendments.");
        }
        requireText(command.text(), "text-required", "A revision gives the new text of the action sheet.");
        applyNewVersion(command.title(), command.text(), command.reason() == null ? "revision" : command.reason());
    }

    @CommandHandler
    public void handle(AssignReferent command, MemberRegister members) {
        requireNotFinal("change its referent");
        if (members.assemblyOf(conventionId, command.memberId()).isEmpty()) {
            throw RuleViolation.unprocessable("not-a-member",
                    "The referent must be a seated member of the convention; " + command.memberId() + " is not.");
        }
        apply(new ReferentAssigned(conventionId, actionId, command.memberId()));
    }

    @CommandHandler
    public void handle(LinkAction command, DeliberationRegister register) {
        if (actionId.equals(command.linkedActionId())) {
            throw RuleViolation.unprocessable("self-link", "An action sheet cannot be linked to itself.");
        }
        if (!register.conventionOfAction(command.linkedActionId()).map(conventionId::equals).orElse(false)) {
            throw RuleViolation.notFound("unknown-action",
                    "Convention " + conventionId + " has no action " + command.linkedActionId() + ".");
        }
        String relation = command.relation() == null || command.relation().isBlank() ? "related" : command.relation();
        if (links.contains(command.linkedActionId() + "/" + relation)) {
            throw RuleViolation.conflict("already-linked", "Action " + number + " is already linked to "
                    + command.linkedActionId() + " as '" + relation + "'.");
        }
        apply(new ActionsLinked(conventionId, actionId, command.linkedActionId(), relation));
    }

    @CommandHandler
    public void handle(GiveActionOpinion command) {
        if (command.body() == null) {
            throw RuleViolation.unprocessable("body-required", "Say which body gives the opinion.");
        }
        requireText(command.text(), "text-required", "An opinion has a text.");
        if (opinions.contains(command.opinionId())) {
            throw RuleViolation.conflict("opinion-exists", "Opinion " + command.opinionId() + " exists.");
        }
        apply(new OpinionGiven(conventionId, command.opinionId(), command.body(), "ACTION", actionId, command.text(),
                command.givenOn()));
    }

    @CommandHandler
    public void handle(OpenConsentRound command) {
        requireNotFinal("open a consent round");
        if (roundId != null) {
            throw RuleViolation.conflict("round-open", "Consent round " + roundId + " is already open on action "
                    + number + ".");
        }
        if (roundsHeld.contains(command.roundId())) {
            throw RuleViolation.conflict("round-exists", "Round " + command.roundId() + " was already held.");
        }
        List<String> invited = command.participants();
        if (invited == null || invited.isEmpty() || invited.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw RuleViolation.unprocessable("participants-required", "A consent round names its participants.");
        }
        if (Set.copyOf(invited).size() != invited.size()) {
            throw RuleViolation.unprocessable("duplicate-participant", "Each participant is listed once.");
        }
        apply(new ConsentRoundOpened(conventionId, actionId, command.roundId(), version, List.copyOf(invited)));
    }

    @CommandHandler
    public void handle(RequestClarification command) {
        requireOpenRound();
        requireParticipant(command.askedBy());
        requireText(command.question(), "question-required", "A clarification request states its question.");
        if (clarificationAnswered.containsKey(command.clarificationId())) {
            throw RuleViolation.conflict("clarification-exists", "Clarification " + command.clarificationId() + " exists.");
        }
        apply(new ClarificationRequested(conventionId, actionId, roundId, command.clarificationId(), command.askedBy(),
                command.question()));
    }

    @CommandHandler
    public void handle(AnswerClarification command) {
        requireOpenRound();
        Boolean answered = clarificationAnswered.get(command.clarificationId());
        if (answered == null) {
            throw RuleViolation.notFound("unknown-clarification",
                    "No clarification " + command.clarificationId() + " was asked in this round.");
        }
        if (answered) {
            throw RuleViolation.conflict("clarification-answered", "Clarification " + command.clarificationId()
                    + " was already answered.");
        }
        requireText(command.answer(), "answer-required", "Give the answer.");
        apply(new ClarificationAnswered(conventionId, actionId, roundId, command.clarificationId(), command.answer()));
    }

    @CommandHandler
    public void handle(ProposeImprovement command) {
        requireOpenRound();
        requireParticipant(command.proposedBy());
        requireText(command.proposal(), "proposal-required", "Describe the proposed improvement.");
        if (improvementDecided.containsKey(command.improvementId())) {
            throw RuleViolation.conflict("improvement-exists", "Improvement " + command.improvementId() + " exists.");
        }
        apply(new ImprovementProposed(conventionId, actionId, roundId, command.improvementId(), command.proposedBy(),
                command.proposal()));
    }

    @CommandHandler
    public void handle(DecideImprovement command) {
        requireOpenRound();
        Boolean decided = improvementDecided.get(command.improvementId());
        if (decided == null) {
            throw RuleViolation.notFound("unknown-improvement",
                    "No improvement " + command.improvementId() + " was proposed in this round.");
        }
        if (decided) {
            throw RuleViolation.conflict("improvement-decided", "Improvement " + command.improvementId()
                    + " was already decided.");
        }
        if (command.accepted()) {
            requireText(command.text(), "improved-text-required",
                    "An accepted improvement gives the improved text, which becomes a new version.");
        }
        apply(new ImprovementDecided(conventionId, actionId, roundId, command.improvementId(), command.accepted(),
                command.reason()));
        if (command.accepted()) {
            applyNewVersion(command.title(), command.text(), "improvement " + command.improvementId() + " accepted");
        }
    }

    @CommandHandler
    public void handle(RaiseObjection command) {
        requireNotFinal("raise an objection");
        requireOpenRound();
        requireParticipant(command.raisedBy());
        if (command.category() == null) {
            throw RuleViolation.unprocessable("category-required", "Give the objection's category.");
        }
        requireText(command.reason(), "reason-required", "An objection states its reason.");
        if (command.category() == ObjectionCategory.NOT_CITY_COMPETENCE
                && (command.competentBody() == null || command.competentBody().isBlank())) {
            throw RuleViolation.unprocessable("competent-body-required",
                    "An objection of category NOT_CITY_COMPETENCE names the competent body the city will relay to.");
        }
        if (objections.containsKey(command.objectionId())) {
            throw RuleViolation.conflict("objection-exists", "Objection " + command.objectionId() + " exists.");
        }
        apply(new ObjectionRaised(conventionId, actionId, command.objectionId(), command.category(),
                command.reason(), command.raisedBy(), command.competentBody()));
    }

    @CommandHandler
    public void handle(LiftObjection command) {
        requireOpenObjection(command.objectionId());
        requireText(command.amendment(), "amendment-required",
                "An objection is lifted by an amendment: describe what changed in the action.");
        requireText(command.text(), "amended-text-required",
                "Give the amended text of the action sheet: it becomes a new version.");
        apply(new ObjectionLifted(conventionId, actionId, command.objectionId(), command.amendment()));
        applyNewVersion(command.title(), command.text(), "amendment lifting objection " + command.objectionId()
                + ": " + command.amendment());
    }

    @CommandHandler
    public void handle(WithdrawObjection command) {
        requireOpenObjection(command.objectionId());
        apply(new ObjectionWithdrawn(conventionId, actionId, command.objectionId(), command.reason()));
    }

    @CommandHandler
    public void handle(GiveConsent command) {
        requireOpenRound();
        if (command.participants() == null || command.participants().isEmpty()) {
            throw RuleViolation.unprocessable("participants-required", "Name who consents.");
        }
        for (String participant : command.participants()) {
            requireParticipant(participant);
            objections.forEach((id, status) -> {
                if (status == ObjectionStatus.OPEN && participant.equals(objectors.get(id))) {
                    throw RuleViolation.conflict("objection-open", participant
                            + " still objects (objection " + id + "): lift or withdraw it first.");
                }
            });
        }
        apply(new ConsentGiven(conventionId, actionId, roundId, version, List.copyOf(command.participants())));
    }

    @CommandHandler
    public void handle(TakeDecision command) {
        requireNotFinal("take the decision again");
        requireOpenRound();
        long open = objections.values().stream().filter(s -> s == ObjectionStatus.OPEN).count();
        if (open > 0) {
            throw RuleViolation.conflict("open-objections", "Action " + number + " still has " + open
                    + " open objection(s); consent needs every objection lifted or withdrawn.");
        }
        List<String> missing = participants.stream().filter(p -> !consents.contains(p)).toList();
        if (!missing.isEmpty()) {
            throw RuleViolation.conflict("consent-missing", "Not every participant consented to version " + version
                    + " yet: " + String.join(", ", missing) + ".");
        }
        apply(new ConsentReached(conventionId, actionId, roundId, version));
        apply(new ActionFinalised(conventionId, actionId, number));
    }

    @EventSourcingHandler
    void on(ActionDrafted event) {
        actionId = event.actionId();
        conventionId = event.conventionId();
        number = event.number();
        title = event.title();
        version = 1;
    }

    @EventSourcingHandler
    void on(ActionRevised event) {
        version = event.version();
        title = event.title();
        consents.clear();
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
        roundId = event.roundId();
        roundsHeld.add(event.roundId());
        participants.clear();
        participants.addAll(event.participants());
        consents.clear();
    }

    @EventSourcingHandler
    void on(ClarificationRequested event) {
        clarificationAnswered.put(event.clarificationId(), false);
    }

    @EventSourcingHandler
    void on(ClarificationAnswered event) {
        clarificationAnswered.put(event.clarificationId(), true);
    }

    @EventSourcingHandler
    void on(ImprovementProposed event) {
        improvementDecided.put(event.improvementId(), false);
    }

    @EventSourcingHandler
    void on(ImprovementDecided event) {
        improvementDecided.put(event.improvementId(), true);
    }

    @EventSourcingHandler
    void on(ObjectionRaised event) {
        objections.put(event.objectionId(), ObjectionStatus.OPEN);
        objectors.put(event.objectionId(), event.raisedBy());
    }

    @EventSourcingHandler
    void on(ObjectionLifted event) {
        objections.put(event.objectionId(), ObjectionStatus.LIFTED);
    }

    @EventSourcingHandler
    void on(ObjectionWithdrawn event) {
        objections.put(event.objectionId(), ObjectionStatus.WITHDRAWN);
    }

    @EventSourcingHandler
    void on(ConsentGiven event) {
        consents.addAll(event.participants());
    }

    @EventSourcingHandler
    void on(ConsentReached event) {
        roundId = null;
    }

    @EventSourcingHandler
    void on(ActionFinalised event) {
        finalised = true;
    }

    private void applyNewVersion(String newTitle, String text, String reason) {
        apply(new ActionRevised(conventionId, actionId, version + 1,
                newTitle == null || newTitle.isBlank() ? title : newTitle, text, reason));
    }

    private void requireOpenObjection(String objectionId) {
        ObjectionStatus status = objections.get(objectionId);
        if (status == null) {
            throw RuleViolation.notFound("unknown-objection", "Action " + number + " has no objection " + objectionId + ".");
        }
        if (status != ObjectionStatus.OPEN) {
            throw RuleViolation.conflict("objection-already-" + status.name().toLowerCase(java.util.Locale.ROOT),
                    "Objection " + objectionId + " was already " + status.name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
    }

    private void requireOpenRound() {
        if (roundId == null) {
            throw RuleViolation.conflict("no-open-round", "No consent round is open on action " + number + ".");
        }
    }

    private void requireParticipant(String who) {
        if (who == null || !participants.contains(who)) {
            throw RuleViolation.unprocessable("not-a-participant", who + " is not a participant of consent round "
                    + roundId + ".");
        }
    }

    private void requireNotFinal(String attempt) {
        if (finalised) {
            throw RuleViolation.conflict("action-final", "Action " + number + " is final: cannot " + attempt + ".");
        }
    }

    private static void requireText(String value, String code, String message) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.unprocessable(code, message);
        }
    }
}
