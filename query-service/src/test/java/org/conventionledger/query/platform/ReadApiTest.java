package org.conventionledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.conventionledger.platform.identity.LocalAccounts;
import org.conventionledger.platform.identity.Role;
import org.conventionledger.query.QueryServiceApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The read API over real HTTP, as its clients call it: the service on a random port, requests signed in
 * with the local account of a role (from the accounts file the service wrote), and a wait for the read
 * side to catch up with what a test wrote to the log.
 */
@SpringBootTest(classes = QueryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class ReadApiTest extends ReadServiceTest {

    protected static final HttpClient HTTP = HttpClient.newHttpClient();
    protected static final ObjectMapper JSON = new ObjectMapper();
    /** How long the read side may take to project what a test wrote, on a busy build machine. */
    protected static final Duration CATCH_UP = Duration.ofSeconds(60);

    @LocalServerPort
    protected int port;

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Sends the request signed in as the role's local account; anonymously when the role is null. */
    protected HttpResponse<String> send(HttpRequest.Builder request, Role as) throws Exception {
        if (as != null) {
            LocalAccounts.Account account = LocalAccounts.loadOrCreate(dataDir.resolve("accounts.txt")).stream()
                    .filter(a -> a.role() == as)
                    .findFirst()
                    .orElseThrow();
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((account.username() + ":" + account.password())
                                            .getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path, Role as) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), as);
    }

    /** The JSON answer once the path answers 200 with a body {@code ready} accepts; fails with the last answer. */
    protected JsonNode await(String path, Role as, Predicate<JsonNode> ready) {
        AtomicReference<JsonNode> body = new AtomicReference<>();
        Awaitility.await("the read side to catch up on " + path)
                .atMost(CATCH_UP)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    HttpResponse<String> response = get(path, as);
                    String answer = response.statusCode() + " " + response.body();
                    assertThat(response.statusCode()).as(() -> answer).isEqualTo(200);
                    JsonNode json = JSON.readTree(response.body());
                    assertThat(ready.test(json)).as(() -> "ready: " + answer).isTrue();
                    body.set(json);
                });
        return body.get();
    }

    /** The probe's value once {@code done} accepts it, polled while the read side catches up. */
    protected static <T> T awaitValue(String what, Callable<T> probe, Predicate<? super T> done) {
        return Awaitility.await(what)
                .atMost(CATCH_UP)
                .pollInterval(Duration.ofMillis(100))
                .until(probe, done::test);
    }

    /** The body of a problem answer, checking it is {@code application/problem+json}. */
    protected static JsonNode problem(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        return JSON.readTree(response.body());
    }
}
