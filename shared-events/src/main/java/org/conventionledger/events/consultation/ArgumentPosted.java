package org.conventionledger.events.consultation;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A resident's argument on a proposal, attached to their vote: {@code stance} is their vote when
 * they posted it.
 *
 * @param voterPseudonym the resident's keyed pseudonym in this convention's consultation
 * @param text           as the resident published it (moderation hides it, never edits it)
 */
@Revision("1")
public record ArgumentPosted(
        String conventionId,
        String callId,
        String proposalId,
        String argumentId,
        String voterPseudonym,
        Stance stance,
        String text,
        Instant postedAt)
        implements ConventionEvent {}
