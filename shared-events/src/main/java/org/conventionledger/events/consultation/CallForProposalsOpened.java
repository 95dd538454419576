package org.conventionledger.events.consultation;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * The members' call for proposals on one of the convention's topics, open to residents between
 * {@code opensAt} (inclusive) and {@code closesAt} (exclusive) unless closed earlier.
 *
 * @param topicTitle the topic's title when the call opened
 * @param text       what the call asks residents (may be empty)
 * @param criteria   the criteria a proposal should meet, from the topic's CAC sheet
 * @param cacVersion the version of the topic's CAC sheet the call was drawn from, or null if the
 *                   ledger holds none (the criteria were then given with the call)
 */
@Revision("1")
public record CallForProposalsOpened(
        String conventionId,
        String callId,
        String topicId,
        String topicTitle,
        String title,
        String text,
        List<String> criteria,
        Integer cacVersion,
        Instant opensAt,
        Instant closesAt)
        implements ConventionEvent {}
