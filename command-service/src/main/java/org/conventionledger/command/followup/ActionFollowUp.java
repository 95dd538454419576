package org.conventionledger.command.followup;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.conventionledger.command.platform.RuleViolation.requireDate;
import static org.conventionledger.command.platform.RuleViolation.requireText;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.deliberation.DeliberationRegister;
import org.conventionledger.command.organisation.ConventionRegister;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.followup.CouncilAnswer;
import org.conventionledger.events.followup.CouncilAnswered;
import org.conventionledger.events.followup.ImplementationBudgetRevised;
import org.conventionledger.events.followup.ImplementationPlanned;
import org.conventionledger.events.followup.ImplementationProgressed;
import org.conventionledger.events.followup.ImplementationStatus;

/**
 * What became of one finalised action after the votation: the council's answer, then the city services'
 * plan, progress and budget. Its own stream ({@link #id}), apart from the action sheet, so that years of
 * follow-up never lock or reload the deliberation's history.
 *
 * <ul>
 *   <li>The council answers a finalised action of a known convention, once. RELAYED names the body it was
 *       relayed to; ADAPTED and REJECTED give a reason.</li>
 *   <li>Only an answered action that was not rejected is planned, once: a department in charge and a
 *       budget. For a relayed action the department is the receiving body's.</li>
 *   <li>Its status moves forward only, PLANNED, IN_PROGRESS, DONE; ABANDONED, with a note saying why, ends
 *       it from PLANNED or IN_PROGRESS.</li>
 *   <li>Budgets are in euros, at least zero, to the cent. No step is dated before the previous one.</li>
 * </ul>
 */
@Aggregate
public class ActionFollowUp {

    @AggregateIdentifier
    private String followUpId;

    private String conventionId;
    private String actionId;
    private CouncilAnswer answer;
    private ImplementationStatus status;
    private BigDecimal budget;
    private LocalDate lastStepOn;

    protected ActionFollowUp() {
        // for Axon; also the blank stream CREATE_IF_MISSING hands to a command before the answer
    }

