package org.conventionledger.events.votation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A collection desk checked a voter off: this person voted on paper at this desk, so they cannot also
 * vote online (or at another desk that checks voters off). The paper ballot itself is counted in the
 * desk's tally, not here.
 *
 * <p>It is written to the same per-voter stream as {@link OnlineBallotCast} ({@code ballotId}), so of
 * an online ballot and a check-off of the same voter only the first is accepted.
 *
 * @param voterPseudonym keyed pseudonym of the voter for this votation: never the person's identity
 */
@Revision("1")
public record PaperVoterCheckedOff(
        String conventionId, String votationId, String ballotId, String voterPseudonym, String deskId)
        implements ConventionEvent {}
