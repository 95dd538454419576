package org.conventionledger.command.votation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.conventionledger.command.platform.Actor;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.command.platform.Limits;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.command.platform.SecretVote;
import org.conventionledger.events.votation.ActionVotes;
import org.conventionledger.events.votation.BallotOrder;
import org.conventionledger.events.votation.BallotRule;
import org.conventionledger.platform.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The votation: scheduling under rules, opening (with the display seed), online ballots and each
 * voter's display order, paper counts entered twice per desk, paper voters checked off, closing.
 */
@RestController
public class VotationController {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final Commands commands;
    private final VoterPseudonyms pseudonyms;
    private final VotationRegister register;
    private final VoterClaims claims;
    private final BallotIntake intake;

    public VotationController(
            Commands commands,
            VoterPseudonyms pseudonyms,
            VotationRegister register,
            VoterClaims claims,
            BallotIntake intake) {
        this.commands = commands;
        this.pseudonyms = pseudonyms;
        this.register = register;
        this.claims = claims;
        this.intake = intake;
    }

    /**
     * @param eligibility             who may vote; left out, or any field of it left out: residents aged 16 or
     *                                more on the closing day, no nationality condition
     * @param ballotRule              SINGLE, UP_TO_N (with {@code maxChoices}) or APPROVAL (the default)
     * @param resultsVisibleWhileOpen whether the public may see running results (default false)
     */
    public record ScheduleVotationRequest(
            @NotBlank String title,
            @NotNull Instant opensAt,
            @NotNull Instant closesAt,
            @NotEmpty @Size(max = Limits.ITEMS) List<@NotBlank @Size(max = 64) String> actionIds,
            @Valid EligibilityRequest eligibility,
            BallotRule ballotRule,
            @Positive Integer maxChoices,
            Boolean resultsVisibleWhileOpen) {}

    /**
     * @param minimumAge        0 for no age condition (default 16)
     * @param ageOn             the day ages are reckoned on (default: the UTC date of {@code closesAt})
     * @param residenceRequired false for no residence condition (default true)
     * @param nationalities     ISO 3166 codes; empty or left out for no nationality condition
     */
    public record EligibilityRequest(
            @PositiveOrZero @Max(120) Integer minimumAge,
            LocalDate ageOn,
            Boolean residenceRequired,
            @Size(max = Limits.ITEMS) List<@NotBlank @Size(max = 3) String> nationalities) {}

    public record InstantRequest(Instant at) {}

    /** @param displaySeed the seed of the voters' display orders; drawn by the server when left out */
    public record OpenRequest(
            Instant at, @Size(min = 1, max = 256) String displaySeed) {}

    public record PaperTallyRequest(
            @NotBlank @Size(max = 64) String deskId,
            @NotBlank String deskName,
            @NotNull Instant countedAt,
            @NotEmpty @Size(max = Limits.ITEMS) List<@NotNull ActionVotes> votes) {}

    /** The second entry: the same desk's figures, entered again by another organiser. */
    public record ConfirmationRequest(
            @NotEmpty @Size(max = Limits.ITEMS) List<@NotNull ActionVotes> votes) {}

    /** @param countedAt when the desk (re)counted; left out, the pending entry's */
    public record CorrectionRequest(
            Instant countedAt,
            @NotEmpty @Size(max = Limits.ITEMS) List<@NotNull ActionVotes> votes,
            @NotBlank @Size(max = 2000) String reason) {}

    /**
     * @param voterRef   the voter's canonical reference ({@link VoterReference}), the same the identity provider
     *                   and the voting platform use for them (so that the check-off and an online ballot meet
     *                   in one stream)
     * @param voterFacts what the desk attests from the voter's papers, for the eligibility check (never logged)
     * @param choices    left out for a check-off (the ballot is in the desk's tally); given for a paper
     *                   ballot recorded one by one
     */
    public record PaperVoterRequest(
            @NotBlank @Size(max = 64) String deskId,
            @NotBlank @Size(max = 256) String voterRef,
            VoterFacts voterFacts,
            @Size(max = Limits.ITEMS) List<@NotNull Integer> choices) {}

    /**
     * @param voterRef   the voter's canonical reference ({@link VoterReference}) as the platform relays it;
     *                   absent when voters sign in themselves
     * @param voterFacts what the voting platform attests about the voter it relays (never logged); a voter
     *                   signing in themselves has theirs from their identity token instead
     */
    public record BallotRequest(
            @Size(max = 256) String voterRef,
            @NotEmpty @Size(max = Limits.ITEMS) List<@NotNull Integer> choices,
            VoterFacts voterFacts) {}

