package org.conventionledger.command.recruitment;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.recruitment.ListQuota;

/**
 * Fix a draw's parameters and commit to its seed: how many from each list (or {@code overall} from their
 * union, every list's count then 0) and the SHA-256 of the seed that will be revealed at the draw.
 */
public record PlanDraw(@TargetAggregateIdentifier String drawId, String conventionId, List<ListQuota> lists,
                       int overall, String seedCommitment) {
}
