package org.conventionledger.events.deliberation;

/** Why an objection was raised in a consent round. */
public enum ObjectionCategory {
    /** The city is not competent; the action will be relayed to the competent body. */
    NOT_CITY_COMPETENCE,
    /** The action needs large means (co-funding, crowdfunding…). */
    NEEDS_LARGE_MEANS,
    /** The action is already part of a programme under way. */
    ALREADY_IN_PROGRAMME,
    OTHER
}
