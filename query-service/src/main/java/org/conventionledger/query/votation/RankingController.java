package org.conventionledger.query.votation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.conventionledger.events.Transition;
import org.conventionledger.platform.identity.Role;
import org.conventionledger.query.platform.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A votation's ranking, overall or for one transition: actions by total votes, highest first, with
 * paper and online counts. Equal totals share a rank (1, 2, 2, 4) and are listed by action number.
 *
 * <p>Who sees it follows the votation's {@code VotationRules.resultsVisibleWhileOpen}: anyone once the
 * votation is closed, and anyone while it is scheduled or open if its rules make running results
 * visible; what the public sees of it is the published ranking ({@link RankingPublication}).
 * Otherwise the counts are hidden from the public and the residents: only the organisers, garants and
 * monitoring body (who oversee the count) see them; an anonymous caller gets 401, any other role 403,
 * both {@code application/problem+json} with {@code rule: "results-hidden-while-open"}. Nothing of the
 * votation's counts or turnout leaks in either answer.
 */
@RestController
public class RankingController {

    public record Entry(
            int rank,
            int actionNumber,
            String title,
            String transition,
            String topic,
            long paperVotes,
            long onlineVotes,
            long totalVotes) {}

    public record RankingView(
            String votationId,
            String title,
            String status,
            String transition,
            long paperVotes,
            long onlineVotes,
            long totalVotes,
            long onlineBallots,
            long paperBallots,
            List<Entry> entries) {}

    private final LiveRankings rankings;
    private final RankingPublication publication;

    public RankingController(LiveRankings rankings, RankingPublication publication) {
        this.rankings = rankings;
        this.publication = publication;
    }

    /**
     * The live ranking for staff ({@link RankingView}); for anyone else the published one
     * ({@link PublicFigures.PublicRankingView}): the final ranking once the votation is closed, its
     * latest published checkpoint while it runs with visible results.
     */
    @GetMapping("/api/votations/{votationId}/ranking")
    public Object answer(@PathVariable String votationId, @RequestParam(required = false) Transition transition) {
        Ranking ranking = rankings.get(votationId);
        checkAccess(ranking);
        if (isStaff()) {
            return view(ranking, transition);
        }
        return "CLOSED".equals(ranking.status)
                ? publication.closed(ranking, transition)
                : publication.running(ranking, transition);
    }

    /** The live ranking with every count, to whoever may see it (for the staff's views built on it). */
    public RankingView ranking(String votationId, Transition transition) {
        Ranking ranking = rankings.get(votationId);
        checkAccess(ranking);
        return view(ranking, transition);
    }

    /** The rule named in the problem answered when a votation's running results are hidden. */
    static final String HIDDEN_RULE = "results-hidden-while-open";

    /**
     * Who may read the ranking of this votation (live or as of a past instant, decided on the live
     * document): anyone once it is closed or if its rules show running results, staff otherwise.
     */
    static void checkAccess(Ranking live) {
        if (!"CLOSED".equals(live.status) && !live.resultsVisibleWhileOpen) {
            requireStaff();
        }
    }

    /** The stored (or replayed) count as the API shows it, overall or for one transition. */
    static RankingView view(Ranking ranking, Transition transition) {
        List<Ranking.Count> counts = ranking.counts.stream()
                .filter(c -> transition == null || transition.name().equals(c.transition))
                .sorted(Comparator.comparingLong((Ranking.Count c) -> -(c.paperVotes + c.onlineVotes))
                        .thenComparingInt(c -> c.actionNumber))
                .toList();
        List<Entry> entries = new ArrayList<>();
        long previousTotal = -1;
        int rank = 0;
        for (int i = 0; i < counts.size(); i++) {
            Ranking.Count c = counts.get(i);
            long total = c.paperVotes + c.onlineVotes;
            if (total != previousTotal) {
                rank = i + 1;
                previousTotal = total;
            }
            entries.add(new Entry(
                    rank, c.actionNumber, c.title, c.transition, c.topic, c.paperVotes, c.onlineVotes, total));
        }
        long paper = entries.stream().mapToLong(Entry::paperVotes).sum();
        long online = entries.stream().mapToLong(Entry::onlineVotes).sum();
        return new RankingView(
                ranking.votationId,
                ranking.title,
                ranking.status,
                transition == null ? null : transition.name(),
                paper,
                online,
                paper + online,
                ranking.onlineBallots,
                ranking.paperBallots,
                entries);
    }

    /** Whether the caller is an organiser, a garant or the monitoring body. */
    static boolean isStaff() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null
                && !(auth instanceof AnonymousAuthenticationToken)
                && auth.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.ORGANISER)
                                || a.getAuthority().equals("ROLE_" + Role.GARANT)
                                || a.getAuthority().equals("ROLE_" + Role.MONITOR));
    }

    private static void requireStaff() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken) {
            throw hidden(
                    HttpStatus.UNAUTHORIZED,
                    "unauthenticated",
                    "The running results of this votation are hidden from the public until it closes: sign in.");
        }
        if (!isStaff()) {
            throw hidden(
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "The running results of this votation are hidden until"
                            + " it closes: until then they are for organisers, garants and the monitoring body.");
        }
    }

    private static ErrorResponseException hidden(HttpStatus status, String code, String detail) {
        ErrorResponseException error = ProblemResponses.error(status, code, detail);
        error.getBody().setProperty("rule", HIDDEN_RULE);
        return error;
    }
}
