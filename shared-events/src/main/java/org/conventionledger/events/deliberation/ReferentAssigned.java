package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** A member carries the action sheet as its referent. */
@Revision("1")
public record ReferentAssigned(String conventionId, String actionId, String memberId) implements ConventionEvent {}
