package org.conventionledger.events.recruitment;

/**
 * Why a resident drawn by lot was not sent an invitation, in coarse categories only: the details are
 * personal and stay out of the log.
 */
public enum NotInvitedReason {
    DECEASED,
    MOVED_AWAY,
    /** The same person was drawn twice under two references (e.g. two spellings the matching did not merge). */
    DUPLICATE,
    ADDRESS_UNKNOWN
}
