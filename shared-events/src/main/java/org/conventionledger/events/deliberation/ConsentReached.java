package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * The decision was taken: no objection was open and every participant consented to this version.
 * {@link ActionFinalised} follows.
 */
@Revision("1")
public record ConsentReached(String conventionId, String actionId, String roundId, int version)
        implements ConventionEvent {}
