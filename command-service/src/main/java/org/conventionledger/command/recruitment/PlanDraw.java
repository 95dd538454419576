package org.conventionledger.command.recruitment;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.recruitment.ListQuota;

/**
 * Fix a draw's parameters and commit to its seed: how many from each list (or {@code overall} from their
 * union, every list's count then 0), the SHA-256 of the seed that will be revealed at the draw, and the
 * source of the public entropy: a value nobody can know yet, e.g. "national lottery draw of 2021-09-04".
 */
public record PlanDraw(
        @TargetAggregateIdentifier String drawId,
        String conventionId,
        List<ListQuota> lists,
        int overall,
        String seedCommitment,
        String publicEntropySource) {}
