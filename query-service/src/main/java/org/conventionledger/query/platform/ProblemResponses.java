package org.conventionledger.query.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.conventionledger.platform.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** {@code application/problem+json} answers of the read API. */
public final class ProblemResponses {

    private ProblemResponses() {}

    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        return ProblemDetails.problem(status, code, detail);
    }

    /** An exception Spring MVC renders as the given problem. */
    public static ErrorResponseException error(HttpStatus status, String code, String detail) {
        return new ErrorResponseException(status, problem(status, code, detail), null);
    }

    static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        ProblemDetails.write(json, response, problem);
    }
}
