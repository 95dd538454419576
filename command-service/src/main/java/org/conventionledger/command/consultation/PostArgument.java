package org.conventionledger.command.consultation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.command.platform.SecretVote;

/**
 * A resident posts an argument on a proposal they voted on; it is attached to their vote's stream, so it
 * reveals their vote: its events name the channel, not the resident.
 */
public record PostArgument(
        @TargetAggregateIdentifier String voteId,
        String callId,
        String proposalId,
        String voterPseudonym,
        String argumentId,
        String text,
        Instant at)
        implements SecretVote {}
