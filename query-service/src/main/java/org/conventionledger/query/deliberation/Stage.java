package org.conventionledger.query.deliberation;

/**
 * Where an action sheet stands: drafted (and possibly revised), under a consent round, or final.
 * A round's opening moves a draft into {@link #IN_ROUND}; {@code ConsentReached} or
 * {@code ActionFinalised} makes it {@link #FINAL}, which nothing changes afterwards.
 */
public enum Stage {
    DRAFT,
    IN_ROUND,
    FINAL;

    /** The stage after a consent round opened on the action. */
    Stage roundOpened() {
        return this == FINAL ? FINAL : IN_ROUND;
    }
}
