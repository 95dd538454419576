package org.conventionledger.command.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reject a pending expense claim, saying why. */
public record RejectExpense(
        @TargetAggregateIdentifier String sessionId, String conventionId, String claimId, String reason) {}
