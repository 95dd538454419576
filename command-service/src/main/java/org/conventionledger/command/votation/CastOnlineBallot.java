package org.conventionledger.command.votation;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cast a voter's online ballot. The ballot's id derives from the voter's pseudonym, so a second ballot
 * by the same voter targets the same stream and is refused.
 */
public record CastOnlineBallot(@TargetAggregateIdentifier String ballotId,
                               String votationId,
                               String voterPseudonym,
                               List<Integer> choices) {
}
