package org.conventionledger.command.followup;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.events.followup.CouncilAnswer;
import org.conventionledger.events.followup.ImplementationStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The follow-up of a finalised action after the votation, recorded by the city's services (organisers):
 * the council's answer, the implementation plan, its progress and budget revisions. The rules that
 * depend on the answer or on the history (RELAYED names a body, nothing is planned for a rejected
 * action, statuses move forward) are the aggregate's; the fields below only have to be well formed.
 */
@RestController
public class FollowUpController {

    private final Commands commands;

    public FollowUpController(Commands commands) {
        this.commands = commands;
    }

    public record CouncilAnswerRequest(
            @NotNull CouncilAnswer answer,
            String relayedTo,
            String reason,
            @NotBlank String deliberationReference,
            @NotNull LocalDate answeredOn) {}

    public record PlanRequest(
            @NotBlank String department,

            @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2)
            BigDecimal budget,

            LocalDate dueBy,
            @NotNull LocalDate plannedOn) {}

    public record ProgressRequest(
            @NotNull ImplementationStatus status,
            String note,
            @NotNull LocalDate on) {}

    public record BudgetRevisionRequest(
            @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2)
            BigDecimal budget,

            @NotBlank String reason,
            @NotNull LocalDate on) {}

    @PostMapping("/api/actions/{actionId}/council-answer")
    public Map<String, String> answer(@PathVariable String actionId, @Valid @RequestBody CouncilAnswerRequest request) {
        commands.send(new RecordCouncilAnswer(
                actionId,
                request.answer(),
                request.relayedTo(),
                request.reason(),
                request.deliberationReference(),
                request.answeredOn()));
        return Map.of("actionId", actionId, "answer", request.answer().name());
    }

    @PostMapping("/api/actions/{actionId}/implementation-plan")
    public Map<String, String> plan(@PathVariable String actionId, @Valid @RequestBody PlanRequest request) {
        commands.send(new PlanImplementation(
                actionId, request.department(), request.budget(), request.dueBy(), request.plannedOn()));
        return Map.of("actionId", actionId, "status", ImplementationStatus.PLANNED.name());
    }

    @PostMapping("/api/actions/{actionId}/implementation-progress")
    public Map<String, String> progress(@PathVariable String actionId, @Valid @RequestBody ProgressRequest request) {
        commands.send(new RecordImplementationProgress(actionId, request.status(), request.note(), request.on()));
        return Map.of("actionId", actionId, "status", request.status().name());
    }

    @PostMapping("/api/actions/{actionId}/budget-revision")
    public Map<String, String> reviseBudget(
            @PathVariable String actionId, @Valid @RequestBody BudgetRevisionRequest request) {
        commands.send(new ReviseImplementationBudget(actionId, request.budget(), request.reason(), request.on()));
        return Map.of(
                "actionId", actionId, "budget", request.budget().setScale(2).toPlainString());
    }
}
