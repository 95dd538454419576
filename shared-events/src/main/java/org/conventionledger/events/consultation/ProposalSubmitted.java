package org.conventionledger.events.consultation;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A resident submitted a proposal to an open call.
 *
 * @param authorPseudonym the resident's keyed pseudonym in this convention's consultation, never a name
 * @param title           as the resident published it
 * @param text            as the resident published it (moderation hides it, never edits it)
 * @param submittedAt     when the service accepted it (within the call's window)
 */
@Revision("1")
public record ProposalSubmitted(
        String conventionId,
        String callId,
        String proposalId,
        String authorPseudonym,
        String title,
        String text,
        Instant submittedAt)
        implements ConventionEvent {}
