package org.conventionledger.events.followup;

/** What the city council answered to an action the convention handed it. */
public enum CouncilAnswer {
    /** Adopted as the convention wrote it. */
    ADOPTED,
    /** Adopted in an adapted form; the reason says what changed and why. */
    ADAPTED,
    /** Outside the city's competence: relayed to the body that holds it. */
    RELAYED,
    /** Rejected; the reason is owed to the convention and the public. */
    REJECTED
}
