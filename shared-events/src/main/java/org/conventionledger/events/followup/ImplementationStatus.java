package org.conventionledger.events.followup;

/**
 * Where the implementation of an action stands. It moves forward only: PLANNED, IN_PROGRESS, DONE;
 * ABANDONED ends it from PLANNED or IN_PROGRESS.
 */
public enum ImplementationStatus {
    PLANNED,
    IN_PROGRESS,
    DONE,
    ABANDONED
}
