package org.conventionledger.query.deliberation;

import java.time.LocalDate;
import java.util.List;
import org.conventionledger.events.Transition;
import org.conventionledger.events.deliberation.ActionDrafted;
import org.conventionledger.events.deliberation.ActionFinalised;
import org.conventionledger.events.deliberation.ActionRevised;
import org.conventionledger.events.deliberation.ActionsLinked;
import org.conventionledger.events.deliberation.CacSheetWritten;
import org.conventionledger.events.deliberation.ClarificationAnswered;
import org.conventionledger.events.deliberation.ClarificationRequested;
import org.conventionledger.events.deliberation.ConsentGiven;
import org.conventionledger.events.deliberation.ConsentReached;
import org.conventionledger.events.deliberation.ConsentRoundOpened;
import org.conventionledger.events.deliberation.ExpertHeard;
import org.conventionledger.events.deliberation.ExpertKind;
import org.conventionledger.events.deliberation.ImprovementDecided;
import org.conventionledger.events.deliberation.ImprovementProposed;
import org.conventionledger.events.deliberation.JudgmentCast;
import org.conventionledger.events.deliberation.JudgmentVoteClosed;
import org.conventionledger.events.deliberation.JudgmentVoteOpened;
import org.conventionledger.events.deliberation.ObjectionCategory;
import org.conventionledger.events.deliberation.ObjectionLifted;
import org.conventionledger.events.deliberation.ObjectionRaised;
import org.conventionledger.events.deliberation.ObjectionWithdrawn;
import org.conventionledger.events.deliberation.OpinionBody;
import org.conventionledger.events.deliberation.OpinionGiven;
import org.conventionledger.events.deliberation.QuestionClarificationAnswered;
import org.conventionledger.events.deliberation.QuestionClarificationRequested;
import org.conventionledger.events.deliberation.QuestionConsentGiven;
import org.conventionledger.events.deliberation.QuestionDecided;
import org.conventionledger.events.deliberation.QuestionImprovementDecided;
import org.conventionledger.events.deliberation.QuestionImprovementProposed;
import org.conventionledger.events.deliberation.QuestionObjectionLifted;
import org.conventionledger.events.deliberation.QuestionObjectionRaised;
import org.conventionledger.events.deliberation.QuestionObjectionWithdrawn;
import org.conventionledger.events.deliberation.QuestionPut;
import org.conventionledger.events.deliberation.QuestionRevised;
import org.conventionledger.events.deliberation.RankedOption;
import org.conventionledger.events.deliberation.ReferentAssigned;
import org.conventionledger.events.deliberation.TopicChosen;
import org.conventionledger.events.deliberation.VoteOption;
import org.conventionledger.events.deliberation.VotePurpose;

/** Deliberation payloads for one convention, with plausible values, for tests. */
final class DeliberationEvents {

    static final LocalDate DAY = LocalDate.of(2021, 11, 20);
    /** The usual five-grade scale of the convention's remotes, worst first. */
    static final List<String> GRADES = List.of("To reject", "Poor", "Acceptable", "Good", "Very good");

    private final String conventionId;

    DeliberationEvents(String conventionId) {
        this.conventionId = conventionId;
    }

    TopicChosen topicChosen(String topicId, Transition assembly, String title) {
        return new TopicChosen(conventionId, topicId, assembly, title);
    }

    ExpertHeard expertHeard(String topicId, String hearingId, String expertName) {
        return new ExpertHeard(
                conventionId,
                topicId,
                hearingId,
                expertName,
                "Université Clermont Auvergne",
                ExpertKind.SCIENTIFIC,
                true,
                "the members",
                DAY,
                "What " + expertName + " brought",
                List.of("doc-" + hearingId));
    }

    CacSheetWritten cacSheet(String topicId, int version) {
        return new CacSheetWritten(
                conventionId,
                topicId,
                version,
                "Findings v" + version,
                "Analysis v" + version,
                List.of("Feasible within the mandate"),
                List.of("Specific criterion v" + version));
    }

    OpinionGiven opinion(String opinionId, String targetType, String targetId) {
        return new OpinionGiven(
                conventionId,
                opinionId,
                OpinionBody.ADVISORY_COUNCIL,
                targetType,
                targetId,
                "Opinion " + opinionId,
                DAY.plusDays(30));
    }

    JudgmentVoteOpened voteOpened(
            String voteId, VotePurpose purpose, Transition assembly, int seats, VoteOption... options) {
        return new JudgmentVoteOpened(conventionId, voteId, purpose, assembly, GRADES, List.of(options), seats);
    }

    static VoteOption option(String optionId, String label) {
        return new VoteOption(optionId, label);
    }

    JudgmentCast judgment(String voteId, String memberId, Integer... grades) {
        return new JudgmentCast(conventionId, voteId, memberId, List.of(grades));
    }

    JudgmentVoteClosed voteClosed(String voteId, int judgments, List<RankedOption> ranking, String... chosen) {
        return new JudgmentVoteClosed(conventionId, voteId, judgments, ranking, List.of(chosen));
    }

