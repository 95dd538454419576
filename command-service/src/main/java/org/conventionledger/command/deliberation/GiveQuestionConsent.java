package org.conventionledger.command.deliberation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the participants who consent to the question's current version (green cards). */
public record GiveQuestionConsent(@TargetAggregateIdentifier String questionId, List<String> participants) {}
