package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** Consent was reached on the action: it is final and can go to the votation. */
@Revision("1")
public record ActionFinalised(String conventionId, String actionId, int number) implements ConventionEvent {}
