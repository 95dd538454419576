package org.conventionledger.command.deliberation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a member's grades, one per option in the vote's order (0 = worst grade). */
public record CastJudgment(
        @TargetAggregateIdentifier String conventionId, String voteId, String memberId, List<Integer> grades) {}
