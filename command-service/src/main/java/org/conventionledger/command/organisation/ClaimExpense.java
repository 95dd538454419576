package org.conventionledger.command.organisation;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.organisation.ExpenseKind;

/** A member present at a session claims an expense for it, in euros. */
public record ClaimExpense(
        @TargetAggregateIdentifier String sessionId,
        String conventionId,
        String claimId,
        String memberId,
        ExpenseKind kind,
        BigDecimal amount) {}
