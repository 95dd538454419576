package org.conventionledger.command.votation;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.votation.ActionVotes;

/**
 * First entry of a collection desk's paper count, by one organiser; it counts once another organiser
 * confirms it ({@link ConfirmPaperTally}).
 *
 * @param deskStreamId the desk's stream ({@link PaperDesk#streamId})
 * @param enteredBy    the organiser entering it (the authenticated caller)
 */
public record EnterPaperTally(
        @TargetAggregateIdentifier String deskStreamId,
        String votationId,
        String deskId,
        String deskName,
        String entryId,
        String enteredBy,
        Instant countedAt,
        List<ActionVotes> votes) {}
