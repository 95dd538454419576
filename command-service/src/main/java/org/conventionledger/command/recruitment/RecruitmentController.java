package org.conventionledger.command.recruitment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.events.Transition;
import org.conventionledger.events.recruitment.Answer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Invitations, answers and seating of members. */
@RestController
@RequestMapping("/api/conventions/{conventionId}")
public class RecruitmentController {

    private final Commands commands;

    public RecruitmentController(Commands commands) {
        this.commands = commands;
    }

    public record InviteeRequest(@NotBlank @Size(max = 64) String invitationId,
                                 @NotBlank @Size(max = 128) String residentRef,
                                 @NotBlank String sourceList) {
    }

    public record SendInvitationsRequest(@NotNull LocalDate sentOn,
                                         @NotEmpty @Size(max = 10_000) List<@Valid @NotNull InviteeRequest> invitees) {
    }

    public record AnswerRequest(@NotNull Answer answer, @NotNull LocalDate answeredOn) {
    }

    public record SeatMemberRequest(@NotBlank String invitationId,
                                    @NotNull Transition assembly,
                                    @NotBlank String contractVersion,
                                    @NotNull LocalDate seatedOn) {
    }

    @PostMapping("/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Integer> sendInvitations(@PathVariable String conventionId,
                                                @Valid @RequestBody SendInvitationsRequest request) {
        var invitees = request.invitees().stream()
                .map(i -> new SendInvitations.Invitee(i.invitationId(), i.residentRef(), i.sourceList()))
                .toList();
        commands.send(new SendInvitations(conventionId, invitees, request.sentOn()));
        return Map.of("invitationsSent", invitees.size());
    }

    @PostMapping("/invitations/{invitationId}/answer")
    public Map<String, String> answer(@PathVariable String conventionId, @PathVariable String invitationId,
                                      @Valid @RequestBody AnswerRequest request) {
        commands.send(new RecordInvitationAnswer(conventionId, invitationId, request.answer(), request.answeredOn()));
        return Map.of("invitationId", invitationId, "answer", request.answer().name());
    }

    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> seat(@PathVariable String conventionId, @Valid @RequestBody SeatMemberRequest request) {
        String memberId = Commands.newId();
        commands.send(new SeatMember(conventionId, memberId, request.invitationId(), request.assembly(),
                request.contractVersion(), request.seatedOn()));
        return Map.of("memberId", memberId);
    }
}
