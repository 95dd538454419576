package org.conventionledger.events.votation;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * One voter's paper ballot, recorded with its choices (a desk that keys each ballot in, or an import of
 * per-voter paper ballots). Its choices count as paper votes by themselves: a desk that records its
 * ballots this way has no tally, and a desk with a tally records no ballots this way.
 *
 * <p>It is written to the same per-voter stream as {@link OnlineBallotCast} ({@code ballotId}): one
 * ballot per voter across both channels.
 *
 * @param voterPseudonym keyed pseudonym of the voter for this votation: never the person's identity
 * @param choices        the action numbers the voter chose
 */
@Revision("1")
public record PaperBallotRecorded(
        String conventionId,
        String votationId,
        String ballotId,
        String deskId,
        String voterPseudonym,
        List<Integer> choices)
        implements ConventionEvent {}
