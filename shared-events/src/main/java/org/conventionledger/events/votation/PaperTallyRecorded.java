package org.conventionledger.events.votation;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * The paper ballots of one collection desk were counted.
 *
 * @param countedAt business time of the count at the desk, which can differ from recording time
 */
@Revision("1")
public record PaperTallyRecorded(String conventionId,
                                 String votationId,
                                 String deskId,
                                 String deskName,
                                 Instant countedAt,
                                 List<ActionVotes> votes) implements ConventionEvent {
}
