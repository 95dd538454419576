package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** A participant asked for a clarification of the proposal. */
@Revision("1")
public record ClarificationRequested(
        String conventionId, String actionId, String roundId, String clarificationId, String askedBy, String question)
        implements ConventionEvent {}
