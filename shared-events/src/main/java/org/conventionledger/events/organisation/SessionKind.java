package org.conventionledger.events.organisation;

/**
 * A plenary session gathers every assembly; an assembly session one of them.
 */
public enum SessionKind {
    PLENARY,
    ASSEMBLY
}
