package org.conventionledger.events.deliberation;

/** The supporting bodies that give written opinions on the members' work. */
public enum OpinionBody {
    ADVISORY_COUNCIL,
    STEERING_COMMITTEE
}
