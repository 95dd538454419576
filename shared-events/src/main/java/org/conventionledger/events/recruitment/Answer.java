package org.conventionledger.events.recruitment;

/** How an invited resident answered. {@code NO_ANSWER} is recorded when the deadline passed. */
public enum Answer {
    ACCEPTED,
    DECLINED,
    NO_ANSWER
}
