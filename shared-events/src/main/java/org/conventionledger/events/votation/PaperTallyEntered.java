package org.conventionledger.events.votation;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * An organiser entered a collection desk's paper count, the first of the two entries of the double
 * entry. It does not count yet: a second organiser must enter the same figures
 * ({@link PaperTallyConfirmed}, followed by {@link PaperTallyRecorded}, the count that counts).
 *
 * @param entryId   this entry, named by the confirmation or correction that follows it
 * @param enteredBy the organiser who entered it (also the event's {@code actorId})
 * @param countedAt business time of the count at the desk, which can differ from recording time
 */
@Revision("1")
public record PaperTallyEntered(
        String conventionId,
        String votationId,
        String deskId,
        String deskName,
        String entryId,
        String enteredBy,
        Instant countedAt,
        List<ActionVotes> votes)
        implements ConventionEvent {}
