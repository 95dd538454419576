package org.conventionledger.command.platform;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.AxonException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.conventionledger.platform.ProblemDetails;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every rejected request into {@code application/problem+json} (RFC 9457) that names the broken
 * field or rule. A rejected command never reaches the log: rules are checked before any event is
 * applied, and a failed append rolls the whole unit of work back.
 */
@RestControllerAdvice
public class Problems extends ResponseEntityExceptionHandler {

    /** A limit's refusal also says when to try again: {@code Retry-After} and {@code retryAfterSeconds}. */
    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation violation) {
        ProblemDetail body = problem(violation.status(), violation.code(), violation.getMessage());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(violation.status());
        violation.retryAfter().ifPresent(wait -> {
            body.setProperty("retryAfterSeconds", wait.toSeconds());
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds()));
        });
        return answer.body(body);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail remoteRuleViolation(CommandExecutionException e) {
        return e.getDetails()
                .filter(RuleViolation.Details.class::isInstance)
                .map(RuleViolation.Details.class::cast)
                .map(d -> problem(d.status(), d.code(), d.message()))
                .orElseGet(() -> unexpected(e));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(404, "unknown-id", "Nothing is recorded under id '" + e.getAggregateIdentifier() + "'.");
    }

    /** The id exists but names something else (an action's id on a question's path, say). */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ProblemDetail wrongKindOfId(IncompatibleAggregateException e) {
        return problem(404, "unknown-id", "Nothing of this kind is recorded under that id.");
    }

    @ExceptionHandler({AggregateStreamCreationException.class, ConcurrencyException.class})
    ProblemDetail alreadyExists(AxonException e) {
        return problem(
                409,
                "already-recorded",
                "Another request recorded the same fact at the same time; nothing was written by this one.");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        return problem(400, "invalid-request", ClientMessages.readable(e.getMessage(), "The request is invalid."));
    }

    /** Anything no other handler knows: a 500 that says nothing of the code that failed. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unhandled(Exception e) {
        return unexpected(e);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        String fields = String.join(
                ", ",
                errors.stream()
                        .map(e -> e.get("field") + " " + e.get("message"))
                        .toList());
        ProblemDetail body = problem(400, "invalid-fields", "Invalid request fields: " + fields + ".");
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestGuard.BodyTooLarge tooLarge) {
                return ResponseEntity.status(413).body(RequestGuard.tooLarge(tooLarge.limit()));
            }
        }
        if (ex.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = ClientMessages.path(mapping);
            ProblemDetail body = problem(400, "malformed-request", ClientMessages.invalidField(field, mapping));
            body.setProperty("field", field);
            return ResponseEntity.badRequest().body(body);
        }
        return ResponseEntity.badRequest()
                .body(problem(400, "malformed-request", "The request body is not valid JSON for this endpoint."));
    }

    /** Spring's own problems (404, 405, 415, 400 of a parameter…) get a code and lose any class name. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", "http-" + statusCode.value());
            problem.setDetail(ClientMessages.readable(problem.getDetail(), "The request cannot be handled as sent."));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ProblemDetail unexpected(Exception e) {
        logger.error("Command failed unexpectedly", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR.value(), "internal-error", "The command could not be handled.");
    }

    static ProblemDetail problem(int status, String code, String detail) {
        return ProblemDetails.problem(HttpStatus.valueOf(status), code, detail);
    }
}
