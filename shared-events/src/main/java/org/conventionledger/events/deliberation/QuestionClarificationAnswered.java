package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** A clarification request on a question was answered. */
@Revision("1")
public record QuestionClarificationAnswered(
        String conventionId, String questionId, String clarificationId, String answer) implements ConventionEvent {}
