package org.conventionledger.events.votation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A second organiser, other than the one who entered the pending figures, entered the desk's count
 * again and found the same figures. The desk's count is final: a {@link PaperTallyRecorded} with these
 * figures follows in the same stream, and that is the event the results count. This one carries no
 * figures, so that nothing counts a desk twice.
 *
 * @param entryId         the confirming entry
 * @param confirmedBy     the confirming organiser (also the event's {@code actorId})
 * @param confirmsEntryId the entry (first entry or correction) whose figures it confirms
 */
@Revision("1")
public record PaperTallyConfirmed(
        String conventionId,
        String votationId,
        String deskId,
        String entryId,
        String confirmedBy,
        String confirmsEntryId)
        implements ConventionEvent {}
