package org.conventionledger.events.organisation;

/**
 * A member's presence at a session.
 */
public enum Presence {
    PRESENT,
    /** Absent with a reason the contract accepts: does not count towards losing membership. */
    EXCUSED,
    ABSENT
}
