package org.conventionledger.events.votation;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A second organiser entered the desk's count and found other figures than the pending entry's. Both
 * entries stay in the log; the desk's tally is blocked (no confirmation is accepted) until an organiser
 * enters corrected figures ({@link PaperTallyCorrected}), which then need their own confirmation.
 *
 * @param entryId          the second entry, as entered
 * @param enteredBy        the organiser who entered it (also the event's {@code actorId})
 * @param againstEntryId   the pending entry it disagrees with
 * @param votes            the figures of the second entry
 * @param differingActions the action numbers whose figures differ (an action missing from one entry
 *                         counts 0 there)
 */
@Revision("1")
public record PaperTallyMismatched(
        String conventionId,
        String votationId,
        String deskId,
        String entryId,
        String enteredBy,
        String againstEntryId,
        List<ActionVotes> votes,
        List<Integer> differingActions)
        implements ConventionEvent {}
