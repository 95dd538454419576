package org.conventionledger.command.platform;

import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * Matches a {@link RuleViolation} by its HTTP status and its code, for the aggregate fixtures'
 * {@code expectException(Matcher)}.
 */
public final class RuleViolationMatcher extends TypeSafeDiagnosingMatcher<RuleViolation> {

    private final int status;
    private final String code;

    private RuleViolationMatcher(int status, String code) {
        super(RuleViolation.class);
        this.status = status;
        this.code = code;
    }

    public static Matcher<RuleViolation> ruleViolation(int status, String code) {
        return new RuleViolationMatcher(status, code);
    }

    /** The command is refused with this status and code, and nothing is written to the log. */
    public static void expectRejected(ResultValidator<?> result, int status, String code) {
        result.expectException(ruleViolation(status, code)).expectNoEvents();
    }

    @Override
    protected boolean matchesSafely(RuleViolation violation, Description mismatch) {
        boolean matches = violation.status() == status && code.equals(violation.code());
        if (!matches) {
            mismatch.appendText("was a RuleViolation with status ")
                    .appendValue(violation.status())
                    .appendText(" and code ")
                    .appendValue(violation.code())
                    .appendText(" (")
                    .appendValue(violation.getMessage())
                    .appendText(")");
        }
        return matches;
    }

    @Override
    public void describeTo(Description description) {
        description
                .appendText("a RuleViolation with status ")
                .appendValue(status)
                .appendText(" and code ")
                .appendValue(code);
    }
}
