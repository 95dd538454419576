package org.conventionledger.command.consultation;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A resident posts an argument on a proposal they voted on; it is attached to their vote's stream. */
public record PostArgument(@TargetAggregateIdentifier String voteId,
                           String callId,
                           String proposalId,
                           String voterPseudonym,
                           String argumentId,
                           String text,
                           Instant at) {
}
