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
 * its one consent round (participants, clarifications, improvements, objections, consents) and the
 * decision.
 */
@Document("question_histories")
public class QuestionHistory implements Absorbing {

    @Id
    String questionId;
    /** Of this document (optimistic locking), not of the question's text: see {@link #versions}. */
    @Version
    Long version;
    LogPosition absorbed;

    String conventionId;
    String title;
    /** IN_ROUND, then DECIDED. */
    String status;
    List<TextVersion> versions = new ArrayList<>();
    List<String> participants = new ArrayList<>();
    List<ActionHistory.Clarification> clarifications = new ArrayList<>();
    List<ActionHistory.Improvement> improvements = new ArrayList<>();
    List<Objection> objections = new ArrayList<>();
    /** Who consented to the current version, in the order they did. */
    List<String> consents = new ArrayList<>();
    Integer decidedVersion;
    /** Objections lifted since the last revision: the next {@code QuestionRevised} is their amended version. */
    List<String> awaitingAmendedVersion = new ArrayList<>();

    /** One version of the question's text; version 1 is the one put to consent. */
    public static class TextVersion {
        int version;
        String text;
        String reason;
        Instant recordedAt;
    }

    public static class Objection {
        String objectionId;
        String category;
        String reason;
        String raisedBy;
        String competentBody;
        /** OPEN, LIFTED or WITHDRAWN. */
        String status;
        String amendment;
        /** The version of the {@code QuestionRevised} that followed the lift. */
        Integer amendedVersion;
        String withdrawalReason;
    }

    boolean put() {
        return !versions.isEmpty();
    }

    Optional<TextVersion> current() {
        return versions.stream().max(Comparator.comparingInt(v -> v.version));
    }

    ActionHistory.Clarification clarification(String clarificationId) {
        return clarifications.stream().filter(c -> c.clarificationId.equals(clarificationId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Question " + questionId + " has no clarification "
                        + clarificationId));
    }

    ActionHistory.Improvement improvement(String improvementId) {
        return improvements.stream().filter(i -> i.improvementId.equals(improvementId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Question " + questionId + " has no improvement "
                        + improvementId));
    }

    Objection objection(String objectionId) {
        return objections.stream().filter(o -> o.objectionId.equals(objectionId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Question " + questionId + " has no objection "
                        + objectionId));
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
