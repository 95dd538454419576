package org.conventionledger.command.recruitment;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record the answers of a volunteers' file at once: every answer is checked as {@link RecordInvitationAnswer}
 * is, and either all are recorded or none (an invitation answered twice in the batch is refused).
 */
public record RecordInvitationAnswers(
        @TargetAggregateIdentifier String conventionId, List<RecordInvitationAnswer> answers) {}
