package org.conventionledger.command.votation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.command.platform.SecretVote;

/**
 * Cast a voter's online ballot. The ballot's id derives from the voter's pseudonym, so a second ballot
 * by the same voter (online or on paper) targets the same stream and is refused. Its event names the
 * channel (the platform, or a voter signing in), never the voter.
 *
 * @param facts what is attested about the voter, checked against the votation's eligibility, never logged
 */
public record CastOnlineBallot(
        @TargetAggregateIdentifier String ballotId,
        String votationId,
        String voterPseudonym,
        List<Integer> choices,
        VoterFacts facts)
        implements SecretVote {}
