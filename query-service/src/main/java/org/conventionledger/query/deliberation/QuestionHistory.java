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
 * The whole life of one free-standing question put to consent, as stored: the versions of its text,
 * its one consent round (the fields it inherits: participants, clarifications, improvements, consents),
 * the objections and the decision.
 */
@Document("question_histories")
public class QuestionHistory extends ConsentRound implements Absorbing, Objections {

    public enum Status {
        IN_ROUND,
        DECIDED
    }

    @Id
    String questionId;
    /** Of this document (optimistic locking), not of the question's text: see {@link #versions}. */
    @Version
    Long version;

    LogPosition absorbed;

    String conventionId;
    String title;
    Status status;
    List<TextVersion> versions = new ArrayList<>();
    List<Objection> objections = new ArrayList<>();
    /** Objections lifted since the last revision: the next {@code QuestionRevised} is their amended version. */
    List<String> awaitingAmendedVersion = new ArrayList<>();

    /** One version of the question's text; version 1 is the one put to consent. */
    public static class TextVersion {
        int version;
        String text;
        String reason;
        Instant recordedAt;
    }

    boolean put() {
        return !versions.isEmpty();
    }

    Optional<TextVersion> current() {
        return versions.stream().max(Comparator.comparingInt(v -> v.version));
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
        return "Question " + questionId;
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
