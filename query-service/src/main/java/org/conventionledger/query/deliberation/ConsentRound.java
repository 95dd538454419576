package org.conventionledger.query.deliberation;

import java.util.ArrayList;
import java.util.List;

/**
 * What one consent round gathers, stored inside its history: each of an action sheet's rounds, and the one
 * round of a free-standing question. Clarifications, improvements and consents follow the same rules for
 * both, so they are kept here once; a subclass names itself for the error an event out of order raises.
 */
public abstract class ConsentRound {

    List<String> participants = new ArrayList<>();
    List<Clarification> clarifications = new ArrayList<>();
    List<Improvement> improvements = new ArrayList<>();
    /** Who consented to the current version, in the order they did. */
    List<String> consents = new ArrayList<>();

    Integer decidedVersion;

    public enum Decision {
        PENDING,
        ACCEPTED,
        DECLINED
    }

    public static class Clarification {
        String clarificationId;
        String askedBy;
        String question;
        String answer;
    }

    public static class Improvement {
        String improvementId;
        String proposedBy;
        String proposal;
        Decision decision;
        String reason;
    }

    public record ClarificationView(String clarificationId, String askedBy, String question, String answer) {}

    /** {@code decision}: PENDING, ACCEPTED or DECLINED. */
    public record ImprovementView(
            String improvementId, String proposedBy, String proposal, String decision, String reason) {}

    /** "Round r-1", "Question q-1": whose clarification or improvement an event names in vain. */
    abstract String name();

    void participants(List<String> invited) {
        participants.clear();
        if (invited != null) {
            participants.addAll(invited);
        }
    }

    void clarificationRequested(String clarificationId, String askedBy, String question) {
        Clarification clarification = new Clarification();
        clarification.clarificationId = clarificationId;
        clarification.askedBy = askedBy;
        clarification.question = question;
        clarifications.add(clarification);
    }

    void clarificationAnswered(String clarificationId, String answer) {
        clarifications.stream()
                .filter(c -> c.clarificationId.equals(clarificationId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name() + " has no clarification " + clarificationId))
                .answer = answer;
    }

    void improvementProposed(String improvementId, String proposedBy, String proposal) {
        Improvement improvement = new Improvement();
        improvement.improvementId = improvementId;
        improvement.proposedBy = proposedBy;
        improvement.proposal = proposal;
        improvement.decision = Decision.PENDING;
        improvements.add(improvement);
    }

    void improvementDecided(String improvementId, boolean accepted, String reason) {
        Improvement improvement = improvements.stream()
                .filter(i -> i.improvementId.equals(improvementId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name() + " has no improvement " + improvementId));
        improvement.decision = accepted ? Decision.ACCEPTED : Decision.DECLINED;
        improvement.reason = reason;
    }

    /** Consent to a superseded version does not count for the current one. */
    void consentGiven(int version, int currentVersion, List<String> consenting) {
        if (version < currentVersion || consenting == null) {
            return;
        }
        for (String participant : consenting) {
            if (!consents.contains(participant)) {
                consents.add(participant);
            }
        }
    }

    List<ClarificationView> clarificationViews() {
        return clarifications.stream()
                .map(c -> new ClarificationView(c.clarificationId, c.askedBy, c.question, c.answer))
                .toList();
    }

    List<ImprovementView> improvementViews() {
        return improvements.stream()
                .map(i -> new ImprovementView(
                        i.improvementId,
                        i.proposedBy,
                        i.proposal,
                        i.decision == null ? null : i.decision.name(),
                        i.reason))
                .toList();
    }
}
