package org.conventionledger.command.votation;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.votation.ActionVotes;

/**
 * Corrected figures for a desk whose count is pending or blocked by a mismatch, e.g. after a recount.
 * They replace the pending figures (which stay in the log) and need a confirmation by someone else.
 *
 * @param correctedBy the organiser correcting (the authenticated caller)
 */
public record CorrectPaperTally(
        @TargetAggregateIdentifier String deskStreamId,
        String votationId,
        String deskId,
        String entryId,
        String correctedBy,
        Instant countedAt,
        List<ActionVotes> votes,
        String reason) {}
