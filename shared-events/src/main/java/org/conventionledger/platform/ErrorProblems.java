package org.conventionledger.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The answer to failures Spring MVC never saw (a filter failing, a request the server rejects before any
 * controller): the servlet container forwards them to {@code /error}, answered here as
 * {@code application/problem+json} with the status and nothing of the failure itself, in place of Spring
 * Boot's default error page. Each service imports it.
 */
// not part of the API: hidden from the OpenAPI document, as Spring Boot's own error controller is
@Hidden
@RestController
public class ErrorProblems implements ErrorController {

    private final ObjectMapper json;

    public ErrorProblems(ObjectMapper json) {
        this.json = json;
    }

    @RequestMapping("/error")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetails.write(
                json,
                response,
                status.is5xxServerError()
                        ? ProblemDetails.problem(status, "internal-error", "The request could not be handled.")
                        : ProblemDetails.problem(status, "http-" + status.value(), status.getReasonPhrase() + "."));
    }
}
