package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A new version of an action sheet (the draft is version 1).
 *
 * @param reason why it changed: a revision after the city services' audit, an accepted improvement,
 *               or the amendment that lifted an objection
 */
@Revision("1")
public record ActionRevised(String conventionId, String actionId, int version, String title, String text, String reason)
        implements ConventionEvent {}
