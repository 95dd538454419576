package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * An objection was lifted by amending the action; the amended version follows as {@link ActionRevised}.
 *
 * @param amendment what was changed in the action sheet to lift the objection
 */
@Revision("1")
public record ObjectionLifted(String conventionId, String actionId, String objectionId, String amendment)
        implements ConventionEvent {}
