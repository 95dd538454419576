package org.conventionledger.query.consultation;

import java.time.Instant;
import java.util.List;
import org.conventionledger.events.consultation.ArgumentHidden;
import org.conventionledger.events.consultation.ArgumentPosted;
import org.conventionledger.events.consultation.CallForProposalsClosed;
import org.conventionledger.events.consultation.CallForProposalsOpened;
import org.conventionledger.events.consultation.ProposalHidden;
import org.conventionledger.events.consultation.ProposalSubmitted;
import org.conventionledger.events.consultation.ProposalVoted;
import org.conventionledger.events.consultation.Stance;

/** Consultation payloads of one convention with plausible values, for tests. */
final class ConsultationEvents {

    static final Instant OPENS = Instant.parse("2025-03-01T08:00:00Z");
    /** Far ahead, so that a call not closed is OPEN whenever the tests run. */
    static final Instant CLOSES = Instant.parse("2099-03-15T22:00:00Z");

    static final Instant AT = Instant.parse("2025-03-05T10:30:00Z");

    private final String conventionId;

    ConsultationEvents(String conventionId) {
        this.conventionId = conventionId;
    }

    CallForProposalsOpened callOpened(String callId, String topicTitle) {
        return callOpened(callId, topicTitle, OPENS);
    }

    CallForProposalsOpened callOpened(String callId, String topicTitle, Instant opensAt) {
        return new CallForProposalsOpened(
                conventionId,
                callId,
                "topic-" + topicTitle,
                topicTitle,
                "Vos idées : " + topicTitle,
                "Proposez des actions.",
                List.of("Feasible within the mandate"),
                1,
                opensAt,
                CLOSES);
    }

    CallForProposalsClosed callClosed(String callId) {
        return new CallForProposalsClosed(conventionId, callId, AT.plusSeconds(86_400));
    }

    ProposalSubmitted submitted(String callId, String proposalId, String author) {
        return new ProposalSubmitted(
                conventionId,
                callId,
                proposalId,
                author,
                "Proposal " + proposalId,
                "What " + proposalId + " proposes.",
                AT);
    }

    ProposalVoted voted(String callId, String proposalId, String voter, Stance stance, Stance previous) {
        return new ProposalVoted(conventionId, callId, proposalId, voter, stance, previous, AT);
    }

    ArgumentPosted argued(String callId, String proposalId, String argumentId, String voter, Stance stance) {
        return new ArgumentPosted(
                conventionId, callId, proposalId, argumentId, voter, stance, "Because " + argumentId + ".", AT);
    }

    ProposalHidden proposalHidden(String callId, String proposalId, String reason) {
        return new ProposalHidden(conventionId, callId, proposalId, reason);
    }

    ArgumentHidden argumentHidden(String callId, String proposalId, String argumentId, String reason) {
        return new ArgumentHidden(conventionId, callId, proposalId, argumentId, reason);
    }
}
