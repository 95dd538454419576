package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** The objector withdrew an objection to a question without an amendment. */
@Revision("1")
public record QuestionObjectionWithdrawn(String conventionId, String questionId, String objectionId, String reason)
        implements ConventionEvent {}
