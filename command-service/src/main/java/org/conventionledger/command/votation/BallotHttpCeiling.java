package org.conventionledger.command.votation;

import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's HTTP ceiling (docs/benchmark.md): a ballot request authenticated, authorised, read and
 * checked exactly as {@code POST /api/votations/{id}/ballots} does it (body bounds, the voter's reference
 * made canonical, who may send facts), then dropped: nothing is appended, no pseudonym is computed and no
 * state is read, so the answer depends on the request alone and tells nothing about a votation, a voter's
 * eligibility or whether they voted. It exists only when {@code ledger.benchmark.http-ceiling=true}, which
 * the benchmark sets for its own services; otherwise the path answers 404.
 */
@RestController
@ConditionalOnProperty(name = "ledger.benchmark.http-ceiling", havingValue = "true")
public class BallotHttpCeiling {

    public static final String PATH = "/api/votations/{votationId}/ballots:http-ceiling";

    private final VoterClaims claims;

    public BallotHttpCeiling(VoterClaims claims) {
        this.claims = claims;
    }

    @PostMapping(PATH)
    public Map<String, Object> parse(
            @PathVariable String votationId, @Valid @RequestBody VotationController.BallotRequest request) {
        boolean platform = VotationController.isPlatform();
        VotationController.voter(platform, request.voterRef(), claims);
        VotationController.facts(platform, request, claims);
        return Map.of("appended", false);
    }
}
