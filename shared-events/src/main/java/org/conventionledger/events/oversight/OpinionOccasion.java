package org.conventionledger.events.oversight;

/** When the garants publish an opinion (avis). */
public enum OpinionOccasion {
    /** At the end of a session. */
    END_OF_SESSION,
    /** At the votation. */
    VOTATION,
    /** At the end of the convention. */
    FINAL
}
