package org.conventionledger.events.organisation;

/**
 * The delegated roles each assembly elects among its members.
 */
public enum DelegatedRole {
    SECRETARY,
    JOURNALIST,
    VIDEOGRAPHER,
    /** Veilleur: guards the dialogue charter's rules. */
    WATCHER,
    FUTURE_GENERATIONS_REPRESENTATIVE,
    BIODIVERSITY_REPRESENTATIVE,
    ASSEMBLY_CORRESPONDENT,
    ADVISORY_COUNCIL_REPRESENTATIVE
}
