package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * An objection to a question was lifted by amending it; the amended version follows as
 * {@link QuestionRevised}.
 *
 * @param amendment what was changed in the question to lift the objection
 */
@Revision("1")
public record QuestionObjectionLifted(String conventionId, String questionId, String objectionId, String amendment)
        implements ConventionEvent {}
