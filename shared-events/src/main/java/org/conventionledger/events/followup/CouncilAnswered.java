package org.conventionledger.events.followup;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * The city council answered a finalised action, in one of its deliberations. It answers each action once.
 *
 * @param relayedTo             the body the action was relayed to (RELAYED only)
 * @param reason                why it was adapted or rejected (required then), or a comment
 * @param deliberationReference the council's deliberation that carries the answer
 */
@Revision("1")
public record CouncilAnswered(
        String conventionId,
        String actionId,
        CouncilAnswer answer,
        String relayedTo,
        String reason,
        String deliberationReference,
        LocalDate answeredOn)
        implements ConventionEvent {}
