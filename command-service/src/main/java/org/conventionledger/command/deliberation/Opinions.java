package org.conventionledger.command.deliberation;

import static org.conventionledger.command.platform.RuleViolation.requireText;

import java.time.LocalDate;
import java.util.Set;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.deliberation.OpinionBody;
import org.conventionledger.events.deliberation.OpinionGiven;

/** The rules of a supporting body's opinion, the same whether it is given on a topic or on an action sheet. */
final class Opinions {

    private Opinions() {}

    /** The event recording this opinion on {@code subjectType} {@code subjectId}, once the rules hold. */
    static OpinionGiven given(
            Set<String> alreadyGiven,
            String conventionId,
            String opinionId,
            OpinionBody body,
            String subjectType,
            String subjectId,
            String text,
            LocalDate givenOn) {
        if (body == null) {
            throw RuleViolation.unprocessable("body-required", "Say which body gives the opinion.");
        }
        requireText(text, "text-required", "An opinion has a text.");
        if (alreadyGiven.contains(opinionId)) {
            throw RuleViolation.conflict("opinion-exists", "Opinion " + opinionId + " exists.");
        }
        return new OpinionGiven(conventionId, opinionId, body, subjectType, subjectId, text, givenOn);
    }
}
