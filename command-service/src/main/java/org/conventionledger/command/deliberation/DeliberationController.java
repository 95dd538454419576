package org.conventionledger.command.deliberation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.command.platform.Limits;
import org.conventionledger.events.Transition;
import org.conventionledger.events.deliberation.ExpertKind;
import org.conventionledger.events.deliberation.ObjectionCategory;
import org.conventionledger.events.deliberation.OpinionBody;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Topics, expertise, CAC sheets, opinions, action sheets and their consent rounds. */
@RestController
public class DeliberationController {

    private final Commands commands;

    public DeliberationController(Commands commands) {
        this.commands = commands;
    }

    public record ChooseTopicRequest(
            @NotNull Transition assembly, @NotBlank String title) {}

    public record HearingRequest(
            @NotBlank String expertName,
            String organisation,
            @NotNull ExpertKind kind,
            boolean independent,
            String invitedBy,
            @NotNull LocalDate heardOn,
            @NotBlank String contribution,
            @Size(max = Limits.ENTRIES) List<@NotBlank String> documents) {}

    public record CacSheetRequest(
            @NotBlank String findings,
            @NotBlank String analysis,
            @Size(max = Limits.ENTRIES) List<@NotBlank String> commonCriteria,
            @Size(max = Limits.ENTRIES) List<@NotBlank String> specificCriteria) {}

    public record OpinionRequest(
            @NotNull OpinionBody body,
            @NotBlank String text,
            @NotNull LocalDate givenOn) {}

    public record DraftActionRequest(
            @Min(1) int number,
            @NotBlank String topicId,
            @NotBlank String title,
            String text) {}

    public record RevisionRequest(String title, @NotBlank String text, String reason) {}

    public record ReferentRequest(@NotBlank String memberId) {}

    public record LinkRequest(@NotBlank String linkedActionId, String relation) {}

    public record ConsentRoundRequest(
            @NotEmpty @Size(max = Limits.PEOPLE) List<@NotBlank String> participants) {}

    public record ClarificationRequest(
            @NotBlank String askedBy, @NotBlank String question) {}

    public record AnswerRequest(@NotBlank String answer) {}

    public record ImprovementRequest(
            @NotBlank String proposedBy, @NotBlank String proposal) {}

    public record ImprovementDecisionRequest(@NotNull Boolean accepted, String reason, String title, String text) {}

    public record RaiseObjectionRequest(
            @NotNull ObjectionCategory category,
            @NotBlank String reason,
            @NotBlank String raisedBy,
            String competentBody) {}

    public record LiftObjectionRequest(
            @NotBlank String amendment,
            String title,
            @NotBlank String text) {}

    public record WithdrawObjectionRequest(String reason) {}

    public record ConsentRequest(
            @NotEmpty @Size(max = Limits.PEOPLE) List<@NotBlank String> participants) {}

    @PostMapping("/api/conventions/{conventionId}/topics")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> chooseTopic(
            @PathVariable String conventionId, @Valid @RequestBody ChooseTopicRequest request) {
        String topicId = Commands.newId();
        commands.send(new ChooseTopic(conventionId, topicId, request.assembly(), request.title()));
        return Map.of("topicId", topicId);
    }

    @PostMapping("/api/topics/{topicId}/hearings")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> recordHearing(@PathVariable String topicId, @Valid @RequestBody HearingRequest request) {
        String hearingId = Commands.newId();
        commands.send(new RecordExpertHearing(
                topicId,
                hearingId,
                request.expertName(),
                request.organisation(),
                request.kind(),
                request.independent(),
                request.invitedBy(),
                request.heardOn(),
                request.contribution(),
                request.documents()));
        return Map.of("hearingId", hearingId);
    }

    @PostMapping("/api/topics/{topicId}/cac-sheets")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> writeCacSheet(
            @PathVariable String topicId, @Valid @RequestBody CacSheetRequest request) {
        commands.send(new WriteCacSheet(
                topicId, request.findings(), request.analysis(), request.commonCriteria(), request.specificCriteria()));
        return Map.of("topicId", topicId);
    }

    @PostMapping("/api/topics/{topicId}/opinions")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> giveTopicOpinion(
            @PathVariable String topicId, @Valid @RequestBody OpinionRequest request) {
        String opinionId = Commands.newId();
        commands.send(new GiveTopicOpinion(topicId, opinionId, request.body(), request.text(), request.givenOn()));
        return Map.of("opinionId", opinionId);
    }

    @PostMapping("/api/conventions/{conventionId}/actions")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> draftAction(
            @PathVariable String conventionId, @Valid @RequestBody DraftActionRequest request) {
        String actionId = Commands.newId();
        commands.send(new DraftAction(
                actionId, conventionId, request.number(), request.topicId(), request.title(), request.text()));
        return Map.of("actionId", actionId);
    }

    @PostMapping("/api/actions/{actionId}/revisions")
    public Map<String, String> revise(@PathVariable String actionId, @Valid @RequestBody RevisionRequest request) {
        commands.send(new ReviseAction(actionId, request.title(), request.text(), request.reason()));
        return Map.of("actionId", actionId);
    }

