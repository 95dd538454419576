package org.conventionledger.command.deliberation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.deliberation.ActionDrafted;
import org.conventionledger.events.deliberation.ActionFinalised;
import org.conventionledger.events.deliberation.ObjectionCategory;
import org.conventionledger.events.deliberation.ObjectionLifted;
import org.conventionledger.events.deliberation.ObjectionRaised;

/**
 * An action sheet (fiche-action), from draft to final. Objections raised in consent rounds must all be
 * lifted, each by an amendment, before the action can be finalised; a final action is closed to
 * further objections.
 */
@Aggregate
public class Action {

    @AggregateIdentifier
    private String actionId;
    private String conventionId;
    private int number;
    private boolean finalised;
    /** objection id → still open? */
    private final Map<String, Boolean> objections = new HashMap<>();

    protected Action() {
        // for Axon
    }

    @CommandHandler
    public Action(DraftAction command, DeliberationRegister register) {
        if (command.number() < 1) {
            throw RuleViolation.unprocessable("invalid-number", "An action's number is a positive integer.");
        }
        if (command.title() == null || command.title().isBlank()) {
            throw RuleViolation.unprocessable("title-required", "An action sheet needs a title.");
        }
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
    public void handle(RaiseObjection command) {
        requireNotFinal("raise an objection");
        if (command.category() == null) {
            throw RuleViolation.unprocessable("category-required", "Give the objection's category.");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw RuleViolation.unprocessable("reason-required", "An objection states its reason.");
        }
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
        Boolean open = objections.get(command.objectionId());
        if (open == null) {
            throw RuleViolation.notFound("unknown-objection",
                    "Action " + number + " has no objection " + command.objectionId() + ".");
        }
        if (!open) {
            throw RuleViolation.conflict("objection-already-lifted",
                    "Objection " + command.objectionId() + " was already lifted.");
        }
        if (command.amendment() == null || command.amendment().isBlank()) {
            throw RuleViolation.unprocessable("amendment-required",
                    "An objection is lifted by an amendment: describe what changed in the action.");
        }
        apply(new ObjectionLifted(conventionId, actionId, command.objectionId(), command.amendment()));
    }

    @CommandHandler
    public void handle(FinaliseAction command) {
        requireNotFinal("finalise it");
        long open = objections.values().stream().filter(Boolean::booleanValue).count();
        if (open > 0) {
            throw RuleViolation.conflict("open-objections", "Action " + number + " still has " + open
                    + " open objection(s); consent needs every objection lifted.");
        }
        apply(new ActionFinalised(conventionId, actionId, number));
    }

    @EventSourcingHandler
    void on(ActionDrafted event) {
        actionId = event.actionId();
        conventionId = event.conventionId();
        number = event.number();
    }

    @EventSourcingHandler
    void on(ObjectionRaised event) {
        objections.put(event.objectionId(), true);
    }

    @EventSourcingHandler
    void on(ObjectionLifted event) {
        objections.put(event.objectionId(), false);
    }

    @EventSourcingHandler
    void on(ActionFinalised event) {
        finalised = true;
    }

    private void requireNotFinal(String attempt) {
        if (finalised) {
            throw RuleViolation.conflict("action-final", "Action " + number + " is final: cannot " + attempt + ".");
        }
    }
}
