package org.conventionledger.command.votation;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.votation.ActionVotes;

/** Record the count of one collection desk's paper ballots. */
public record RecordPaperTally(@TargetAggregateIdentifier String votationId,
                               String deskId,
                               String deskName,
                               Instant countedAt,
                               List<ActionVotes> votes) {
}