    @PostMapping("/api/actions/{actionId}/referent")
    public Map<String, String> assignReferent(
            @PathVariable String actionId, @Valid @RequestBody ReferentRequest request) {
        commands.send(new AssignReferent(actionId, request.memberId()));
        return Map.of("actionId", actionId, "referent", request.memberId());
    }

    @PostMapping("/api/actions/{actionId}/links")
    public Map<String, String> link(@PathVariable String actionId, @Valid @RequestBody LinkRequest request) {
        commands.send(new LinkAction(actionId, request.linkedActionId(), request.relation()));
        return Map.of("actionId", actionId, "linkedActionId", request.linkedActionId());
    }

    @PostMapping("/api/actions/{actionId}/opinions")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> giveActionOpinion(
            @PathVariable String actionId, @Valid @RequestBody OpinionRequest request) {
        String opinionId = Commands.newId();
        commands.send(new GiveActionOpinion(actionId, opinionId, request.body(), request.text(), request.givenOn()));
        return Map.of("opinionId", opinionId);
    }

    @PostMapping("/api/actions/{actionId}/consent-round")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> openConsentRound(
            @PathVariable String actionId, @Valid @RequestBody ConsentRoundRequest request) {
        String roundId = Commands.newId();
        commands.send(new OpenConsentRound(actionId, roundId, request.participants()));
        return Map.of("roundId", roundId);
    }

    @PostMapping("/api/actions/{actionId}/consent-round/clarifications")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> requestClarification(
            @PathVariable String actionId, @Valid @RequestBody ClarificationRequest request) {
        String clarificationId = Commands.newId();
        commands.send(new RequestClarification(actionId, clarificationId, request.askedBy(), request.question()));
        return Map.of("clarificationId", clarificationId);
    }

    @PostMapping("/api/actions/{actionId}/consent-round/clarifications/{clarificationId}/answer")
    public Map<String, String> answerClarification(
            @PathVariable String actionId,
            @PathVariable String clarificationId,
            @Valid @RequestBody AnswerRequest request) {
        commands.send(new AnswerClarification(actionId, clarificationId, request.answer()));
        return Map.of("clarificationId", clarificationId);
    }

    @PostMapping("/api/actions/{actionId}/consent-round/improvements")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> proposeImprovement(
            @PathVariable String actionId, @Valid @RequestBody ImprovementRequest request) {
        String improvementId = Commands.newId();
        commands.send(new ProposeImprovement(actionId, improvementId, request.proposedBy(), request.proposal()));
        return Map.of("improvementId", improvementId);
    }

    @PostMapping("/api/actions/{actionId}/consent-round/improvements/{improvementId}/decision")
    public Map<String, String> decideImprovement(
            @PathVariable String actionId,
            @PathVariable String improvementId,
            @Valid @RequestBody ImprovementDecisionRequest request) {
        commands.send(new DecideImprovement(
                actionId, improvementId, request.accepted(), request.reason(), request.title(), request.text()));
        return Map.of("improvementId", improvementId, "decision", request.accepted() ? "ACCEPTED" : "DECLINED");
    }

    @PostMapping("/api/actions/{actionId}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> raiseObjection(
            @PathVariable String actionId, @Valid @RequestBody RaiseObjectionRequest request) {
        String objectionId = Commands.newId();
        commands.send(new RaiseObjection(
                actionId,
                objectionId,
                request.category(),
                request.reason(),
                request.raisedBy(),
                request.competentBody()));
        return Map.of("objectionId", objectionId);
    }

    @PostMapping("/api/actions/{actionId}/objections/{objectionId}/lift")
    public Map<String, String> liftObjection(
            @PathVariable String actionId,
            @PathVariable String objectionId,
            @Valid @RequestBody LiftObjectionRequest request) {
        commands.send(new LiftObjection(actionId, objectionId, request.amendment(), request.title(), request.text()));
        return Map.of("objectionId", objectionId, "status", "LIFTED");
    }

    @PostMapping("/api/actions/{actionId}/objections/{objectionId}/withdraw")
    public Map<String, String> withdrawObjection(
            @PathVariable String actionId,
            @PathVariable String objectionId,
            @RequestBody(required = false) WithdrawObjectionRequest request) {
        commands.send(new WithdrawObjection(actionId, objectionId, request == null ? null : request.reason()));
        return Map.of("objectionId", objectionId, "status", "WITHDRAWN");
    }

    @PostMapping("/api/actions/{actionId}/consent-round/consents")
    public Map<String, Object> giveConsent(@PathVariable String actionId, @Valid @RequestBody ConsentRequest request) {
        commands.send(new GiveConsent(actionId, request.participants()));
        return Map.of("actionId", actionId, "consents", request.participants());
    }

    @PostMapping("/api/actions/{actionId}/consent-round/decision")
    public Map<String, String> takeDecision(@PathVariable String actionId) {
        commands.send(new TakeDecision(actionId));
        return Map.of("actionId", actionId, "status", "FINAL");
    }
}