    /** The stream of an action's follow-up: {@code followup:actionId}. */
    public static String id(String actionId) {
        return "followup:" + actionId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordCouncilAnswer command, DeliberationRegister register, ConventionRegister conventions) {
        if (answer != null) {
            throw RuleViolation.conflict(
                    "already-answered", "The council already answered action " + actionId + ": " + answer + ".");
        }
        if (command.answer() == null) {
            throw RuleViolation.unprocessable(
                    "answer-required", "Say what the council answered: ADOPTED, ADAPTED, RELAYED or REJECTED.");
        }
        requireText(
                command.deliberationReference(),
                "deliberation-reference-required",
                "Name the council's deliberation that carries the answer.");
        requireDate(command.answeredOn(), "answeredOn");
        if (command.answer() == CouncilAnswer.RELAYED) {
            requireText(
                    command.relayedTo(), "relayed-to-required", "A relayed action names the body it was relayed to.");
        } else if (command.relayedTo() != null) {
            throw RuleViolation.unprocessable(
                    "relayed-to-not-allowed", "Only a RELAYED answer names a body the action was relayed to.");
        }
        if (command.answer() == CouncilAnswer.ADAPTED || command.answer() == CouncilAnswer.REJECTED) {
            requireText(
                    command.reason(),
                    "reason-required",
                    "The council owes the convention its reason when the answer is " + command.answer() + ".");
        }
        var action = register.finalAction(command.actionId())
                .orElseThrow(() -> register.conventionOfAction(command.actionId())
                                .isPresent()
                        ? RuleViolation.conflict(
                                "action-not-final",
                                "Action " + command.actionId()
                                        + " was not finalised: only finalised actions are followed up.")
                        : RuleViolation.notFound("unknown-action", "No action " + command.actionId() + " exists."));
        if (!conventions.conventionExists(action.conventionId())) {
            throw RuleViolation.notFound("unknown-convention", "No convention " + action.conventionId() + " exists.");
        }
        apply(new CouncilAnswered(
                action.conventionId(),
                command.actionId(),
                command.answer(),
                command.relayedTo(),
                command.reason(),
                command.deliberationReference(),
                command.answeredOn()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PlanImplementation command) {
        requireAnswered(command.actionId());
        if (answer == CouncilAnswer.REJECTED) {
            throw RuleViolation.conflict(
                    "answer-rejected", "The council rejected action " + actionId + ": nothing is planned for it.");
        }
        if (status != null) {
            throw RuleViolation.conflict(
                    "already-planned",
                    "Action " + actionId + " was already planned: " + "revise its budget or record its progress.");
        }
        requireText(command.department(), "department-required", "Name the department in charge.");
        BigDecimal planned = checkedBudget(command.budget());
        checkStepDate(command.plannedOn(), "plannedOn");
        if (command.dueBy() != null && command.dueBy().isBefore(command.plannedOn())) {
            throw RuleViolation.unprocessable(
                    "due-before-plan",
                    "dueBy (" + command.dueBy() + ") precedes the plan (" + command.plannedOn() + ").");
        }
        apply(new ImplementationPlanned(
                conventionId, actionId, command.department(), planned, command.dueBy(), command.plannedOn()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordImplementationProgress command) {
        requirePlanned(command.actionId());
        ImplementationStatus next = command.status();
        if (next == null) {
            throw RuleViolation.unprocessable(
                    "status-required", "Say which status was reached: IN_PROGRESS, DONE " + "or ABANDONED.");
        }
        if (!follows(status, next)) {
            throw RuleViolation.conflict(
                    "invalid-transition",
                    "Action " + actionId + " is " + status + ": it cannot move to " + next
                            + " (PLANNED, IN_PROGRESS, DONE; ABANDONED before DONE).");
        }
        if (next == ImplementationStatus.ABANDONED) {
            requireText(command.note(), "note-required", "An abandoned action says why in a note.");
        }
        checkStepDate(command.progressedOn(), "on");
        apply(new ImplementationProgressed(conventionId, actionId, next, command.note(), command.progressedOn()));
    }

    /** Allowed once DONE too: the final cost is often known only after the work is finished. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReviseImplementationBudget command) {
        requirePlanned(command.actionId());
        if (status == ImplementationStatus.ABANDONED) {
            throw RuleViolation.conflict(
                    "implementation-abandoned",
                    "Action " + actionId + " was abandoned: its budget is no longer revised.");
        }
        BigDecimal revised = checkedBudget(command.budget());
        if (revised.compareTo(budget) == 0) {
            throw RuleViolation.unprocessable("budget-unchanged", "The budget is already " + budget + ".");
        }
        requireText(command.reason(), "reason-required", "A budget revision gives its reason.");
        checkStepDate(command.revisedOn(), "on");
        apply(new ImplementationBudgetRevised(conventionId, actionId, revised, command.reason(), command.revisedOn()));
    }

    @EventSourcingHandler
    void on(CouncilAnswered event) {
        followUpId = id(event.actionId());
        conventionId = event.conventionId();
        actionId = event.actionId();
        answer = event.answer();
        lastStepOn = event.answeredOn();
    }

    @EventSourcingHandler
    void on(ImplementationPlanned event) {
        status = ImplementationStatus.PLANNED;
        budget = event.budget();
        lastStepOn = event.plannedOn();
    }

    @EventSourcingHandler
    void on(ImplementationProgressed event) {
        status = event.status();
        lastStepOn = event.progressedOn();
    }

    @EventSourcingHandler
    void on(ImplementationBudgetRevised event) {
        budget = event.budget();
        lastStepOn = event.revisedOn();
    }

    private static boolean follows(ImplementationStatus from, ImplementationStatus to) {
        return switch (to) {
            case IN_PROGRESS -> from == ImplementationStatus.PLANNED;
            case DONE -> from == ImplementationStatus.IN_PROGRESS;
            case ABANDONED -> from == ImplementationStatus.PLANNED || from == ImplementationStatus.IN_PROGRESS;
            // only the plan sets PLANNED
            case PLANNED -> false;
        };
    }

    private void requireAnswered(String commandActionId) {
        if (answer == null) {
            throw RuleViolation.conflict(
                    "not-answered",
                    "No council answer is recorded for action " + commandActionId + ": record it first.");
        }
    }

    private void requirePlanned(String commandActionId) {
        requireAnswered(commandActionId);
        if (status == null) {
            throw RuleViolation.conflict(
                    "not-planned",
                    "Action " + actionId + " has no implementation plan"
                            + (answer == CouncilAnswer.REJECTED ? " (the council rejected it)." : ": plan it first."));
        }
    }

    /** The amount to the cent: 1200.5 and 1200.50 are the same budget, 1200.505 is not a budget. */
    private static BigDecimal checkedBudget(BigDecimal amount) {
        if (amount == null) {
            throw RuleViolation.unprocessable("budget-required", "Give the budget in euros (0 if none).");
        }
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
            throw RuleViolation.unprocessable(
                    "invalid-budget",
                    "A budget is at least zero, in euros to the cent: " + amount.toPlainString() + " is not.");
        }
        return amount.setScale(2);
    }

    private void checkStepDate(LocalDate date, String field) {
        requireDate(date, field);
        if (date.isBefore(lastStepOn)) {
            throw RuleViolation.unprocessable(
                    "date-before-previous-step",
                    field + " (" + date + ") precedes the previous step of action " + actionId + " (" + lastStepOn
                            + ").");
        }
    }
}
