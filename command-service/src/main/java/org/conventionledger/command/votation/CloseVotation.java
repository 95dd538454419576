package org.conventionledger.command.votation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close the votation: no more ballots or tallies; refused while a desk's paper tally awaits confirmation. */
public record CloseVotation(@TargetAggregateIdentifier String votationId, Instant closedAt) {}
