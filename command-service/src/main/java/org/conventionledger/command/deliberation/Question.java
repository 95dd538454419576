package org.conventionledger.command.deliberation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.conventionledger.command.platform.RuleViolation.requireText;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.organisation.ConventionRegister;
import org.conventionledger.command.platform.RuleViolation;
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

/**
 * A free-standing question put to a consent decision (décision au consentement): adopting the
 * dialogue charter, a question of method… anything the convention decides that is not an action sheet.
 *
 * <p>Putting the question opens its one consent round on version 1 of its text. The rules are those of
 * an action's round ({@link ConsentRound}): participants ask for clarifications, propose improvements
 * (an accepted one is a new version of the text) and raise objections, each lifted by an amendment (a
 * new version) or withdrawn; consent is given to a version; the decision is taken when no objection is
 * open and every participant consented to the current version. Once decided, the question refuses
 * every further command ({@code question-decided}). The round's id is the question's id.
 */
@Aggregate
public class Question {

    @AggregateIdentifier
    private String questionId;

    private String conventionId;
    private boolean decided;
    private ConsentRound round;

    protected Question() {
        // for Axon
    }

    @CommandHandler
    public Question(PutQuestion command, ConventionRegister register) {
        requireText(command.title(), "title-required", "A question needs a title.");
        requireText(command.text(), "text-required", "A question needs a text: the proposal put to consent.");
        ConsentRound.checkParticipants(command.participants());
        if (!register.conventionExists(command.conventionId())) {
            throw RuleViolation.notFound("unknown-convention", "No convention " + command.conventionId() + " exists.");
        }
        apply(new QuestionPut(
                command.conventionId(),
                command.questionId(),
                command.title(),
                command.text(),
                List.copyOf(command.participants())));
    }

    @CommandHandler
    public void handle(RequestQuestionClarification command) {
        requireNotDecided();
        round.checkClarificationRequest(command.clarificationId(), command.askedBy(), command.question());
        apply(new QuestionClarificationRequested(
                conventionId, questionId, command.clarificationId(), command.askedBy(), command.question()));
    }

    @CommandHandler
    public void handle(AnswerQuestionClarification command) {
        requireNotDecided();
        round.checkClarificationAnswer(command.clarificationId(), command.answer());
        apply(new QuestionClarificationAnswered(conventionId, questionId, command.clarificationId(), command.answer()));
    }

    @CommandHandler
    public void handle(ProposeQuestionImprovement command) {
        requireNotDecided();
        round.checkImprovementProposal(command.improvementId(), command.proposedBy(), command.proposal());
        apply(new QuestionImprovementProposed(
                conventionId, questionId, command.improvementId(), command.proposedBy(), command.proposal()));
    }

    @CommandHandler
    public void handle(DecideQuestionImprovement command) {
        requireNotDecided();
        round.checkImprovementDecision(command.improvementId(), command.accepted(), command.text());
        apply(new QuestionImprovementDecided(
                conventionId, questionId, command.improvementId(), command.accepted(), command.reason()));
        if (command.accepted()) {
            applyNewVersion(command.text(), "improvement " + command.improvementId() + " accepted");
        }
    }

    @CommandHandler
    public void handle(RaiseQuestionObjection command) {
        requireNotDecided();
        round.checkObjection(
                command.objectionId(),
                command.category(),
                command.reason(),
                command.raisedBy(),
                command.competentBody());
        apply(new QuestionObjectionRaised(
                conventionId,
                questionId,
                command.objectionId(),
                command.category(),
                command.reason(),
                command.raisedBy(),
                command.competentBody()));
    }

    @CommandHandler
    public void handle(LiftQuestionObjection command) {
        requireNotDecided();
        round.checkOpenObjection(command.objectionId());
        requireText(
                command.amendment(),
                "amendment-required",
                "An objection is lifted by an amendment: describe what changed in the question.");
        requireText(
                command.text(),
                "amended-text-required",
                "Give the amended text of the question: it becomes a new version.");
        apply(new QuestionObjectionLifted(conventionId, questionId, command.objectionId(), command.amendment()));
        applyNewVersion(
                command.text(), "amendment lifting objection " + command.objectionId() + ": " + command.amendment());
    }

    @CommandHandler
    public void handle(WithdrawQuestionObjection command) {
        requireNotDecided();
        round.checkOpenObjection(command.objectionId());
        apply(new QuestionObjectionWithdrawn(conventionId, questionId, command.objectionId(), command.reason()));
    }

    @CommandHandler
    public void handle(GiveQuestionConsent command) {
        requireNotDecided();
        round.checkConsent(command.participants());
        apply(new QuestionConsentGiven(conventionId, questionId, round.version(), List.copyOf(command.participants())));
    }

    @CommandHandler
    public void handle(TakeQuestionDecision command) {
        requireNotDecided();
        round.checkDecision();
        apply(new QuestionDecided(conventionId, questionId, round.version()));
    }

    @EventSourcingHandler
    void on(QuestionPut event) {
        questionId = event.questionId();
        conventionId = event.conventionId();
        round = new ConsentRound("question \"" + event.title() + "\"");
        round.opened(event.questionId(), event.participants());
    }

    @EventSourcingHandler
    void on(QuestionRevised event) {
        round.revised(event.version());
    }

    @EventSourcingHandler
    void on(QuestionClarificationRequested event) {
        round.clarificationRequested(event.clarificationId());
    }

    @EventSourcingHandler
    void on(QuestionClarificationAnswered event) {
        round.clarificationAnswered(event.clarificationId());
    }

    @EventSourcingHandler
    void on(QuestionImprovementProposed event) {
        round.improvementProposed(event.improvementId());
    }

    @EventSourcingHandler
    void on(QuestionImprovementDecided event) {
        round.improvementDecided(event.improvementId());
    }

    @EventSourcingHandler
    void on(QuestionObjectionRaised event) {
        round.objectionRaised(event.objectionId(), event.raisedBy());
    }

    @EventSourcingHandler
    void on(QuestionObjectionLifted event) {
        round.objectionLifted(event.objectionId());
    }

    @EventSourcingHandler
    void on(QuestionObjectionWithdrawn event) {
        round.objectionWithdrawn(event.objectionId());
    }

    @EventSourcingHandler
    void on(QuestionConsentGiven event) {
        round.consented(event.participants());
    }

    @EventSourcingHandler
    void on(QuestionDecided event) {
        round.decided();
        decided = true;
    }

    private void applyNewVersion(String text, String reason) {
        apply(new QuestionRevised(conventionId, questionId, round.version() + 1, text, reason));
    }

    private void requireNotDecided() {
        if (decided) {
            throw RuleViolation.conflict(
                    "question-decided", "Question " + questionId + " is decided: its consent" + " round is closed.");
        }
    }
}
