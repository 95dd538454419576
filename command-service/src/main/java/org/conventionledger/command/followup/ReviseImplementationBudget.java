package org.conventionledger.command.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The budget of a planned action changes, for a stated reason. */
public record ReviseImplementationBudget(String actionId, BigDecimal budget, String reason, LocalDate revisedOn) {

    @TargetAggregateIdentifier
    public String followUpId() {
        return ActionFollowUp.id(actionId);
    }
}
