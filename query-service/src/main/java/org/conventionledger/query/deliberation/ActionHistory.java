package org.conventionledger.query.deliberation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.conventionledger.query.platform.Absorbing;
import org.conventionledger.query.platform.LogPosition;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The whole life of one action sheet, as stored: its versions, links, opinions, consent rounds and
 * objections. Line diffs between versions are computed when read ({@link LineDiff}).
 */
@Document("action_histories")
public class ActionHistory implements Absorbing, Objections {

    @Id
    String actionId;
    /** Of this document (optimistic locking), not of the action sheet: see {@link #versions}. */
    @Version
    Long version;

    LogPosition absorbed;

    String conventionId;
    int number;
    String assembly;
    String topicId;
    String topic;
    Stage stage;
    String referentMemberId;
    List<SheetVersion> versions = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    List<Opinion> opinions = new ArrayList<>();
    List<Round> rounds = new ArrayList<>();
    List<Objection> objections = new ArrayList<>();
    /** Objections lifted since the last revision: the next {@code ActionRevised} is their amended version. */
    List<String> awaitingAmendedVersion = new ArrayList<>();

    /** One version of the sheet; version 1 is the draft. */
    public static class SheetVersion {
        int version;
        String title;
        String text;
        String reason;
        Instant recordedAt;
    }

    /** A link to another action sheet, seen from this one. */
    public static class Link {
        String actionId;
        String relation;
        /** OUTGOING: this action was linked to the other; INCOMING: the other was linked to this one. */
        String direction;
    }

    /** A supporting body's written opinion on the sheet. */
    public static class Opinion {
        String opinionId;
        String body;
        String text;
        String givenOn;
    }

    /** A consent round on the sheet. */
    public static class Round extends ConsentRound {

        public enum Status {
            OPEN,
            CONCLUDED
        }

        String roundId;
        int version;
        Status status;

        boolean open() {
            return status == Status.OPEN;
        }

        @Override
        String name() {
            return "Round " + roundId;
        }
    }

    boolean drafted() {
        return !versions.isEmpty();
    }

    Optional<SheetVersion> current() {
        return versions.stream().max(Comparator.comparingInt(v -> v.version));
    }

    Optional<Round> openRound() {
        for (int i = rounds.size() - 1; i >= 0; i--) {
            if (rounds.get(i).open()) {
                return Optional.of(rounds.get(i));
            }
        }
        return Optional.empty();
    }

    Round round(String roundId) {
        return rounds.stream()
                .filter(r -> r.roundId.equals(roundId))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("Action " + actionId + " has no consent round " + roundId));
    }

    @Override
    public List<Objection> objections() {
        return objections;
    }

    @Override
    public List<String> awaitingAmendedVersion() {
        return awaitingAmendedVersion;
    }

    @Override
    public String name() {
        return "Action " + actionId;
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
