package org.conventionledger.command.deliberation;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.conventionledger.events.Transition;
import org.conventionledger.events.deliberation.JudgmentVoteOpened;
import org.conventionledger.events.deliberation.VoteOption;
import org.conventionledger.events.deliberation.VotePurpose;
import org.conventionledger.rules.judgment.MajorityJudgment;

/**
 * The state of one majority-judgment vote inside its convention: who voted and the tallies (counts
 * per grade per option), never the individual ballots, so the state stays small for any number of
 * voters.
 */
final class JudgmentVote {

    final VotePurpose purpose;
    final Transition assembly;
    final List<String> grades;
    final List<VoteOption> options;
    final int seats;
    final long[][] tallies;
    final Set<String> voters = new HashSet<>();
    boolean open = true;

    JudgmentVote(JudgmentVoteOpened event) {
        purpose = event.purpose();
        assembly = event.assembly();
        grades = List.copyOf(event.grades());
        options = List.copyOf(event.options());
        seats = event.seats();
        tallies = new long[options.size()][grades.size()];
    }

    void count(String memberId, List<Integer> judgment) {
        voters.add(memberId);
        for (int option = 0; option < judgment.size(); option++) {
            tallies[option][judgment.get(option)]++;
        }
    }

    /** Option id → counts per grade, worst first, as {@link MajorityJudgment} takes them. */
    Map<String, long[]> talliesByOption() {
        Map<String, long[]> byOption = new LinkedHashMap<>();
        for (int option = 0; option < options.size(); option++) {
            byOption.put(options.get(option).optionId(), tallies[option].clone());
        }
        return byOption;
    }

    /** Value equality, so that Axon's test fixtures can check that handlers do not change state. */
    @Override
    public boolean equals(Object other) {
        return other instanceof JudgmentVote vote
                && purpose == vote.purpose
                && assembly == vote.assembly
                && grades.equals(vote.grades)
                && options.equals(vote.options)
                && seats == vote.seats
                && Arrays.deepEquals(tallies, vote.tallies)
                && voters.equals(vote.voters)
                && open == vote.open;
    }

    @Override
    public int hashCode() {
        return Objects.hash(purpose, assembly, grades, options, seats, Arrays.deepHashCode(tallies), voters, open);
    }

    String label(String optionId) {
        return options.stream()
                .filter(o -> o.optionId().equals(optionId))
                .findFirst()
                .orElseThrow()
                .label();
    }
}
