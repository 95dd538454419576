package org.conventionledger.query.deliberation;

import java.util.List;
import org.conventionledger.query.platform.ProblemResponses;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A majority-judgment vote: each option's merit profile ({@code tally}: judgments per grade, worst
 * first, as {@code grades} lists them) summed from the judgments cast, and, once closed, the ranking
 * (best first, exact ties sharing a rank) and the options chosen, as the vote's closing recorded them.
 * The ranking is empty while the vote is open.
 */
@RestController
public class JudgmentVoteController {

    public record OptionView(String optionId, String label, List<Long> tally) {}

    public record RankedView(String optionId, String label, int rank, String medianGrade) {}

    public record JudgmentVoteView(
            String voteId,
            String conventionId,
            String purpose,
            String assembly,
            String status,
            List<String> grades,
            int seats,
            List<OptionView> options,
            long judgments,
            List<RankedView> ranking,
            List<String> chosen) {}

    private final MongoTemplate mongo;

    public JudgmentVoteController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/deliberation/votes/{voteId}")
    public JudgmentVoteView vote(@PathVariable String voteId) {
        JudgmentVote v = mongo.findById(voteId, JudgmentVote.class);
        if (v == null) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND,
                    "unknown-vote",
                    "No majority-judgment vote " + voteId + " is known (yet) to the read side.");
        }
        return new JudgmentVoteView(
                v.voteId,
                v.conventionId,
                v.purpose,
                v.assembly,
                v.status.name(),
                v.grades,
                v.seats,
                v.options.stream()
                        .map(o -> new OptionView(o.optionId, o.label, o.tally))
                        .toList(),
                v.judgments,
                v.ranking.stream()
                        .map(r -> new RankedView(r.optionId, r.label, r.rank, r.medianGrade))
                        .toList(),
                v.chosen);
    }
}
