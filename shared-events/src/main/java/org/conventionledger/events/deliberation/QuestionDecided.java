package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * Consent reached on a question: no objection was open and every participant consented to this
 * version, which is the decision. The round is closed.
 */
@Revision("1")
public record QuestionDecided(String conventionId, String questionId, int version) implements ConventionEvent {}
