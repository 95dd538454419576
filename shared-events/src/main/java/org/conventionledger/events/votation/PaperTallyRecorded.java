package org.conventionledger.events.votation;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * The paper ballots of one collection desk were counted: the desk's count as the results count it,
 * once per desk.
 *
 * <p>Since the double entry, it is written by the desk's own stream right after the
 * {@link PaperTallyConfirmed} that made the figures final, never before; older logs have it in the
 * votation's stream, written at the single entry of the count.
 *
 * @param countedAt business time of the count at the desk, which can differ from recording time
 */
@Revision("1")
public record PaperTallyRecorded(
        String conventionId,
        String votationId,
        String deskId,
        String deskName,
        Instant countedAt,
        List<ActionVotes> votes)
        implements ConventionEvent {}
