package org.conventionledger.command.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The city's services plan an answered action: department in charge, budget, optional due date. */
public record PlanImplementation(
        String actionId, String department, BigDecimal budget, LocalDate dueBy, LocalDate plannedOn) {

    @TargetAggregateIdentifier
    public String followUpId() {
        return ActionFollowUp.id(actionId);
    }
}
