package org.conventionledger.command.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.conventionledger.platform.identity.CrossSiteRequests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request passes before anything else reads it: forged cross-site browser requests are
 * refused ({@link CrossSiteRequests}), and request bodies are bounded. A body declared larger than its
 * limit is refused before a byte of it is read; a body sent without a length (chunked) is cut at the
 * limit while it is read, which fails the request before any command is sent. Both answers are
 * {@code application/problem+json}: 413 {@code body-too-large}, 403 {@code cross-site-request}.
 *
 * <p>Limits ({@code ledger.http.max-body-size}, default 2 MB, and {@code ledger.http.max-csv-body-size},
 * default 50 MB for {@code text/csv} and {@code text/plain} uploads such as a residents' list): a JSON
 * command is a few kilobytes, the largest (invitations, up to 10,000 invitees of 64-character ids) 2 MB at
 * most; a city's list of 300,000 residents is about 30 MB of CSV.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestGuard extends OncePerRequestFilter {

    private final ObjectMapper json;
    private final long maxBody;
    private final long maxCsvBody;

    public RequestGuard(
            ObjectMapper json,
            @Value("${ledger.http.max-body-size:2MB}") DataSize maxBody,
            @Value("${ledger.http.max-csv-body-size:50MB}") DataSize maxCsvBody) {
        this.json = json;
        this.maxBody = maxBody.toBytes();
        this.maxCsvBody = maxCsvBody.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean credentials = request.getHeader("Authorization") != null || request.getHeader("Cookie") != null;
        if (CrossSiteRequests.refused(
                request.getMethod(),
                request.getHeader("Sec-Fetch-Site"),
                request.getHeader("Origin"),
                ownOrigin(request),
                credentials)) {
            write(
                    response,
                    Problems.problem(
                            403,
                            "cross-site-request",
                            "Requests from another site that change something or carry credentials are refused."));
            return;
        }
        long limit = limitFor(request.getContentType());
        if (request.getContentLengthLong() > limit) {
            // the unread body is not worth draining: the answer goes out now, the connection is closed after it
            response.setHeader("Connection", "close");
            write(response, tooLarge(limit));
            response.flushBuffer();
            return;
        }
        chain.doFilter(new Bounded(request, limit), response);
    }

    long limitFor(String contentType) {
        if (contentType == null) {
            return maxBody;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.valueOf("text/csv")) || type.isCompatibleWith(MediaType.TEXT_PLAIN)
                    ? maxCsvBody
                    : maxBody;
        } catch (IllegalArgumentException unreadable) {
            return maxBody;
        }
    }

    static ProblemDetail tooLarge(long limit) {
        ProblemDetail problem = Problems.problem(
                413, "body-too-large", "The request body is larger than the " + limit + " bytes accepted here.");
        problem.setProperty("limit", limit);
        return problem;
    }

    private static String ownOrigin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort =
                port == 80 && "http".equals(request.getScheme()) || port == 443 && "https".equals(request.getScheme());
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Raised while reading a body that turns out longer than its limit; answered 413 by {@link Problems}. */
    static final class BodyTooLarge extends IOException {
        private final long limit;

        BodyTooLarge(long limit) {
            super("request body over " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    /** The request with its body cut at the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private int count(int n) throws BodyTooLarge {
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new BodyTooLarge(limit);
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return count(in.read(buffer, offset, length));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
