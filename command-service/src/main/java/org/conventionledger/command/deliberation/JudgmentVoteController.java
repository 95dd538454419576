package org.conventionledger.command.deliberation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.command.platform.Limits;
import org.conventionledger.events.Transition;
import org.conventionledger.events.deliberation.VoteOption;
import org.conventionledger.events.deliberation.VotePurpose;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The members' majority-judgment votes: topic choice per assembly (session 1) and prioritisation of
 * the action sheets (session 5). Judgments are recorded by the organisers from the members' ballots
 * or electronic remotes.
 */
@RestController
public class JudgmentVoteController {

    private final Commands commands;

    public JudgmentVoteController(Commands commands) {
        this.commands = commands;
    }

    /**
     * @param candidates for TOPIC_CHOICE: the candidate topics' titles
     * @param actionIds  for PRIORITISATION: the action sheets to grade
     */
    public record OpenVoteRequest(
            @NotNull VotePurpose purpose,
            Transition assembly,
            @NotEmpty @Size(max = Limits.ENTRIES) List<@NotBlank String> grades,
            @Size(max = Limits.ITEMS) List<@NotBlank String> candidates,
            @Size(max = Limits.ITEMS) List<@NotBlank String> actionIds,
            @Min(0) int seats) {}

    public record JudgmentRequest(
            @NotBlank String memberId,
            @NotEmpty @Size(max = Limits.ITEMS) List<@NotNull Integer> grades) {}

    @PostMapping("/api/conventions/{conventionId}/judgment-votes")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> open(@PathVariable String conventionId, @Valid @RequestBody OpenVoteRequest request) {
        String voteId = Commands.newId();
        List<VoteOption> options = request.purpose() == VotePurpose.TOPIC_CHOICE
                ? (request.candidates() == null ? List.<String>of() : request.candidates())
                        .stream()
                                .map(title -> new VoteOption(Commands.newId(), title))
                                .toList()
                : (request.actionIds() == null ? List.<String>of() : request.actionIds())
                        .stream().map(id -> new VoteOption(id, id)).toList();
        commands.send(new OpenJudgmentVote(
                conventionId,
                voteId,
                request.purpose(),
                request.assembly(),
                request.grades(),
                options,
                request.seats()));
        return Map.of("voteId", voteId, "options", options);
    }

    @PostMapping("/api/conventions/{conventionId}/judgment-votes/{voteId}/judgments")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> judge(
            @PathVariable String conventionId,
            @PathVariable String voteId,
            @Valid @RequestBody JudgmentRequest request) {
        commands.send(new CastJudgment(conventionId, voteId, request.memberId(), request.grades()));
        return Map.of("voteId", voteId, "memberId", request.memberId());
    }

    @PostMapping("/api/conventions/{conventionId}/judgment-votes/{voteId}/close")
    public Map<String, String> close(@PathVariable String conventionId, @PathVariable String voteId) {
        commands.send(new CloseJudgmentVote(conventionId, voteId));
        return Map.of("voteId", voteId, "status", "CLOSED");
    }
}