    @PostMapping("/api/conventions/{conventionId}/votations")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> schedule(
            @PathVariable String conventionId, @Valid @RequestBody ScheduleVotationRequest request) {
        String votationId = Commands.newId();
        EligibilityRequest eligibility =
                request.eligibility() != null ? request.eligibility() : new EligibilityRequest(null, null, null, null);
        commands.send(new ScheduleVotation(
                votationId,
                conventionId,
                request.title(),
                request.opensAt(),
                request.closesAt(),
                request.actionIds(),
                new ScheduleVotation.RequestedRules(
                        eligibility.minimumAge(),
                        eligibility.ageOn(),
                        eligibility.residenceRequired(),
                        eligibility.nationalities(),
                        request.ballotRule(),
                        request.maxChoices(),
                        request.resultsVisibleWhileOpen())));
        return Map.of("votationId", votationId);
    }

    @PostMapping("/api/votations/{votationId}/open")
    public Map<String, String> open(
            @PathVariable String votationId, @Valid @RequestBody(required = false) OpenRequest request) {
        String seed = request != null && request.displaySeed() != null ? request.displaySeed() : newSeed();
        commands.send(new OpenVotation(
                votationId, request != null && request.at() != null ? request.at() : Instant.now(), seed));
        return Map.of("votationId", votationId, "status", VotationStatus.OPEN.name());
    }

    @PostMapping("/api/votations/{votationId}/close")
    public Map<String, String> close(
            @PathVariable String votationId, @RequestBody(required = false) InstantRequest request) {
        commands.send(
                new CloseVotation(votationId, request != null && request.at() != null ? request.at() : Instant.now()));
        return Map.of("votationId", votationId, "status", VotationStatus.CLOSED.name());
    }

    /** The first entry of a desk's count (it counts once another organiser confirms it). */
    @PostMapping("/api/votations/{votationId}/paper-tallies")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> recordPaperTally(
            @PathVariable String votationId, @Valid @RequestBody PaperTallyRequest request) {
        String entryId = Commands.newId();
        PaperDesk.Outcome outcome = commands.send(new EnterPaperTally(
                PaperDesk.streamId(votationId, request.deskId()),
                votationId,
                request.deskId(),
                request.deskName(),
                entryId,
                Actor.current().id(),
                request.countedAt(),
                request.votes()));
        return entry(votationId, request.deskId(), entryId, outcome);
    }

