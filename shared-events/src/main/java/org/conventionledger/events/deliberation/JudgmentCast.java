package org.conventionledger.events.deliberation;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A member graded every option of a majority-judgment vote.
 *
 * @param grades one grade index per option, in the order of the vote's options (0 = worst grade)
 */
@Revision("1")
public record JudgmentCast(String conventionId, String voteId, String memberId, List<Integer> grades)
        implements ConventionEvent {}
