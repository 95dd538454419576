package org.conventionledger.command.votation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.votation.BallotRule;
import org.conventionledger.events.votation.VotationRules;

/** Checks a ballot's choices against the votation's ballot and ballot rule. */
final class BallotChoices {

    private BallotChoices() {}

    /**
     * The choices are distinct actions of the ballot, at least one, and no more than the rule allows.
     *
     * @throws RuleViolation 422 {@code choices-required}, {@code not-on-ballot}, {@code duplicate-choice},
     *                       {@code too-many-choices}
     */
    static void check(VotationRules declared, Set<Integer> onBallot, List<Integer> choices) {
        if (choices == null || choices.isEmpty()) {
            throw RuleViolation.unprocessable("choices-required", "A ballot chooses at least one action.");
        }
        Set<Integer> distinct = new HashSet<>();
        for (Integer choice : choices) {
            if (choice == null || !onBallot.contains(choice)) {
                throw RuleViolation.unprocessable("not-on-ballot", "Action " + choice + " is not on the ballot.");
            }
            if (!distinct.add(choice)) {
                throw RuleViolation.unprocessable("duplicate-choice", "Action " + choice + " is chosen twice.");
            }
        }
        VotationRules rules = VotationRules.inForce(declared);
        if (rules.ballotRule() == BallotRule.SINGLE && choices.size() > 1) {
            throw RuleViolation.unprocessable(
                    "too-many-choices",
                    "This votation's ballots choose one action; this one chooses " + choices.size() + ".");
        }
        if (rules.ballotRule() == BallotRule.UP_TO_N && choices.size() > rules.maxChoices()) {
            throw RuleViolation.unprocessable(
                    "too-many-choices",
                    "This votation's ballots choose up to " + rules.maxChoices() + " actions; this one chooses "
                            + choices.size() + ".");
        }
    }
}
