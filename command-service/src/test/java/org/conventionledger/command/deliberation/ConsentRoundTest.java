package org.conventionledger.command.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.deliberation.ObjectionCategory.OTHER;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.conventionledger.command.platform.RuleViolation;
import org.junit.jupiter.api.Test;

/**
 * The consent round's rules without any aggregate around them: the messages name the proposal, and
 * the state moves only through the state methods (a check never changes anything).
 */
class ConsentRoundTest {

    private static void refused(ThrowingCallable check, int status, String code, String message) {
        assertThatThrownBy(check).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.status()).isEqualTo(status);
            assertThat(v.code()).isEqualTo(code);
            assertThat(v.getMessage()).isEqualTo(message);
        });
    }

    private static ConsentRound openOn(String subject) {
        ConsentRound round = new ConsentRound(subject);
        round.opened("r-1", List.of("m-1", "elected official"));
        return round;
    }

    @Test
    void aProposalStartsAtVersionOneWithoutARound() {
        ConsentRound round = new ConsentRound("action 7");

        assertThat(round.version()).isEqualTo(1);
        assertThat(round.isOpen()).isFalse();
        assertThat(round.roundId()).isNull();
        refused(round::checkDecision, 409, "no-open-round", "No consent round is open on action 7.");
    }

    @Test
    void messagesNameTheProposalCapitalisedAtTheStartOfASentence() {
        ConsentRound round = openOn("question \"Adopt the charter\"");
        round.objectionRaised("o-1", "elected official");

        refused(
                () -> round.checkOpenObjection("o-9"),
                404,
                "unknown-objection",
                "Question \"Adopt the charter\" has no objection o-9.");
        refused(
                round::checkDecision,
                409,
                "open-objections",
                "Question \"Adopt the charter\" still has 1 open"
                        + " objection(s); consent needs every objection lifted or withdrawn.");
        refused(
                () -> round.checkOpening("r-2", List.of("m-1")),
                409,
                "round-open",
                "Consent round r-1 is already open on question \"Adopt the charter\".");
        refused(
                () -> round.checkConsent(List.of("m-9")),
                422,
                "not-a-participant",
                "m-9 is not a participant of consent round r-1.");
    }

    @Test
    void aRoundIdIsUsedOnceEvenAfterTheDecision() {
        ConsentRound round = openOn("action 7");
        round.consented(List.of("m-1", "elected official"));
        assertThatCode(round::checkDecision).doesNotThrowAnyException();
        round.decided();

        assertThat(round.isOpen()).isFalse();
        refused(() -> round.checkOpening("r-1", List.of("m-1")), 409, "round-exists", "Round r-1 was already held.");
        assertThatCode(() -> round.checkOpening("r-2", List.of("m-1"))).doesNotThrowAnyException();
    }

    @Test
    void aNewVersionClearsTheConsentsAndAnObjectionSettledOnceStaysSettled() {
        ConsentRound round = openOn("action 7");
        round.objectionRaised("o-1", "elected official");
        refused(
                () -> round.checkConsent(List.of("elected official")),
                409,
                "objection-open",
                "elected official still objects (objection o-1): lift or withdraw it first.");

        round.objectionLifted("o-1");
        round.revised(2);
        round.consented(List.of("m-1"));
        refused(
                round::checkDecision,
                409,
                "consent-missing",
                "Not every participant consented to version 2 yet: elected official.");
        refused(
                () -> round.checkOpenObjection("o-1"),
                409,
                "objection-already-lifted",
                "Objection o-1 was already lifted.");

        round.revised(3);
        refused(
                round::checkDecision,
                409,
                "consent-missing",
                "Not every participant consented to version 3 yet: m-1, elected official.");
        assertThat(round.version()).isEqualTo(3);
    }

    @Test
    void checksChangeNothing() {
        ConsentRound round = openOn("action 7");

        round.checkClarificationRequest("c-1", "m-1", "Which schools?");
        round.checkImprovementProposal("i-1", "m-1", "Add parking");
        round.checkObjection("o-1", OTHER, "Too vague", "m-1", null);

        refused(
                () -> round.checkClarificationAnswer("c-1", "All."),
                404,
                "unknown-clarification",
                "No clarification c-1 was asked in this round.");
        refused(
                () -> round.checkImprovementDecision("i-1", true, "v2"),
                404,
                "unknown-improvement",
                "No improvement i-1 was proposed in this round.");
        refused(() -> round.checkOpenObjection("o-1"), 404, "unknown-objection", "Action 7 has no objection o-1.");
    }
}
