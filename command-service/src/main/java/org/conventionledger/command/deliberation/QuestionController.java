package org.conventionledger.command.deliberation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.conventionledger.command.deliberation.DeliberationController.AnswerRequest;
import org.conventionledger.command.deliberation.DeliberationController.ClarificationRequest;
import org.conventionledger.command.deliberation.DeliberationController.ConsentRequest;
import org.conventionledger.command.deliberation.DeliberationController.ImprovementRequest;
import org.conventionledger.command.deliberation.DeliberationController.RaiseObjectionRequest;
import org.conventionledger.command.deliberation.DeliberationController.WithdrawObjectionRequest;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.command.platform.Limits;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Free-standing questions put to a consent decision, and their round. The round's requests are those
 * of an action's consent round ({@link DeliberationController}), except that a question has no title
 * per version: an accepted improvement and an amendment give the new {@code text} only.
 */
@RestController
public class QuestionController {

    private final Commands commands;

    public QuestionController(Commands commands) {
        this.commands = commands;
    }

    public record PutQuestionRequest(
            @NotBlank String title,
            @NotBlank String text,
            @NotEmpty @Size(max = Limits.PEOPLE) List<@NotBlank String> participants) {}

    public record QuestionImprovementDecisionRequest(
            @NotNull Boolean accepted, String reason, String text) {}

    public record LiftQuestionObjectionRequest(
            @NotBlank String amendment, @NotBlank String text) {}

    @PostMapping("/api/conventions/{conventionId}/questions")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> putQuestion(
            @PathVariable String conventionId, @Valid @RequestBody PutQuestionRequest request) {
        String questionId = Commands.newId();
        commands.send(
                new PutQuestion(conventionId, questionId, request.title(), request.text(), request.participants()));
        return Map.of("questionId", questionId);
    }

    @PostMapping("/api/questions/{questionId}/clarifications")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> requestClarification(
            @PathVariable String questionId, @Valid @RequestBody ClarificationRequest request) {
        String clarificationId = Commands.newId();
        commands.send(
                new RequestQuestionClarification(questionId, clarificationId, request.askedBy(), request.question()));
        return Map.of("clarificationId", clarificationId);
    }

    @PostMapping("/api/questions/{questionId}/clarifications/{clarificationId}/answer")
    public Map<String, String> answerClarification(
            @PathVariable String questionId,
            @PathVariable String clarificationId,
            @Valid @RequestBody AnswerRequest request) {
        commands.send(new AnswerQuestionClarification(questionId, clarificationId, request.answer()));
        return Map.of("clarificationId", clarificationId);
    }

    @PostMapping("/api/questions/{questionId}/improvements")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> proposeImprovement(
            @PathVariable String questionId, @Valid @RequestBody ImprovementRequest request) {
        String improvementId = Commands.newId();
        commands.send(
                new ProposeQuestionImprovement(questionId, improvementId, request.proposedBy(), request.proposal()));
        return Map.of("improvementId", improvementId);
    }

    @PostMapping("/api/questions/{questionId}/improvements/{improvementId}/decision")
    public Map<String, String> decideImprovement(
            @PathVariable String questionId,
            @PathVariable String improvementId,
            @Valid @RequestBody QuestionImprovementDecisionRequest request) {
        commands.send(new DecideQuestionImprovement(
                questionId, improvementId, request.accepted(), request.reason(), request.text()));
        return Map.of("improvementId", improvementId, "decision", request.accepted() ? "ACCEPTED" : "DECLINED");
    }

    @PostMapping("/api/questions/{questionId}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> raiseObjection(
            @PathVariable String questionId, @Valid @RequestBody RaiseObjectionRequest request) {
        String objectionId = Commands.newId();
        commands.send(new RaiseQuestionObjection(
                questionId,
                objectionId,
                request.category(),
                request.reason(),
                request.raisedBy(),
                request.competentBody()));
        return Map.of("objectionId", objectionId);
    }

    @PostMapping("/api/questions/{questionId}/objections/{objectionId}/lift")
    public Map<String, String> liftObjection(
            @PathVariable String questionId,
            @PathVariable String objectionId,
            @Valid @RequestBody LiftQuestionObjectionRequest request) {
        commands.send(new LiftQuestionObjection(questionId, objectionId, request.amendment(), request.text()));
        return Map.of("objectionId", objectionId, "status", "LIFTED");
    }

    @PostMapping("/api/questions/{questionId}/objections/{objectionId}/withdraw")
    public Map<String, String> withdrawObjection(
            @PathVariable String questionId,
            @PathVariable String objectionId,
            @RequestBody(required = false) WithdrawObjectionRequest request) {
        commands.send(
                new WithdrawQuestionObjection(questionId, objectionId, request == null ? null : request.reason()));
        return Map.of("objectionId", objectionId, "status", "WITHDRAWN");
    }

    @PostMapping("/api/questions/{questionId}/consents")
    public Map<String, Object> giveConsent(
            @PathVariable String questionId, @Valid @RequestBody ConsentRequest request) {
        commands.send(new GiveQuestionConsent(questionId, request.participants()));
        return Map.of("questionId", questionId, "consents", request.participants());
    }

    @PostMapping("/api/questions/{questionId}/decision")
    public Map<String, String> takeDecision(@PathVariable String questionId) {
        commands.send(new TakeQuestionDecision(questionId));
        return Map.of("questionId", questionId, "status", "DECIDED");
    }
}
