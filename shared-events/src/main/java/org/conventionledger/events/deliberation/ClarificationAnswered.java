package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** The proposal's carriers answered a clarification request. */
@Revision("1")
public record ClarificationAnswered(
        String conventionId, String actionId, String roundId, String clarificationId, String answer)
        implements ConventionEvent {}
