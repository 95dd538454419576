package org.conventionledger.command.votation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.votation.ActionVotes;

/**
 * Second entry of a desk's paper count, by another organiser than the one whose figures are pending:
 * the same figures confirm them, other figures record a mismatch that blocks the desk until corrected.
 *
 * @param confirmedBy the organiser confirming (the authenticated caller)
 * @param votes       the figures as this organiser reads them from the desk's record, entered again
 */
public record ConfirmPaperTally(
        @TargetAggregateIdentifier String deskStreamId,
        String votationId,
        String deskId,
        String entryId,
        String confirmedBy,
        List<ActionVotes> votes) {}
