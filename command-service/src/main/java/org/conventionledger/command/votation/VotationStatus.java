package org.conventionledger.command.votation;

/** Where a votation stands. */
public enum VotationStatus {
    SCHEDULED,
    OPEN,
    CLOSED
}
