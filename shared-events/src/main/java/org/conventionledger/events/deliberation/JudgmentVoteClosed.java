package org.conventionledger.events.deliberation;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A majority-judgment vote closed with its result, computed from the recorded judgments.
 *
 * @param ranking best first, exact ties sharing a rank
 * @param chosen  the options chosen (the first {@code seats} of the ranking), empty for a ranking only
 */
@Revision("1")
public record JudgmentVoteClosed(
        String conventionId, String voteId, int judgments, List<RankedOption> ranking, List<String> chosen)
        implements ConventionEvent {}
