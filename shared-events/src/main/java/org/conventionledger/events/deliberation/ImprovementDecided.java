package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** The group accepted (a new version follows) or declined a proposed improvement. */
@Revision("1")
public record ImprovementDecided(
        String conventionId, String actionId, String roundId, String improvementId, boolean accepted, String reason)
        implements ConventionEvent {}
