package org.conventionledger.query.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.conventionledger.platform.identity.CrossSiteRequests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request passes first, as on the command service: forged cross-site browser requests are
 * refused (403 {@code cross-site-request}, see {@link CrossSiteRequests}) and a request body is bounded
 * ({@code ledger.http.max-body-size}, default 1 MB; 413 {@code body-too-large}). The read API takes no
 * body but the administration's small requests, so any body over the limit is refused before it is
 * read, whatever length it declares; a body without a declared length is refused too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestGuard extends OncePerRequestFilter {

    private final ObjectMapper json;
    private final long maxBody;

    public RequestGuard(ObjectMapper json, @Value("${ledger.http.max-body-size:1MB}") DataSize maxBody) {
        this.json = json;
        this.maxBody = maxBody.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the pages carry a session cookie and have Spring Security's CSRF tokens; a link followed from
        // another site to a page is a safe GET. Credentials count on the API and operations paths.
        String path = request.getRequestURI();
        boolean api = path.startsWith("/api/") || path.startsWith("/actuator");
        boolean credentials = request.getHeader("Authorization") != null || api && request.getHeader("Cookie") != null;
        if (CrossSiteRequests.refused(
                request.getMethod(),
                request.getHeader("Sec-Fetch-Site"),
                request.getHeader("Origin"),
                ownOrigin(request),
                credentials)) {
            ProblemResponses.write(
                    json,
                    response,
                    ProblemResponses.problem(
                            HttpStatus.FORBIDDEN,
                            "cross-site-request",
                            "Requests from another site that change something or carry credentials are refused."));
            return;
        }
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (request.getContentLengthLong() > maxBody || chunked) {
            response.setHeader("Connection", "close");
            ProblemDetail problem = ProblemResponses.problem(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "body-too-large",
                    "The request body is larger than the " + maxBody
                            + " bytes accepted here, or of no declared length.");
            problem.setProperty("limit", maxBody);
            ProblemResponses.write(json, response, problem);
            // the answer goes out now, before the server drains what it can of the unread body
            response.flushBuffer();
            return;
        }
        chain.doFilter(request, response);
    }

    private static String ownOrigin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort =
                port == 80 && "http".equals(request.getScheme()) || port == 443 && "https".equals(request.getScheme());
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
