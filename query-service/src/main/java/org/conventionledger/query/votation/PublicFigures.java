package org.conventionledger.query.votation;

import java.util.ArrayList;
import java.util.List;
import org.conventionledger.query.votation.RankingController.RankingView;

/**
 * The rule that keeps published figures from isolating a ballot: no figure the public sees is computed
 * over fewer than {@code minimum} ballots (default 10), directly or as the difference of two published
 * figures. Pure: rankings in, decisions and restricted views out.
 *
 * <ul>
 *   <li>A ranking counted over fewer ballots than the minimum is published without any count.</li>
 *   <li>A channel (online, paper) holding fewer ballots than the minimum (but some) is not shown on its
 *       own: only the totals per action are ("a desk with 3 voters is shown merged").</li>
 *   <li>A checkpoint is published only if at least the minimum of ballots were added since the one
 *       before it (a day that added none shows the same figures and is published if that one was),
 *       and, once the votation is closed, only if at least the minimum were added after it until the
 *       close: any two published figures of a votation then differ by the minimum at least.</li>
 * </ul>
 *
 * <p>A desk's tally gives votes per action, not its number of ballots. The ballots behind paper counts
 * are taken at their lowest possible number, the highest count any action has (a ballot gives an action
 * one vote at most), so the rule errs towards withholding. Online ballots and paper ballots recorded
 * one by one are counted exactly.
 */
public final class PublicFigures {

    /** Why counts are missing from a published view. */
    public enum Withheld {
        /** Fewer ballots than the minimum in all: no count is shown. */
        ALL,
        /** A channel holds fewer ballots than the minimum: per-channel counts are not shown. */
        CHANNELS
    }

    public record Entry(
            Integer rank,
            int actionNumber,
            String title,
            String transition,
            String topic,
            Long paperVotes,
            Long onlineVotes,
            Long totalVotes) {}

    /**
     * A ranking as the public sees it: the live view's fields, with the counts the rule withholds left
     * null and {@code withheld} saying which; {@code minimumBallots} is the rule's minimum.
     */
    public record PublicRankingView(
            String votationId,
            String title,
            String status,
            String transition,
            Long paperVotes,
            Long onlineVotes,
            Long totalVotes,
            Long onlineBallots,
            Long paperBallots,
            Withheld withheld,
            int minimumBallots,
            List<Entry> entries) {}

    private PublicFigures() {}

    /** The fewest online ballots behind the ranking's online counts (exact). */
    static long onlineBallots(Ranking r) {
        return r.onlineBallots;
    }

    /** The fewest paper ballots that can be behind the ranking's paper counts. */
    static long paperBallots(Ranking r) {
        long most = r.counts.stream().mapToLong(c -> c.paperVotes).max().orElse(0);
        return Math.max(r.paperBallots, most);
    }

    /** The fewest ballots that can have been added from {@code before} to {@code after}. */
    static long ballotsBetween(Ranking before, Ranking after) {
        long online = after.onlineBallots - before.onlineBallots;
        long paper = after.paperBallots - before.paperBallots;
        for (Ranking.Count count : after.counts) {
            long earlier = before.counts.stream()
                    .filter(c -> c.actionNumber == count.actionNumber)
                    .mapToLong(c -> c.paperVotes)
                    .findFirst()
                    .orElse(0);
            paper = Math.max(paper, count.paperVotes - earlier);
        }
        return online + paper;
    }

    /** Whether two rankings show the same figures. */
    static boolean sameCounts(Ranking a, Ranking b) {
        if (a.onlineBallots != b.onlineBallots
                || a.paperBallots != b.paperBallots
                || a.counts.size() != b.counts.size()) {
            return false;
        }
        for (int i = 0; i < a.counts.size(); i++) {
            Ranking.Count x = a.counts.get(i);
            Ranking.Count y = b.counts.get(i);
            if (x.actionNumber != y.actionNumber || x.paperVotes != y.paperVotes || x.onlineVotes != y.onlineVotes) {
                return false;
            }
        }
        return true;
    }

    /**
     * Which of a votation's consecutive daily checkpoints (oldest first, each a ranking as of it; null
     * before the votation was scheduled) may be published; {@code closed} is the final ranking if the
     * votation is closed, null while it runs.
     */
    static List<Boolean> published(List<Ranking> checkpoints, Ranking closed, int minimum) {
        List<Boolean> published = new ArrayList<>();
        Ranking previous = null;
        // nothing published before the first checkpoint: a day without ballots before it stays withheld
        boolean previousPublished = false;
        for (Ranking at : checkpoints) {
            boolean publish;
            if (at == null || at.status == null) {
                publish = false;
            } else if ("CLOSED".equals(at.status)) {
                publish = true;
            } else {
                Ranking before = previous == null || previous.status == null ? at.emptyCopy() : previous;
                long added = ballotsBetween(before, at);
                publish = added >= minimum || added == 0 && sameCounts(before, at) && previousPublished;
                if (closed != null && ballotsBetween(at, closed) < minimum) {
                    publish = false;
                }
            }
            published.add(publish);
            previous = at;
            previousPublished = publish;
        }
        return published;
    }

    /** The view with what the rule withholds left out. */
    static PublicRankingView restrict(RankingView view, Ranking counted, int minimum) {
        long online = onlineBallots(counted);
        long paper = paperBallots(counted);
        Withheld withheld = online + paper < minimum
                ? Withheld.ALL
                : online > 0 && online < minimum || paper > 0 && paper < minimum ? Withheld.CHANNELS : null;
        List<Entry> entries = new ArrayList<>();
        List<RankingController.Entry> shown = withheld == Withheld.ALL
                ? view.entries().stream()
                        .sorted((a, b) -> Integer.compare(a.actionNumber(), b.actionNumber()))
                        .toList()
                : view.entries();
        for (RankingController.Entry e : shown) {
            boolean counts = withheld != Withheld.ALL;
            boolean channels = withheld == null;
            entries.add(new Entry(
                    counts ? e.rank() : null,
                    e.actionNumber(),
                    e.title(),
                    e.transition(),
                    e.topic(),
                    channels ? e.paperVotes() : null,
                    channels ? e.onlineVotes() : null,
                    counts ? e.totalVotes() : null));
        }
        boolean counts = withheld != Withheld.ALL;
        boolean channels = withheld == null;
        return new PublicRankingView(
                view.votationId(),
                view.title(),
                view.status(),
                view.transition(),
                channels ? view.paperVotes() : null,
                channels ? view.onlineVotes() : null,
                counts ? view.totalVotes() : null,
                channels ? view.onlineBallots() : null,
                channels ? view.paperBallots() : null,
                withheld,
                minimum,
                entries);
    }
}
