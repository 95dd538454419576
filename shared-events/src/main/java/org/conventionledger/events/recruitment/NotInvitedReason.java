package org.conventionledger.events.recruitment;

/**
 * Why a resident drawn by lot was not sent an invitation, in coarse categories only: the details are
 * personal and stay out of the log.
 */
public enum NotInvitedReason {
    DECEASED,
    MOVED_AWAY,
    /** The same person was drawn twice under two references (e.g. listed on two lists). */
    DUPLICATE,
    ADDRESS_UNKNOWN
}
