package org.conventionledger.command.consultation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.conventionledger.command.platform.Actor;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.command.votation.VoterClaims;
import org.conventionledger.command.votation.VoterReference;
import org.conventionledger.events.consultation.Stance;
import org.conventionledger.platform.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mid-term digital consultation: organisers open and close calls for proposals and moderate;
 * residents (role {@code VOTER}, as themselves) or the consultation platform (role {@code PLATFORM},
 * naming the resident in {@code voterRef}) submit proposals, vote and argue. Residents are keyed
 * pseudonyms in the log ({@link ResidentPseudonyms}); the instants the rules check are the service's.
 */
@RestController
public class ConsultationController {

    private final Commands commands;
    private final ResidentPseudonyms pseudonyms;
    private final ConsultationRegister register;
    private final VoterClaims claims;

    public ConsultationController(
            Commands commands, ResidentPseudonyms pseudonyms, ConsultationRegister register, VoterClaims claims) {
        this.commands = commands;
        this.pseudonyms = pseudonyms;
        this.register = register;
        this.claims = claims;
    }

    /** @param criteria optional: the topic's latest CAC sheet's criteria when absent or empty */
    public record OpenCallRequest(
            @NotBlank @Size(max = 64) String topicId,
            @NotBlank @Size(max = 300) String title,
            @Size(max = 20_000) String text,
            @Size(max = 100) List<@NotBlank @Size(max = 2_000) String> criteria,
            @NotNull Instant opensAt,
            @NotNull Instant closesAt) {}

    /** @param voterRef the platform's reference of the resident; absent when residents sign in themselves */
    public record ProposalRequest(
            @Size(max = 256) String voterRef,
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 10_000) String text) {}

    public record VoteRequest(
            @Size(max = 256) String voterRef, @NotNull Stance stance) {}

    public record ArgumentRequest(
            @Size(max = 256) String voterRef,
            @NotBlank @Size(max = 4_000) String text) {}

    public record HideRequest(@NotBlank @Size(max = 2_000) String reason) {}

    @PostMapping("/api/conventions/{conventionId}/consultation/calls")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> open(@PathVariable String conventionId, @Valid @RequestBody OpenCallRequest request) {
        String callId = Commands.newId();
        commands.send(new OpenCallForProposals(
                callId,
                conventionId,
                request.topicId(),
                request.title(),
                request.text(),
                request.criteria(),
                request.opensAt(),
                request.closesAt(),
                Instant.now()));
        return Map.of("callId", callId);
    }

    @PostMapping("/api/consultation/calls/{callId}/close")
    public Map<String, String> close(@PathVariable String callId) {
        commands.send(new CloseCallForProposals(callId, Instant.now()));
        return Map.of("callId", callId, "status", "CLOSED");
    }

    @PostMapping("/api/consultation/calls/{callId}/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> submit(@PathVariable String callId, @Valid @RequestBody ProposalRequest request) {
        String author = resident(callId, request.voterRef());
        String proposalId = Commands.newId();
        commands.send(new SubmitProposal(proposalId, callId, author, request.title(), request.text(), Instant.now()));
        return Map.of("proposalId", proposalId);
    }

    @PostMapping("/api/consultation/calls/{callId}/proposals/{proposalId}/votes")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> vote(
            @PathVariable String callId, @PathVariable String proposalId, @Valid @RequestBody VoteRequest request) {
        String voter = resident(callId, request.voterRef());
        commands.send(new VoteOnProposal(
                ConsultationVote.idOf(callId, proposalId, voter),
                callId,
                proposalId,
                voter,
                request.stance(),
                Instant.now()));
        return Map.of("proposalId", proposalId, "stance", request.stance().name());
    }

    @PostMapping("/api/consultation/calls/{callId}/proposals/{proposalId}/arguments")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> argue(
            @PathVariable String callId, @PathVariable String proposalId, @Valid @RequestBody ArgumentRequest request) {
        String voter = resident(callId, request.voterRef());
        String argumentId = Commands.newId();
        commands.send(new PostArgument(
                ConsultationVote.idOf(callId, proposalId, voter),
                callId,
                proposalId,
                voter,
                argumentId,
                request.text(),
                Instant.now()));
        return Map.of("argumentId", argumentId);
    }

    @PostMapping("/api/consultation/calls/{callId}/proposals/{proposalId}/hide")
    public Map<String, Object> hideProposal(
            @PathVariable String callId, @PathVariable String proposalId, @Valid @RequestBody HideRequest request) {
        commands.send(new HideProposal(proposalId, callId, request.reason()));
        return Map.of("proposalId", proposalId, "hidden", true);
    }

    @PostMapping("/api/consultation/calls/{callId}/arguments/{argumentId}/hide")
    public Map<String, Object> hideArgument(
            @PathVariable String callId, @PathVariable String argumentId, @Valid @RequestBody HideRequest request) {
        ConsultationRegister.Argument argument = register.argument(argumentId)
                .filter(a -> a.callId().equals(callId))
                .orElseThrow(() -> RuleViolation.notFound(
                        "unknown-argument", "The call " + callId + " has no argument " + argumentId + "."));
        commands.send(new HideArgument(argument.voteId(), argumentId, request.reason()));
        return Map.of("argumentId", argumentId, "hidden", true);
    }

    /**
     * The resident's pseudonym in the call's convention, from their canonical reference. A resident acts as
     * themselves (their identity token's reference); only the consultation platform names the resident it
     * relays.
     */
    private String resident(String callId, String voterRef) {
        String conventionId = register.call(callId)
                .map(ConsultationRegister.Call::conventionId)
                .orElseThrow(() -> RuleViolation.notFound("unknown-call", "No call for proposals " + callId + "."));
        boolean platform = Actor.current().hasRole(Role.PLATFORM);
        if (platform && (voterRef == null || voterRef.isBlank())) {
            throw RuleViolation.unprocessable(
                    "voter-ref-required", "The consultation platform names the resident it relays in 'voterRef'.");
        }
        if (!platform && voterRef != null) {
            throw RuleViolation.unprocessable(
                    "voter-ref-not-allowed",
                    "A resident acts as themselves: 'voterRef' is set by the consultation platform only.");
        }
        return pseudonyms.of(conventionId, platform ? VoterReference.of(voterRef) : claims.reference());
    }
}
