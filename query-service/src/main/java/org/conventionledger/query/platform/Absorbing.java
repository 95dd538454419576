package org.conventionledger.query.platform;

/**
 * A projection document that remembers which part of the log it has absorbed; see {@link LogPosition}.
 * Implementations carry a Spring Data {@code @Version} so that a stale writer cannot overwrite a newer
 * state.
 */
public interface Absorbing {

    LogPosition absorbed();

    void absorbed(LogPosition position);
}
