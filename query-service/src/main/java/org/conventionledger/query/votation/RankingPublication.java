package org.conventionledger.query.votation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.conventionledger.events.Transition;
import org.conventionledger.platform.identity.Role;
import org.conventionledger.query.platform.AsOfView;
import org.conventionledger.query.platform.ProblemResponses;
import org.conventionledger.query.votation.PublicFigures.PublicRankingView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * What the public (anonymous callers and every role but the garants and the monitoring body) may see of
 * a votation's counts, and when. The public gets a votation's ranking at its close and at the published
 * checkpoints ({@link Checkpoints}: each day's end in {@code ledger.publication.zone}, default
 * Europe/Paris), restricted by {@link PublicFigures} ({@code ledger.publication.minimum-ballots},
 * default 10), never as of a log position or an arbitrary instant. Finer "as of" views are for the
 * garants and the monitoring body, who oversee the count.
 */
@Component
public class RankingPublication {

    /** The rule named when a view is refused because it is not a published one. */
    static final String CHECKPOINTS_RULE = "published-checkpoints-only";
    /** The rule named when a checkpoint is not published because too few ballots would stand out. */
    static final String MINIMUM_RULE = "minimum-ballots";

    private final RankingCheckpoints checkpoints;
    private final Checkpoints days;
    private final int minimum;
    private final Clock clock;

    @Autowired
    public RankingPublication(
            RankingCheckpoints checkpoints,
            @Value("${ledger.publication.zone:Europe/Paris}") ZoneId zone,
            @Value("${ledger.publication.minimum-ballots:10}") int minimum) {
        this(checkpoints, zone, minimum, Clock.systemUTC());
    }

    RankingPublication(RankingCheckpoints checkpoints, ZoneId zone, int minimum, Clock clock) {
        this.checkpoints = checkpoints;
        this.days = new Checkpoints(zone);
        this.minimum = minimum;
        this.clock = clock;
    }

    /** Whether the caller may see finer views: a garant or the monitoring body. */
    static boolean oversees() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null
                && !(auth instanceof AnonymousAuthenticationToken)
                && auth.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.GARANT)
                                || a.getAuthority().equals("ROLE_" + Role.MONITOR));
    }

    /** The refusal of a view the caller may not have: 401 for an anonymous caller, 403 otherwise. */
    static ErrorResponseException refused(String rule, String detail) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = auth == null || auth instanceof AnonymousAuthenticationToken;
        ErrorResponseException error = anonymous
                ? ProblemResponses.error(HttpStatus.UNAUTHORIZED, "unauthenticated", detail)
                : ProblemResponses.error(HttpStatus.FORBIDDEN, "forbidden", detail);
        error.getBody().setProperty("rule", rule);
        return error;
    }

    /** The final ranking of a closed votation as the public sees it. */
    PublicRankingView closed(Ranking live, Transition transition) {
        return PublicFigures.restrict(RankingController.view(live, transition), live, minimum);
    }

    /**
     * The ranking of a votation still running (with running results made public by its rules) as the
     * public sees it: as of its latest published checkpoint (the latest checkpoint if its figures are
     * published, else the last day whose figures are); a 404 {@code no-published-checkpoint} if none is
     * published yet.
     */
    AsOfView<PublicRankingView> running(Ranking live, Transition transition) {
        Instant latest = days.latest(clock.instant());
        RankingCheckpoints.Series series = checkpoints.series(live.votationId, latest, days);
        Map<Instant, Boolean> published = RankingCheckpoints.published(series, null, minimum);
        for (int i = series.checkpoints().size() - 1; i >= 0; i--) {
            RankingCheckpoints.Checkpoint checkpoint = series.checkpoints().get(i);
            if (published.get(checkpoint.at())) {
                // the figures hold until the next day with events: as of the latest checkpoint if none came
                boolean last = i == series.checkpoints().size() - 1;
                return view(last ? RankingCheckpoints.at(series, latest) : checkpoint, series, transition);
            }
        }
        throw ProblemResponses.error(
                HttpStatus.NOT_FOUND,
                "no-published-checkpoint",
                "No figures of votation " + live.votationId + " are published yet: they are at the end of each day"
                        + " with at least " + minimum + " new ballots, and at the close.");
    }

    /** The ranking as of a checkpoint the public asked for, if it is published. */
    AsOfView<PublicRankingView> checkpoint(Ranking live, Instant at, Transition transition) {
        if (!days.isCheckpoint(at)) {
            throw refused(
                    CHECKPOINTS_RULE,
                    "The public sees a votation's ranking at its close and at the end of each"
                            + " day in " + days.zone() + " (asOf=" + days.latest(clock.instant()) + " for the latest);"
                            + " other \"as of\" views are for the garants and the monitoring body.");
        }
        if (at.isAfter(clock.instant())) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND, "checkpoint-not-reached", "The checkpoint " + at + " is still to come.");
        }
        RankingCheckpoints.Series series = checkpoints.series(live.votationId, at, days);
        RankingCheckpoints.Checkpoint checkpoint = RankingCheckpoints.at(series, at);
        if (checkpoint == null || checkpoint.ranking() == null) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND,
                    "unknown-votation",
                    "Votation " + live.votationId + " was not scheduled yet as of " + at + ".");
        }
        Ranking closed = "CLOSED".equals(live.status) ? live : null;
        if (!RankingCheckpoints.published(series, at, closed, minimum)) {
            throw refused(
                    MINIMUM_RULE,
                    "The figures as of " + at + " are not published: fewer than " + minimum
                            + " ballots were added since the checkpoint before, or until the close, so they would tell"
                            + " too much of single ballots.");
        }
        return view(checkpoint, series, transition);
    }

    private AsOfView<PublicRankingView> view(
            RankingCheckpoints.Checkpoint checkpoint, RankingCheckpoints.Series series, Transition transition) {
        Ranking ranking = checkpoint.ranking();
        PublicRankingView view = PublicFigures.restrict(RankingController.view(ranking, transition), ranking, minimum);
        return new AsOfView<>(
                view,
                checkpoint.at(),
                null,
                checkpoint.lastPosition(),
                series.eventsRead(),
                checkpoint.eventsApplied());
    }
}
