package org.conventionledger.query.consultation;

/**
 * The processing group of the consultation projection. Configured in application.yml
 * ({@code axon.eventhandling.processors.consultation}): pooled, sequenced by convention, so every event
 * of one convention is handled in log order on one segment, as {@code Projections} requires.
 */
public final class ConsultationProcessing {

    public static final String GROUP = "consultation";

    private ConsultationProcessing() {
    }
}