    /**
     * The second entry, by another organiser: the same figures confirm the count (200), other figures
     * are recorded as a mismatch that blocks the desk until corrected, and answered 409
     * {@code paper-tally-mismatch} naming the differing actions.
     */
    @PostMapping("/api/votations/{votationId}/paper-tallies/{deskId}/confirmation")
    public ResponseEntity<Object> confirmPaperTally(
            @PathVariable String votationId,
            @PathVariable String deskId,
            @Valid @RequestBody ConfirmationRequest request) {
        String entryId = Commands.newId();
        PaperDesk.Outcome outcome = commands.send(new ConfirmPaperTally(
                PaperDesk.streamId(votationId, deskId),
                votationId,
                deskId,
                entryId,
                Actor.current().id(),
                request.votes()));
        if (outcome.state() == PaperDeskState.MISMATCHED) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONFLICT,
                    "The figures differ from the"
                            + " pending entry's for actions " + outcome.differingActions()
                            + ". Both entries are recorded; desk "
                            + deskId + " takes no confirmation until corrected figures are entered.");
            problem.setType(URI.create("https://convention-ledger.org/problems/paper-tally-mismatch"));
            problem.setProperty("code", "paper-tally-mismatch");
            problem.setProperty("entryId", entryId);
            problem.setProperty("differingActions", outcome.differingActions());
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.ok(entry(votationId, deskId, entryId, outcome));
    }

    /** Corrected figures for a pending or mismatched count; they wait for a confirmation by someone else. */
    @PostMapping("/api/votations/{votationId}/paper-tallies/{deskId}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> correctPaperTally(
            @PathVariable String votationId,
            @PathVariable String deskId,
            @Valid @RequestBody CorrectionRequest request) {
        String entryId = Commands.newId();
        PaperDesk.Outcome outcome = commands.send(new CorrectPaperTally(
                PaperDesk.streamId(votationId, deskId),
                votationId,
                deskId,
                entryId,
                Actor.current().id(),
                request.countedAt(),
                request.votes(),
                request.reason()));
        return entry(votationId, deskId, entryId, outcome);
    }

    /** A desk checks a voter off (or records their paper ballot): the voter's one ballot in this votation. */
    @PostMapping("/api/votations/{votationId}/paper-voters")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> checkOffPaperVoter(
            @PathVariable String votationId, @Valid @RequestBody PaperVoterRequest request)
            throws InterruptedException {
        String pseudonym = pseudonyms.pseudonym(votationId, VoterReference.of(request.voterRef()));
        String ballotId = ballotId(pseudonym);
        CheckOffPaperVoter command = new CheckOffPaperVoter(
                ballotId, votationId, request.deskId(), pseudonym, request.choices(), request.voterFacts());
        record(command);
        return Map.of("ballotId", ballotId, "status", request.choices() == null ? "CHECKED_OFF" : "RECORDED");
    }

    /** An online ballot, recorded with others in the intake's next group (ADR-008). */
    @PostMapping("/api/votations/{votationId}/ballots")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> cast(@PathVariable String votationId, @Valid @RequestBody BallotRequest request)
            throws InterruptedException {
        boolean platform = isPlatform();
        String pseudonym = pseudonyms.pseudonym(votationId, voter(platform, request.voterRef(), claims));
        VoterFacts facts = facts(platform, request, claims);
        String ballotId = ballotId(pseudonym);
        record(new CastOnlineBallot(ballotId, votationId, pseudonym, request.choices(), facts));
        return Map.of("ballotId", ballotId);
    }

    /**
     * The order the caller (a voter, or the platform naming one in {@code voterRef}) is shown the actions
     * in: {@link BallotOrder} over the seed logged at opening and the voter's pseudonym.
     */
    @GetMapping("/api/votations/{votationId}/ballot-order")
    public Map<String, Object> ballotOrder(
            @PathVariable String votationId, @RequestParam(required = false) String voterRef) {
        String pseudonym = pseudonyms.pseudonym(votationId, voter(isPlatform(), voterRef, claims));
        VotationRegister.Entry votation = register.votation(votationId)
                .orElseThrow(() ->
                        RuleViolation.notFound("unknown-votation", "No votation " + votationId + " is scheduled."));
        if (votation.displaySeed() == null) {
            throw RuleViolation.conflict(
                    "votation-not-open",
                    votation.status() == VotationStatus.SCHEDULED
                            ? "The votation is not open yet: its display order is drawn at opening."
                            : "The votation opened without a display seed.");
        }
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("votationId", votationId);
        order.put("actionNumbers", BallotOrder.of(votation.displaySeed(), pseudonym, votation.actionNumbers()));
        return order;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static Map<String, String> entry(
            String votationId, String deskId, String entryId, PaperDesk.Outcome outcome) {
        return Map.of(
                "votationId",
                votationId,
                "deskId",
                deskId,
                "entryId",
                entryId,
                "status",
                outcome.state().name());
    }

    static String ballotId(String pseudonym) {
        return "ballot-" + pseudonym;
    }

    /** Waits for the ballot's group to commit; throws what refused it. */
    private void record(SecretVote ballot) throws InterruptedException {
        List<CompletableFuture<Object>> answers =
                intake.submit(List.of(new BallotIntake.Ballot(ballot, ballot.channel(Actor.current()))));
        BallotAnswers.await(answers.get(0), BallotAnswers.deadline());
    }

    /**
     * The facts a ballot's eligibility is checked on: the platform attests those of the voter it relays, a
     * voter signing in has theirs from their identity token and may not send any.
     */
    static VoterFacts facts(boolean platform, BallotRequest request, VoterClaims claims) {
        if (!platform && request.voterFacts() != null) {
            throw RuleViolation.unprocessable(
                    "voter-facts-not-allowed",
                    "A voter's facts come from their identity"
                            + " token: 'voterFacts' is attested by the voting platform only.");
        }
        return platform ? request.voterFacts() : claims.current();
    }

    static boolean isPlatform() {
        return Actor.current().hasRole(Role.PLATFORM);
    }

    /**
     * The voter's canonical reference: a voter acts as themselves (their identity token's reference); only
     * the voting platform names the voter it relays.
     */
    static VoterReference voter(boolean platform, String voterRef, VoterClaims claims) {
        if (platform && (voterRef == null || voterRef.isBlank())) {
            throw RuleViolation.unprocessable(
                    "voter-ref-required", "The voting platform names the voter it relays in 'voterRef'.");
        }
        if (!platform && voterRef != null) {
            throw RuleViolation.unprocessable(
                    "voter-ref-not-allowed",
                    "A voter votes as themselves: 'voterRef' is set by the voting platform only.");
        }
        return platform ? VoterReference.of(voterRef) : claims.reference();
    }

    private static String newSeed() {
        byte[] seed = new byte[32];
        SEEDS.nextBytes(seed);
        return HexFormat.of().formatHex(seed);
    }
}
