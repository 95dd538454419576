package org.conventionledger.command.deliberation;

import static org.conventionledger.command.platform.RuleViolation.requireText;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.deliberation.ObjectionCategory;

/**
 * The rules of a consent decision (décision au consentement) on a versioned proposal: an action sheet
 * ({@link Action}) or a free-standing question ({@link Question}). Plain Java, no framework: the
 * aggregate that holds it calls a {@code check…} method before applying its own event (the check
 * throws a {@link RuleViolation}, so a refused command writes nothing), and the matching state method
 * from its event-sourcing handler.
 *
 * <p>The rules: a round names its participants, each once. Only a participant asks for a
 * clarification, proposes an improvement or raises an objection (with a category and a reason;
 * {@link ObjectionCategory#NOT_CITY_COMPETENCE} names the competent body). An accepted improvement
 * gives the improved text, a new version. An open objection is lifted (by an amendment, a new version)
 * or withdrawn, once. Consent is given to a version, so a new version clears the consents; a
 * participant whose objection is still open cannot consent. The decision is taken when no objection is
 * open and every participant consented to the current version; it closes the round.
 *
 * <p>Clarification, improvement and objection ids are unique across all the rounds on one proposal,
 * and a round id is used once.
 */
public final class ConsentRound {

    /** Where an objection stands. */
    public enum ObjectionStatus {
        OPEN,
        LIFTED,
        WITHDRAWN
    }

    /** An objection, who raised it and where it stands. */
    private record Objection(String objector, ObjectionStatus status) {}

    /** The proposal as messages name it, e.g. "action 7"; capitalised when it starts a sentence. */
    private final String subject;

    private int version = 1;
    /** The open round, {@code null} if none is open. */
    private String roundId;

    private final Set<String> roundsHeld = new HashSet<>();
    private final Set<String> participants = new LinkedHashSet<>();
    /** Who consented to the current version in the open round. */
    private final Set<String> consents = new HashSet<>();

    private final Map<String, Objection> objections = new HashMap<>();
    private final Map<String, Boolean> clarificationAnswered = new HashMap<>();
    private final Map<String, Boolean> improvementDecided = new HashMap<>();

    /** A proposal at version 1, with no round open yet. */
    public ConsentRound(String subject) {
        this.subject = subject;
    }

    // ---- what the aggregate reads ----------------------------------------------------------------

    /** The proposal's current version. */
    public int version() {
        return version;
    }

    /** The open round's id, {@code null} if none is open. */
    public String roundId() {
        return roundId;
    }

    public boolean isOpen() {
        return roundId != null;
    }

    // ---- rules: each throws a RuleViolation or returns normally ------------------------------------

    /** A round is named by its participants: at least one, none blank, each once. */
    public static void checkParticipants(List<String> participants) {
        if (participants == null
                || participants.isEmpty()
                || participants.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw RuleViolation.unprocessable("participants-required", "A consent round names its participants.");
        }
        if (Set.copyOf(participants).size() != participants.size()) {
            throw RuleViolation.unprocessable("duplicate-participant", "Each participant is listed once.");
        }
    }

    /** One round at a time, a round id used once, and {@link #checkParticipants}. */
    public void checkOpening(String newRoundId, List<String> invited) {
        if (roundId != null) {
            throw RuleViolation.conflict(
                    "round-open", "Consent round " + roundId + " is already open on " + subject + ".");
        }
        if (roundsHeld.contains(newRoundId)) {
            throw RuleViolation.conflict("round-exists", "Round " + newRoundId + " was already held.");
        }
        checkParticipants(invited);
    }

    public void checkClarificationRequest(String clarificationId, String askedBy, String question) {
        requireOpenRound();
        requireParticipant(askedBy);
        requireText(question, "question-required", "A clarification request states its question.");
        if (clarificationAnswered.containsKey(clarificationId)) {
            throw RuleViolation.conflict("clarification-exists", "Clarification " + clarificationId + " exists.");
        }
    }

    public void checkClarificationAnswer(String clarificationId, String answer) {
        requireOpenRound();
        Boolean answered = clarificationAnswered.get(clarificationId);
        if (answered == null) {
            throw RuleViolation.notFound(
                    "unknown-clarification", "No clarification " + clarificationId + " was asked in this round.");
        }
        if (answered) {
            throw RuleViolation.conflict(
                    "clarification-answered", "Clarification " + clarificationId + " was already answered.");
        }
        requireText(answer, "answer-required", "Give the answer.");
    }

    public void checkImprovementProposal(String improvementId, String proposedBy, String proposal) {
        requireOpenRound();
        requireParticipant(proposedBy);
        requireText(proposal, "proposal-required", "Describe the proposed improvement.");
        if (improvementDecided.containsKey(improvementId)) {
            throw RuleViolation.conflict("improvement-exists", "Improvement " + improvementId + " exists.");
        }
    }

    /** @param improvedText required when accepted: it becomes the next version */
    public void checkImprovementDecision(String improvementId, boolean accepted, String improvedText) {
        requireOpenRound();
        Boolean decided = improvementDecided.get(improvementId);
        if (decided == null) {
            throw RuleViolation.notFound(
                    "unknown-improvement", "No improvement " + improvementId + " was proposed in this round.");
        }
        if (decided) {
            throw RuleViolation.conflict(
                    "improvement-decided", "Improvement " + improvementId + " was already decided.");
        }
        if (accepted) {
            requireText(
                    improvedText,
                    "improved-text-required",
                    "An accepted improvement gives the improved text, which becomes a new version.");
        }
    }

