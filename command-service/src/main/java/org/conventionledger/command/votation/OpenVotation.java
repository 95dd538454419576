package org.conventionledger.command.votation;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open the votation to ballots. */
public record OpenVotation(@TargetAggregateIdentifier String votationId, Instant openedAt) {
}
