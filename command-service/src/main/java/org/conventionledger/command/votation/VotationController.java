package org.conventionledger.command.votation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.conventionledger.command.platform.Actor;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.events.identity.Role;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.votation.ActionVotes;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The votation: scheduling, opening, paper tallies, online ballots, closing. */
@RestController
public class VotationController {

    private final Commands commands;
    private final VoterPseudonyms pseudonyms;

    public VotationController(Commands commands, VoterPseudonyms pseudonyms) {
        this.commands = commands;
        this.pseudonyms = pseudonyms;
    }

    public record ScheduleVotationRequest(@NotBlank String title,
                                          @NotNull Instant opensAt,
                                          @NotNull Instant closesAt,
                                          @NotEmpty List<@NotBlank String> actionIds) {
    }

    public record InstantRequest(Instant at) {
    }

    public record PaperTallyRequest(@NotBlank @Size(max = 64) String deskId,
                                    @NotBlank String deskName,
                                    @NotNull Instant countedAt,
                                    @NotEmpty List<@NotNull ActionVotes> votes) {
    }

    /** @param voterRef the platform's reference of the voter; absent when voters sign in themselves */
    public record BallotRequest(@Size(max = 256) String voterRef, @NotEmpty List<@NotNull Integer> choices) {
    }

    @PostMapping("/api/conventions/{conventionId}/votations")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> schedule(@PathVariable String conventionId,
                                        @Valid @RequestBody ScheduleVotationRequest request) {
        String votationId = Commands.newId();
        commands.send(new ScheduleVotation(votationId, conventionId, request.title(), request.opensAt(),
                request.closesAt(), request.actionIds()));
        return Map.of("votationId", votationId);
    }

    @PostMapping("/api/votations/{votationId}/open")
    public Map<String, String> open(@PathVariable String votationId, @RequestBody(required = false) InstantRequest request) {
        commands.send(new OpenVotation(votationId, at(request)));
        return Map.of("votationId", votationId, "status", VotationStatus.OPEN.name());
    }

    @PostMapping("/api/votations/{votationId}/close")
    public Map<String, String> close(@PathVariable String votationId, @RequestBody(required = false) InstantRequest request) {
        commands.send(new CloseVotation(votationId, at(request)));
        return Map.of("votationId", votationId, "status", VotationStatus.CLOSED.name());
    }

    @PostMapping("/api/votations/{votationId}/paper-tallies")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> recordPaperTally(@PathVariable String votationId,
                                                @Valid @RequestBody PaperTallyRequest request) {
        commands.send(new RecordPaperTally(votationId, request.deskId(), request.deskName(), request.countedAt(),
                request.votes()));
        return Map.of("votationId", votationId, "deskId", request.deskId());
    }

    @PostMapping("/api/votations/{votationId}/ballots")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> cast(@PathVariable String votationId, @Valid @RequestBody BallotRequest request) {
        String pseudonym = pseudonyms.pseudonym(votationId, voterRef(request));
        String ballotId = "ballot-" + pseudonym;
        commands.send(new CastOnlineBallot(ballotId, votationId, pseudonym, request.choices()));
        return Map.of("ballotId", ballotId);
    }

    /** A voter votes as themselves; only the voting platform names the voter it relays. */
    private static String voterRef(BallotRequest request) {
        Actor actor = Actor.current();
        boolean platform = actor.role().contains(Role.PLATFORM.name());
        if (platform && (request.voterRef() == null || request.voterRef().isBlank())) {
            throw RuleViolation.unprocessable("voter-ref-required",
                    "The voting platform names the voter it relays in 'voterRef'.");
        }
        if (!platform && request.voterRef() != null) {
            throw RuleViolation.unprocessable("voter-ref-not-allowed",
                    "A voter votes as themselves: 'voterRef' is set by the voting platform only.");
        }
        return platform ? request.voterRef() : actor.id();
    }

    private static Instant at(InstantRequest request) {
        return request != null && request.at() != null ? request.at() : Instant.now();
    }
}
