package org.conventionledger.events.deliberation;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** Participants showed their green card: they consent to this version of the question. */
@Revision("1")
public record QuestionConsentGiven(String conventionId, String questionId, int version, List<String> participants)
        implements ConventionEvent {}
