package org.conventionledger.command.deliberation;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.events.Transition;
import org.conventionledger.events.deliberation.ObjectionCategory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Topics, action sheets and the objections of consent rounds. */
@RestController
public class DeliberationController {

    private final Commands commands;

    public DeliberationController(Commands commands) {
        this.commands = commands;
    }

    public record ChooseTopicRequest(@NotNull Transition assembly, @NotBlank String title) {
    }

    public record DraftActionRequest(@Min(1) int number, @NotBlank String topicId, @NotBlank String title, String text) {
    }

    public record RaiseObjectionRequest(@NotNull ObjectionCategory category,
                                        @NotBlank String reason,
                                        @NotBlank String raisedBy,
                                        String competentBody) {
    }

    public record LiftObjectionRequest(@NotBlank String amendment) {
    }

    @PostMapping("/api/conventions/{conventionId}/topics")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> chooseTopic(@PathVariable String conventionId,
                                           @Valid @RequestBody ChooseTopicRequest request) {
        String topicId = Commands.newId();
        commands.send(new ChooseTopic(conventionId, topicId, request.assembly(), request.title()));
        return Map.of("topicId", topicId);
    }

    @PostMapping("/api/conventions/{conventionId}/actions")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> draftAction(@PathVariable String conventionId,
                                           @Valid @RequestBody DraftActionRequest request) {
        String actionId = Commands.newId();
        commands.send(new DraftAction(actionId, conventionId, request.number(), request.topicId(), request.title(),
                request.text()));
        return Map.of("actionId", actionId);
    }

    @PostMapping("/api/actions/{actionId}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> raiseObjection(@PathVariable String actionId,
                                              @Valid @RequestBody RaiseObjectionRequest request) {
        String objectionId = Commands.newId();
        commands.send(new RaiseObjection(actionId, objectionId, request.category(), request.reason(),
                request.raisedBy(), request.competentBody()));
        return Map.of("objectionId", objectionId);
    }

    @PostMapping("/api/actions/{actionId}/objections/{objectionId}/lift")
    public Map<String, String> liftObjection(@PathVariable String actionId, @PathVariable String objectionId,
                                             @Valid @RequestBody LiftObjectionRequest request) {
        commands.send(new LiftObjection(actionId, objectionId, request.amendment()));
        return Map.of("objectionId", objectionId, "status", "LIFTED");
    }

    @PostMapping("/api/actions/{actionId}/finalise")
    public Map<String, String> finalise(@PathVariable String actionId) {
        commands.send(new FinaliseAction(actionId));
        return Map.of("actionId", actionId, "status", "FINAL");
    }
}
