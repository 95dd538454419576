package org.conventionledger.query.votation;

import java.util.ArrayList;
import java.util.List;
import org.conventionledger.query.platform.Absorbing;
import org.conventionledger.query.platform.LogPosition;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** The running count of one votation, per action and channel, as stored. */
@Document("rankings")
public class Ranking implements Absorbing {

    @Id
    String votationId;

    @Version
    Long version;

    LogPosition absorbed;

    String conventionId;
    String title;
    String status;
    /** From the votation's rules; false for a votation scheduled without rules (results hidden while open). */
    boolean resultsVisibleWhileOpen;

    long onlineBallots;
    /** Paper ballots recorded one by one (not those counted in desk tallies). */
    long paperBallots;

    long desksTallied;
    List<Count> counts = new ArrayList<>();

    /** One action's votes so far. */
    public static class Count {
        int actionNumber;
        String actionId;
        String title;
        String transition;
        String topic;
        long paperVotes;
        long onlineVotes;
    }

    static Ranking of(String votationId) {
        Ranking ranking = new Ranking();
        ranking.votationId = votationId;
        return ranking;
    }

    /** The same votation (title, rules, actions, status) with nothing counted. */
    Ranking emptyCopy() {
        Ranking copy = of(votationId);
        copy.conventionId = conventionId;
        copy.title = title;
        copy.status = status;
        copy.resultsVisibleWhileOpen = resultsVisibleWhileOpen;
        for (Count count : counts) {
            Count empty = new Count();
            empty.actionNumber = count.actionNumber;
            empty.actionId = count.actionId;
            empty.title = count.title;
            empty.transition = count.transition;
            empty.topic = count.topic;
            copy.counts.add(empty);
        }
        return copy;
    }

    /** A copy of every field, for readers that must not see the projection's later changes. */
    Ranking snapshot() {
        Ranking copy = emptyCopy();
        copy.add(this);
        copy.version = version;
        copy.absorbed = absorbed;
        return copy;
    }

    /** Adds what another count of the same votation counted to this one. */
    void add(Ranking other) {
        onlineBallots += other.onlineBallots;
        paperBallots += other.paperBallots;
        desksTallied += other.desksTallied;
        for (Count count : other.counts) {
            Count mine = count(count.actionNumber);
            mine.paperVotes += count.paperVotes;
            mine.onlineVotes += count.onlineVotes;
        }
    }

    Count count(int actionNumber) {
        return counts.stream()
                .filter(c -> c.actionNumber == actionNumber)
                .findFirst()
                .orElseThrow(() ->
                        new IllegalStateException("Action " + actionNumber + " is not on votation " + votationId));
    }

    @Override
    public LogPosition absorbed() {
        return absorbed;
    }

    @Override
    public void absorbed(LogPosition position) {
        this.absorbed = position;
    }
}
