package org.conventionledger.events.organisation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * An expense claim was rejected, with the reason.
 */
@Revision("1")
public record ExpenseRejected(String conventionId, String claimId, String reason) implements ConventionEvent {}