    ActionDrafted actionDrafted(
            String actionId,
            int number,
            Transition assembly,
            String topicId,
            String topicTitle,
            String title,
            String text) {
        return new ActionDrafted(conventionId, actionId, number, assembly, topicId, topicTitle, title, text);
    }

    ActionRevised actionRevised(String actionId, int version, String title, String text, String reason) {
        return new ActionRevised(conventionId, actionId, version, title, text, reason);
    }

    ReferentAssigned referent(String actionId, String memberId) {
        return new ReferentAssigned(conventionId, actionId, memberId);
    }

    ActionsLinked linked(String actionId, String linkedActionId, String relation) {
        return new ActionsLinked(conventionId, actionId, linkedActionId, relation);
    }

    ConsentRoundOpened roundOpened(String actionId, String roundId, int version, String... participants) {
        return new ConsentRoundOpened(conventionId, actionId, roundId, version, List.of(participants));
    }

    ClarificationRequested clarificationRequested(
            String actionId, String roundId, String clarificationId, String askedBy, String question) {
        return new ClarificationRequested(conventionId, actionId, roundId, clarificationId, askedBy, question);
    }

    ClarificationAnswered clarificationAnswered(
            String actionId, String roundId, String clarificationId, String answer) {
        return new ClarificationAnswered(conventionId, actionId, roundId, clarificationId, answer);
    }

    ImprovementProposed improvementProposed(
            String actionId, String roundId, String improvementId, String proposedBy, String proposal) {
        return new ImprovementProposed(conventionId, actionId, roundId, improvementId, proposedBy, proposal);
    }

    ImprovementDecided improvementDecided(
            String actionId, String roundId, String improvementId, boolean accepted, String reason) {
        return new ImprovementDecided(conventionId, actionId, roundId, improvementId, accepted, reason);
    }

    ObjectionRaised objectionRaised(
            String actionId, String objectionId, ObjectionCategory category, String raisedBy, String competentBody) {
        return new ObjectionRaised(
                conventionId, actionId, objectionId, category, "Reason of " + objectionId, raisedBy, competentBody);
    }

    ObjectionLifted objectionLifted(String actionId, String objectionId, String amendment) {
        return new ObjectionLifted(conventionId, actionId, objectionId, amendment);
    }

    ObjectionWithdrawn objectionWithdrawn(String actionId, String objectionId, String reason) {
        return new ObjectionWithdrawn(conventionId, actionId, objectionId, reason);
    }

    ConsentGiven consent(String actionId, String roundId, int version, String... participants) {
        return new ConsentGiven(conventionId, actionId, roundId, version, List.of(participants));
    }

    ConsentReached consentReached(String actionId, String roundId, int version) {
        return new ConsentReached(conventionId, actionId, roundId, version);
    }

    ActionFinalised finalised(String actionId, int number) {
        return new ActionFinalised(conventionId, actionId, number);
    }

    // ---- free-standing questions ----

    QuestionPut questionPut(String questionId, String title, String text, String... participants) {
        return new QuestionPut(conventionId, questionId, title, text, List.of(participants));
    }

    QuestionRevised questionRevised(String questionId, int version, String text, String reason) {
        return new QuestionRevised(conventionId, questionId, version, text, reason);
    }

    QuestionClarificationRequested questionClarificationRequested(
            String questionId, String clarificationId, String askedBy, String question) {
        return new QuestionClarificationRequested(conventionId, questionId, clarificationId, askedBy, question);
    }

    QuestionClarificationAnswered questionClarificationAnswered(
            String questionId, String clarificationId, String answer) {
        return new QuestionClarificationAnswered(conventionId, questionId, clarificationId, answer);
    }

    QuestionImprovementProposed questionImprovementProposed(
            String questionId, String improvementId, String proposedBy, String proposal) {
        return new QuestionImprovementProposed(conventionId, questionId, improvementId, proposedBy, proposal);
    }

    QuestionImprovementDecided questionImprovementDecided(
            String questionId, String improvementId, boolean accepted, String reason) {
        return new QuestionImprovementDecided(conventionId, questionId, improvementId, accepted, reason);
    }

    QuestionObjectionRaised questionObjectionRaised(
            String questionId, String objectionId, ObjectionCategory category, String raisedBy, String competentBody) {
        return new QuestionObjectionRaised(
                conventionId, questionId, objectionId, category, "Reason of " + objectionId, raisedBy, competentBody);
    }

    QuestionObjectionLifted questionObjectionLifted(String questionId, String objectionId, String amendment) {
        return new QuestionObjectionLifted(conventionId, questionId, objectionId, amendment);
    }

    QuestionObjectionWithdrawn questionObjectionWithdrawn(String questionId, String objectionId, String reason) {
        return new QuestionObjectionWithdrawn(conventionId, questionId, objectionId, reason);
    }

    QuestionConsentGiven questionConsent(String questionId, int version, String... participants) {
        return new QuestionConsentGiven(conventionId, questionId, version, List.of(participants));
    }

    QuestionDecided questionDecided(String questionId, int version) {
        return new QuestionDecided(conventionId, questionId, version);
    }
}
