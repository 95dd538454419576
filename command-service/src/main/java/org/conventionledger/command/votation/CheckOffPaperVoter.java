package org.conventionledger.command.votation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.command.platform.Actor;
import org.conventionledger.command.platform.SecretVote;

/**
 * A collection desk records that a voter voted on paper there: a check-off ({@code choices} null, the
 * ballot itself goes into the desk's tally) or the paper ballot with its choices. It claims the voter's
 * ballot stream, the same as {@link CastOnlineBallot}, so the voter cannot also vote online.
 *
 * @param facts what the desk attests about the voter (from their papers), checked against the
 *              votation's eligibility, never logged
 */
public record CheckOffPaperVoter(
        @TargetAggregateIdentifier String ballotId,
        String votationId,
        String deskId,
        String voterPseudonym,
        List<Integer> choices,
        VoterFacts facts)
        implements SecretVote {

    /** The desk is the channel (the organisers who key a desk's counts in are named on its tally events). */
    @Override
    public Actor channel(Actor caller) {
        return Actor.desk(deskId);
    }
}
