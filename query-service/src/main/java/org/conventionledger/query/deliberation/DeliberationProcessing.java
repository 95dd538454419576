package org.conventionledger.query.deliberation;

/**
 * The processing group of the deliberation projections. Configured in application.yml
 * ({@code axon.eventhandling.processors.deliberation}): pooled, sequenced by convention, so every
 * event of one convention is handled in log order on one segment, as {@code Projections} requires.
 */
public final class DeliberationProcessing {

    public static final String GROUP = "deliberation";

    private DeliberationProcessing() {
    }
}
