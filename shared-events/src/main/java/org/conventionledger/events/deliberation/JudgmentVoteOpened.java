package org.conventionledger.events.deliberation;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.events.Transition;

/**
 * A majority-judgment vote of the members was opened.
 *
 * @param assembly the assembly whose seated members vote; {@code null} for a plenary vote of all members
 * @param grades   the grade scale, worst first
 * @param seats    how many of the best options the vote chooses (topics), or 0 for a ranking only
 */
@Revision("1")
public record JudgmentVoteOpened(
        String conventionId,
        String voteId,
        VotePurpose purpose,
        Transition assembly,
        List<String> grades,
        List<VoteOption> options,
        int seats)
        implements ConventionEvent {}
