package org.conventionledger.platform.identity;

/**
 * The capacities in which people act on the ledger. Their names are what every event's
 * {@code actorRole} metadata holds, so they belong to the log's contract.
 */
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
    PLATFORM,
    /**
     * The city's IT operations: reads the services' metrics and other operations endpoints, nothing of the
     * process. It never acts on the log, so no event carries it.
     */
    OPERATOR
}
