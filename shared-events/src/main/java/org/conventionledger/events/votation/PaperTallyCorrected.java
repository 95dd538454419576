package org.conventionledger.events.votation;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * An organiser entered corrected figures for a desk whose count was pending or blocked by a mismatch
 * (after a recount, say). Nothing is overwritten: the earlier entries stay in the log, and the
 * corrected figures wait for a confirmation by another organiser than the one who corrected them.
 *
 * @param entryId           the correcting entry
 * @param correctedBy       the organiser who entered it (also the event's {@code actorId})
 * @param supersedesEntryId the pending entry it replaces
 * @param countedAt         business time of the (re)count at the desk
 * @param reason            why the figures were corrected
 */
@Revision("1")
public record PaperTallyCorrected(
        String conventionId,
        String votationId,
        String deskId,
        String entryId,
        String correctedBy,
        String supersedesEntryId,
        Instant countedAt,
        List<ActionVotes> votes,
        String reason)
        implements ConventionEvent {}
