package org.conventionledger.command.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moderation: hide a proposal from the public, with the reason; it stays in the log. */
public record HideProposal(@TargetAggregateIdentifier String proposalId, String callId, String reason) {}
