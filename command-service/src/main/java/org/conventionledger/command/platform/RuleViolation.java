package org.conventionledger.command.platform;

import java.time.LocalDate;

/**
 * A command broke a rule of the process. It is answered as {@code application/problem+json} with the
 * given status, and nothing is written to the log.
 *
 * @see Problems
 */
public class RuleViolation extends RuntimeException {

    private final int status;
    private final String code;

    private RuleViolation(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** The command conflicts with the current state (already done, closed, still open…): 409. */
    public static RuleViolation conflict(String code, String message) {
        return new RuleViolation(409, code, message);
    }

    /** The command is well formed but asks for something the rules do not allow: 422. */
    public static RuleViolation unprocessable(String code, String message) {
        return new RuleViolation(422, code, message);
    }

    /** The command names something that does not exist: 404. */
    public static RuleViolation notFound(String code, String message) {
        return new RuleViolation(404, code, message);
    }

    /** The caller sent more than a limit allows for now: 429. */
    public static RuleViolation tooMany(String code, String message) {
        return new RuleViolation(429, code, message);
    }

    /** A required text field is missing or blank: 422 with the given code. */
    public static void requireText(String value, String code, String message) {
        if (value == null || value.isBlank()) {
            throw unprocessable(code, message);
        }
    }

    /** A required date is missing: 422 naming the field. */
    public static void requireDate(LocalDate date, String field) {
        if (date == null) {
            throw unprocessable("date-required", "Say when: " + field + " is required.");
        }
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** What crosses a process boundary (e.g. Axon Server) in a {@code CommandExecutionException}. */
    public Details details() {
        return new Details(status, code, getMessage());
    }

    public static RuleViolation from(Details details) {
        return new RuleViolation(details.status(), details.code(), details.message());
    }

    public record Details(int status, String code, String message) {}
}
