package org.conventionledger.command.votation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.conventionledger.command.platform.Actor;
import org.conventionledger.command.platform.Limits;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.command.platform.SecretVote;
import org.conventionledger.platform.identity.Role;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ballots relayed in batches (ADR-008): the voting platform's online ballots, a paper desk's check-offs and
 * paper ballots, up to {@value #MAX_BATCH} per request, each answered on its own in the response. The batch
 * goes to the intake whole, so its ballots usually share one transaction; each keeps every rule of its
 * single-ballot endpoint, and one refused ballot refuses nothing else.
 */
@RestController
public class BallotBatchController {

    /** The most ballots one batch carries (the body stays under the request limit of 2 MB). */
    public static final int MAX_BATCH = 500;

    /**
     * One ballot of a batch: as the platform relays it (no {@code deskId}) or as a desk keys it in
     * ({@code deskId}; {@code choices} left out for a check-off), with the fields of the single endpoints.
     */
    public record BatchBallot(
            @Size(max = 64) String deskId,
            @Size(max = 256) String voterRef,
            VoterFacts voterFacts,
            @Size(max = Limits.ITEMS) List<@NotNull Integer> choices) {}

    /** A malformed list (missing, empty, too long, a null entry) refuses the whole batch with 400. */
    public record BatchRequest(
            @NotEmpty @Size(max = MAX_BATCH) List<@NotNull BatchBallot> ballots) {}

    private final VoterPseudonyms pseudonyms;
    private final BallotIntake intake;
    private final Validator validator;

    public BallotBatchController(VoterPseudonyms pseudonyms, BallotIntake intake, Validator validator) {
        this.pseudonyms = pseudonyms;
        this.intake = intake;
        this.validator = validator;
    }

    /**
     * 200 with one result per ballot, in the batch's order: {@code status} 201 and the {@code ballotId}
     * (and for a desk {@code recorded}: {@code CHECKED_OFF} or {@code RECORDED}), or the status, {@code code}
     * and {@code detail} of the problem that refused it (nothing written for it).
     */
    @PostMapping("/api/votations/{votationId}/ballots:batch")
    public Map<String, Object> castBatch(@PathVariable String votationId, @Valid @RequestBody BatchRequest request)
            throws InterruptedException {
        Actor caller = Actor.current();
        int size = request.ballots().size();
        List<Object> results = new ArrayList<>(size);
        List<BallotIntake.Ballot> ballots = new ArrayList<>(size);
        List<Integer> positions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            try {
                SecretVote command = command(votationId, request.ballots().get(i), caller);
                ballots.add(new BallotIntake.Ballot(command, command.channel(caller)));
                positions.add(i);
                results.add(null);
            } catch (RuleViolation refused) {
                results.add(refusal(i, refused));
            }
        }
        List<CompletableFuture<Object>> answers = intake.submit(ballots);
        long deadline = BallotAnswers.deadline();
        int accepted = 0;
        for (int k = 0; k < answers.size(); k++) {
            int i = positions.get(k);
            try {
                Object event = BallotAnswers.await(answers.get(k), deadline);
                results.set(i, accepted(i, ballots.get(k), event));
                accepted++;
            } catch (RuntimeException refused) {
                results.set(i, refusal(i, refused));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("votationId", votationId);
        body.put("accepted", accepted);
        body.put("refused", size - accepted);
        body.put("results", results);
        return body;
    }

    /** The ballot's command, or the rule its fields break (checked as the single endpoints check them). */
    private SecretVote command(String votationId, BatchBallot ballot, Actor caller) {
        Set<ConstraintViolation<BatchBallot>> invalid = validator.validate(ballot);
        if (!invalid.isEmpty()) {
            ConstraintViolation<BatchBallot> first = invalid.iterator().next();
            throw RuleViolation.unprocessable(
                    "invalid-fields",
                    "Invalid ballot field: " + first.getPropertyPath() + " " + first.getMessage() + ".");
        }
        boolean paper = ballot.deskId() != null;
        if (paper && !caller.hasRole(Role.ORGANISER)) {
            throw RuleViolation.unprocessable(
                    "desk-not-allowed", "Only a desk's organisers key in paper ballots" + " ('deskId').");
        }
        if (!paper && !caller.hasRole(Role.PLATFORM)) {
            throw RuleViolation.unprocessable("desk-required", "A desk's ballot names its desk in 'deskId'.");
        }
        if (ballot.voterRef() == null || ballot.voterRef().isBlank()) {
            throw RuleViolation.unprocessable("voter-ref-required", "Each ballot names its voter in 'voterRef'.");
        }
        String pseudonym = pseudonyms.pseudonym(votationId, VoterReference.of(ballot.voterRef()));
        String ballotId = VotationController.ballotId(pseudonym);
        if (paper) {
            return new CheckOffPaperVoter(
                    ballotId, votationId, ballot.deskId(), pseudonym, ballot.choices(), ballot.voterFacts());
        }
        return new CastOnlineBallot(ballotId, votationId, pseudonym, ballot.choices(), ballot.voterFacts());
    }

    private static Map<String, Object> accepted(int index, BallotIntake.Ballot ballot, Object event) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("index", index);
        result.put("status", 201);
        result.put("ballotId", ballot.streamId());
        if (ballot.command() instanceof CheckOffPaperVoter paper) {
            result.put("recorded", paper.choices() == null ? "CHECKED_OFF" : "RECORDED");
        }
        return result;
    }

    private static Map<String, Object> refusal(int index, RuntimeException refused) {
        ProblemDetail problem = BallotAnswers.problem(refused);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("index", index);
        result.put("status", problem.getStatus());
        result.put("code", problem.getProperties().get("code"));
        result.put("detail", problem.getDetail());
        return result;
    }
}
