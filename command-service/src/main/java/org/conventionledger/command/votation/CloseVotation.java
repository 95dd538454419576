package org.conventionledger.command.votation;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close the votation: no more ballots or tallies. */
public record CloseVotation(@TargetAggregateIdentifier String votationId, Instant closedAt) {
}
