package org.conventionledger.command.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approve a pending expense claim for payment. */
public record ApproveExpense(@TargetAggregateIdentifier String sessionId, String conventionId, String claimId) {}
