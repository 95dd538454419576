package org.conventionledger.query.platform;

import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure of the read API as {@code application/problem+json}: Spring's own (404 of an unknown
 * path, 405, 415, a malformed parameter) with a {@code code} like the API's own problems, and anything
 * unexpected as a 500 that says nothing of the code behind it (the failure is logged).
 */
@RestControllerAdvice
public class ReadProblems extends ResponseEntityExceptionHandler {

    /** A qualified Java name or an exception's name gives the code away. */
    private static final Pattern CODE_NAMES =
            Pattern.compile("\\b[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)+\\.[A-Z]\\w*|\\w*(Exception|Error)\\b|\\$");

    @ExceptionHandler(Exception.class)
    ProblemDetail unhandled(Exception e) {
        logger.error("Read request failed unexpectedly", e);
        return ProblemResponses.problem(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The request could not be handled.");
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", "http-" + statusCode.value());
            String detail = problem.getDetail();
            if (detail == null || CODE_NAMES.matcher(detail).find()) {
                problem.setDetail("The request cannot be handled as sent.");
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
