package org.conventionledger.command.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moderation: hide an argument from the public, with the reason; it stays in the log. */
public record HideArgument(@TargetAggregateIdentifier String voteId, String argumentId, String reason) {}
