package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** A participant proposed an improvement of the proposal. */
@Revision("1")
public record ImprovementProposed(
        String conventionId, String actionId, String roundId, String improvementId, String proposedBy, String proposal)
        implements ConventionEvent {}
