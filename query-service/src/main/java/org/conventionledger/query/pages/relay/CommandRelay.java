package org.conventionledger.query.pages.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.conventionledger.platform.identity.LocalAccounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends a page's form to the command-service's JSON API as the person signed in to the pages (ADR-007):
 * the command-service stays the only writer and its rules and roles the only ones. On the embedded
 * default the person's own local account signs the request (HTTP Basic, the account read from the
 * accounts file both services share); under {@code oidc}, the person's own access token from the
 * authorization code flow. There is no identity of its own to fall back on: a request without a signed-in
 * person is never sent by {@link #post}, so the relay can lend nobody a role they do not hold. The one write
 * open to the public, a referral, goes by {@link #postAsPublic}: with no credential at all, and with the
 * browser's address in {@code X-Forwarded-For} for the command-service's rate limit on anonymous referrals.
 * When the command-service says how long to wait ({@code Retry-After} on a 429 or 503), the page's own
 * answer carries the same header.
 */
@Component
public class CommandRelay {

    /** An id the pages put in a command-service path: no separator, no dot, nothing to escape. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    /** {@code Retry-After} in seconds, as the command-service writes it (at most about 30 years). */
    private static final Pattern DELAY = Pattern.compile("[0-9]{1,9}");

    private static final String RETRY_AFTER = "Retry-After";

    /**
     * The command-service's answer: its status, its JSON body (a problem+json when refused) and, for a refusal
     * for now (429, 503), the seconds its {@code Retry-After} says to wait.
     */
    public record Answer(int status, JsonNode body, OptionalLong retryAfterSeconds) {

        public boolean accepted() {
            return status >= 200 && status < 300;
        }

        /** The problem's code ({@code paper-tally-mismatch}, {@code same-organiser}…), or {@code http-STATUS}. */
        public String code() {
            String code = body.path("code").asText("");
            return code.isEmpty() ? "http-" + status : code;
        }

        public String detail() {
            return body.path("detail").asText("");
        }
    }

    /** Nobody (or no usable credential) is signed in to the pages: nothing was sent. */
    public static final class NotSignedIn extends RuntimeException {
        NotSignedIn(String message) {
            super(message);
        }
    }

    /** The command-service did not answer: whether it wrote is unknown until the views show it. */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json;
    private final String commandUrl;
    private final Path accountsFile;
    private final String mode;
    private final ObjectProvider<OAuth2AuthorizedClientRepository> authorizedClients;

    public CommandRelay(
            ObjectMapper json,
            @Value("${ledger.command-url:http://localhost:8081}") String commandUrl,
            @Value("${ledger.data-dir}") Path dataDir,
            @Value("${ledger.security.mode:local}") String mode,
            ObjectProvider<OAuth2AuthorizedClientRepository> authorizedClients) {
        this.json = json;
        this.commandUrl = commandUrl;
        this.accountsFile = dataDir.resolve("accounts.txt");
        this.mode = mode;
        this.authorizedClients = authorizedClients;
    }

    /** Whether {@code id} may go into a command-service path as one segment. */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * POSTs {@code body} as JSON to the path built from {@code template} (e.g.
     * {@code /api/referrals/{id}/answer}) with each id checked by {@link #isId} and encoded, as the signed-in
     * person.
     */
    public Answer post(String template, Object body, String... ids) {
        return send(authorization(), template, body, ids);
    }

    /** As {@link #post}, without any credential: the command-service takes it from the public, or refuses it. */
    public Answer postAsPublic(String template, Object body, String... ids) {
        return send(null, template, body, ids);
    }

    private Answer send(String authorization, String template, Object body, String... ids) {
        for (String id : ids) {
            if (!isId(id)) {
                throw new IllegalArgumentException("Not an id: refused before anything was sent");
            }
        }
        URI uri = UriComponentsBuilder.fromUriString(commandUrl)
                .path(template)
                .buildAndExpand((Object[]) ids)
                .encode()
                .toUri();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            if (authorization == null) {
                request.header("X-Forwarded-For", currentRequest().getRemoteAddr());
            } else {
                request.header("Authorization", authorization);
            }
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode content = answer.body().length == 0 ? json.createObjectNode() : readOrEmpty(answer.body());
            OptionalLong retryAfter = retryAfter(answer);
            // the browser is told the same wait as the page says in words
            retryAfter.ifPresent(seconds -> currentResponse().setHeader(RETRY_AFTER, Long.toString(seconds)));
            return new Answer(answer.statusCode(), content, retryAfter);
        } catch (IOException e) {
            throw new Unreachable("The command-service did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("Interrupted while waiting for the command-service", e);
        }
    }

    /** The delay form of {@code Retry-After} (the command-service's); none on an accepted command. */
    private static OptionalLong retryAfter(HttpResponse<?> answer) {
        if (answer.statusCode() != 429 && answer.statusCode() != 503) {
            return OptionalLong.empty();
        }
        return answer.headers()
                .firstValue(RETRY_AFTER)
                .map(String::trim)
                .filter(DELAY.asMatchPredicate())
                .map(value -> OptionalLong.of(Long.parseLong(value)))
                .orElse(OptionalLong.empty());
    }

    private static HttpServletResponse currentResponse() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse();
    }

    private static HttpServletRequest currentRequest() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    private JsonNode readOrEmpty(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException notJson) {
            return json.createObjectNode();
        }
    }

    /** The signed-in person's own credential for the command-service, never another's. */
    private String authorization() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            throw new NotSignedIn("Nobody is signed in");
        }
        if ("oidc".equals(mode)) {
            return bearer(auth).orElseThrow(() -> new NotSignedIn("No access token for the signed-in person"));
        }
        // only a form login over the local accounts names a local account
        if (!(auth instanceof UsernamePasswordAuthenticationToken)) {
            throw new NotSignedIn("Not signed in with a local account");
        }
        LocalAccounts.Account account = localAccounts().stream()
                .filter(a -> a.username().equals(auth.getName()))
                .findFirst()
                .orElseThrow(() -> new NotSignedIn("No local account of that name"));
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (account.username() + ":" + account.password()).getBytes(StandardCharsets.UTF_8));
    }

    private List<LocalAccounts.Account> localAccounts() {
        try {
            // read each time: an account appended or a password changed in the file applies at once
            return LocalAccounts.loadOrCreate(accountsFile);
        } catch (IOException e) {
            throw new NotSignedIn("The local accounts cannot be read");
        }
    }

    private Optional<String> bearer(Authentication auth) {
        OAuth2AuthorizedClientRepository repository = authorizedClients.getIfAvailable();
        if (!(auth instanceof OAuth2AuthenticationToken oauth) || repository == null) {
            return Optional.empty();
        }
        OAuth2AuthorizedClient client =
                repository.loadAuthorizedClient(oauth.getAuthorizedClientRegistrationId(), auth, currentRequest());
        return client == null || client.getAccessToken() == null
                ? Optional.empty()
                : Optional.of("Bearer " + client.getAccessToken().getTokenValue());
    }
}