    public void checkObjection(
            String objectionId, ObjectionCategory category, String reason, String raisedBy, String competentBody) {
        requireOpenRound();
        requireParticipant(raisedBy);
        if (category == null) {
            throw RuleViolation.unprocessable("category-required", "Give the objection's category.");
        }
        requireText(reason, "reason-required", "An objection states its reason.");
        if (category == ObjectionCategory.NOT_CITY_COMPETENCE && (competentBody == null || competentBody.isBlank())) {
            throw RuleViolation.unprocessable(
                    "competent-body-required",
                    "An objection of category NOT_CITY_COMPETENCE names the competent body the city will relay to.");
        }
        if (objections.containsKey(objectionId)) {
            throw RuleViolation.conflict("objection-exists", "Objection " + objectionId + " exists.");
        }
    }

    /**
     * The objection is still open, so it can be lifted or withdrawn. What the amendment and the amended
     * text must say is the proposal's business: the aggregate checks them after this.
     */
    public void checkOpenObjection(String objectionId) {
        Objection objection = objections.get(objectionId);
        if (objection == null) {
            throw RuleViolation.notFound(
                    "unknown-objection", capitalised(subject) + " has no objection " + objectionId + ".");
        }
        if (objection.status() != ObjectionStatus.OPEN) {
            String status = objection.status().name().toLowerCase(Locale.ROOT);
            throw RuleViolation.conflict(
                    "objection-already-" + status, "Objection " + objectionId + " was already " + status + ".");
        }
    }

    /** Each consenting participant is one of the round's and has no open objection. */
    public void checkConsent(List<String> consenting) {
        requireOpenRound();
        if (consenting == null || consenting.isEmpty()) {
            throw RuleViolation.unprocessable("participants-required", "Name who consents.");
        }
        for (String participant : consenting) {
            requireParticipant(participant);
            objections.forEach((id, objection) -> {
                if (objection.status() == ObjectionStatus.OPEN && participant.equals(objection.objector())) {
                    throw RuleViolation.conflict(
                            "objection-open",
                            participant + " still objects (objection " + id + "): lift or withdraw it first.");
                }
            });
        }
    }

    /** No objection open, and every participant consented to the current version. */
    public void checkDecision() {
        requireOpenRound();
        long open = objections.values().stream()
                .filter(o -> o.status() == ObjectionStatus.OPEN)
                .count();
        if (open > 0) {
            throw RuleViolation.conflict(
                    "open-objections",
                    capitalised(subject) + " still has " + open
                            + " open objection(s); consent needs every objection lifted or withdrawn.");
        }
        List<String> missing =
                participants.stream().filter(p -> !consents.contains(p)).toList();
        if (!missing.isEmpty()) {
            throw RuleViolation.conflict(
                    "consent-missing",
                    "Not every participant consented to version " + version + " yet: " + String.join(", ", missing)
                            + ".");
        }
    }

    // ---- state: called by the aggregate's event-sourcing handlers ----------------------------------

    /** A round opened on the current version with these participants; nobody has consented yet. */
    public void opened(String newRoundId, List<String> invited) {
        roundId = newRoundId;
        roundsHeld.add(newRoundId);
        participants.clear();
        participants.addAll(invited);
        consents.clear();
    }

    /** A new version of the proposal: consent given to an earlier one no longer counts. */
    public void revised(int newVersion) {
        version = newVersion;
        consents.clear();
    }

    public void clarificationRequested(String clarificationId) {
        clarificationAnswered.put(clarificationId, false);
    }

    public void clarificationAnswered(String clarificationId) {
        clarificationAnswered.put(clarificationId, true);
    }

    public void improvementProposed(String improvementId) {
        improvementDecided.put(improvementId, false);
    }

    public void improvementDecided(String improvementId) {
        improvementDecided.put(improvementId, true);
    }

    public void objectionRaised(String objectionId, String raisedBy) {
        objections.put(objectionId, new Objection(raisedBy, ObjectionStatus.OPEN));
    }

    public void objectionLifted(String objectionId) {
        settle(objectionId, ObjectionStatus.LIFTED);
    }

    public void objectionWithdrawn(String objectionId) {
        settle(objectionId, ObjectionStatus.WITHDRAWN);
    }

    public void consented(List<String> consenting) {
        consents.addAll(consenting);
    }

    /** The decision was taken: the round is closed. */
    public void decided() {
        roundId = null;
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private void settle(String objectionId, ObjectionStatus status) {
        Objection objection = objections.get(objectionId);
        objections.put(objectionId, new Objection(objection == null ? null : objection.objector(), status));
    }

    private void requireOpenRound() {
        if (roundId == null) {
            throw RuleViolation.conflict("no-open-round", "No consent round is open on " + subject + ".");
        }
    }

    private void requireParticipant(String who) {
        if (who == null || !participants.contains(who)) {
            throw RuleViolation.unprocessable(
                    "not-a-participant", who + " is not a participant of consent round " + roundId + ".");
        }
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
