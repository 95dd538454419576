package org.conventionledger.command.votation;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.conventionledger.command.platform.RuleViolation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What a ballot request is answered from the intake ({@link BallotIntake}): the ballot's event, or the
 * problem that refused it. A ballot the store could not record, or whose group did not commit in time, is
 * answered 503 with the advice to send it again: {@code already-voted} then means it had been recorded.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BallotAnswers {

    /** How long a request waits for its group to commit. */
    static final long TIMEOUT_SECONDS = 30;

    private static final String TYPE_PREFIX = "https://convention-ledger.org/problems/";

    /** Nothing came back in time: the ballot may or may not have been recorded. */
    public static final class NoAnswer extends RuntimeException {
        NoAnswer() {
            super("The ballot was not answered in time; send it again (already-voted then means it was recorded).");
        }
    }

    /** The ballot's event once its group committed; the refusal or failure otherwise, as thrown. */
    static Object await(CompletableFuture<Object> answer, long deadlineNanos) throws InterruptedException {
        try {
            return answer.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new BallotIntake.BallotNotRecorded(failed.getCause());
        } catch (TimeoutException late) {
            throw new NoAnswer();
        }
    }

    static long deadline() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    }

    /** The problem that answers a refused or failed ballot. */
    static ProblemDetail problem(RuntimeException failure) {
        if (failure instanceof RuleViolation refused) {
            return problem(refused.status(), refused.code(), refused.getMessage());
        }
        if (failure instanceof NoAnswer) {
            return problem(503, "ballot-not-answered", failure.getMessage());
        }
        return problem(503, "ballot-not-recorded", new BallotIntake.BallotNotRecorded(null).getMessage());
    }

    @ExceptionHandler({BallotIntake.BallotNotRecorded.class, NoAnswer.class})
    ProblemDetail unavailable(RuntimeException failure) {
        return problem(failure);
    }

    private static ProblemDetail problem(int status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setProperty("code", code);
        return problem;
    }
}
