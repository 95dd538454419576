package org.conventionledger.events.votation;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A voter cast their online ballot. The facts that made the voter eligible (age, residence, nationality)
 * were checked against the votation's {@link Eligibility} when the ballot was recorded and are not
 * logged.
 *
 * @param voterPseudonym keyed pseudonym of the voter for this votation: never the person's identity
 * @param choices        the action numbers the voter chose
 */
@Revision("1")
public record OnlineBallotCast(
        String conventionId, String votationId, String ballotId, String voterPseudonym, List<Integer> choices)
        implements ConventionEvent {}
