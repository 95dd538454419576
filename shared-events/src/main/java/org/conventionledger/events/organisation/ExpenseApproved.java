package org.conventionledger.events.organisation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * An expense claim was approved for payment.
 */
@Revision("1")
public record ExpenseApproved(String conventionId, String claimId) implements ConventionEvent {}
