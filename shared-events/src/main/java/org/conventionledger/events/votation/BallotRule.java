package org.conventionledger.events.votation;

/** How many actions one ballot may choose. */
public enum BallotRule {
    /** Exactly one action. */
    SINGLE,
    /** From one up to the votation's {@code maxChoices} distinct actions. */
    UP_TO_N,
    /** Approval: any number of distinct actions, at least one. */
    APPROVAL
}
