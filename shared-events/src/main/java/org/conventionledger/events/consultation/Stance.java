package org.conventionledger.events.consultation;

/** A resident's vote on a proposal. */
public enum Stance {
    FOR,
    MIXED,
    AGAINST
}
