package org.conventionledger.query.platform;

/** The capacities in which people act on the ledger. */
public enum Role {
    /** The city's participation team: runs the process. */
    ORGANISER,
    /** Independent guarantor: audits the log, changes nothing in the process. */
    GARANT,
    /** The monitoring body that follows the actions after the votation. */
    MONITOR,
    /** A resident casting their own online ballot. */
    VOTER,
    /** The online voting platform, relaying residents' ballots under its own voter references. */
    PLATFORM
}
