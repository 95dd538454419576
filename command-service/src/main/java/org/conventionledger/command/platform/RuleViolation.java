package org.conventionledger.command.platform;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;

/**
 * A command broke a rule of the process. It is answered as {@code application/problem+json} with the
 * given status, and nothing is written to the log.
 *
 * @see Problems
 */
public class RuleViolation extends RuntimeException {

    private final int status;
    private final String code;
    private final Duration retryAfter;

    private RuleViolation(int status, String code, String message) {
        this(status, code, message, null);
    }

    private RuleViolation(int status, String code, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
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

    /**
     * The caller sent more than a limit allows for now: 429, with how long until the limit lets them try
     * again (answered as {@code Retry-After}, in whole seconds rounded up, and said in the detail).
     */
    public static RuleViolation tooMany(String code, String message, Duration retryAfter) {
        long seconds = retryAfterSeconds(retryAfter);
        return new RuleViolation(
                429, code, message + " Try again in " + seconds + " seconds.", Duration.ofSeconds(seconds));
    }

    private static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
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

    /** How long until the caller may try again, for a limit's refusal (429). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** What crosses a process boundary (e.g. Axon Server) in a {@code CommandExecutionException}. */
    public Details details() {
        return new Details(status, code, getMessage());
    }

    /**
     * Whether {@code failure} is a rule's refusal, here or behind Axon Server: the command was turned down
     * before any event was applied, so nothing of it was written. Any other failure (a timeout…) leaves the
     * outcome unknown.
     */
    public static boolean refused(RuntimeException failure) {
        return failure instanceof RuleViolation
                || (failure instanceof CommandExecutionException remote
                        && remote.getDetails().filter(Details.class::isInstance).isPresent());
    }

    public static RuleViolation from(Details details) {
        return new RuleViolation(details.status(), details.code(), details.message());
    }

    public record Details(int status, String code, String message) {}
}
