package org.conventionledger.events.recruitment;

/**
 * Why a member withdrew, in coarse categories only: the details are personal and stay out of the log.
 */
public enum WithdrawalReason {
    PERSONAL,
    PROFESSIONAL,
    MOVED_AWAY,
    OTHER
}
