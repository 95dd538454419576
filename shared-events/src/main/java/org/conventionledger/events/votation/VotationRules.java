package org.conventionledger.events.votation;

/**
 * The rules a votation is held under, fixed when it is scheduled.
 *
 * @param eligibility             who may vote
 * @param ballotRule              how many actions a ballot may choose
 * @param maxChoices              the most actions a ballot may choose under {@link BallotRule#UP_TO_N};
 *                                {@code null} under the other rules
 * @param resultsVisibleWhileOpen whether the read side may show the running results to the public while
 *                                the votation is open (staff see them in any case)
 */
public record VotationRules(
        Eligibility eligibility, BallotRule ballotRule, Integer maxChoices, boolean resultsVisibleWhileOpen) {

    /**
     * What a votation scheduled without rules (a revision-1 {@link VotationScheduled}) was held under: no
     * eligibility condition, any number of distinct actions, results hidden from the public until closed.
     */
    public static final VotationRules BEFORE_RULES =
            new VotationRules(Eligibility.NONE, BallotRule.APPROVAL, null, false);

    /** The rules in force: the declared ones, or {@link #BEFORE_RULES} for an event that declares none. */
    public static VotationRules inForce(VotationRules declared) {
        return declared != null ? declared : BEFORE_RULES;
    }
}
