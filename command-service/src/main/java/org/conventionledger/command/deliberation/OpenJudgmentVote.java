package org.conventionledger.command.deliberation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.Transition;
import org.conventionledger.events.deliberation.VoteOption;
import org.conventionledger.events.deliberation.VotePurpose;

/**
 * Open a majority-judgment vote of the members: the choice of an assembly's topics among candidates
 * (options are new topics), or the prioritisation of action sheets (option ids are action ids).
 */
public record OpenJudgmentVote(
        @TargetAggregateIdentifier String conventionId,
        String voteId,
        VotePurpose purpose,
        Transition assembly,
        List<String> grades,
        List<VoteOption> options,
        int seats) {}
