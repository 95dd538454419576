package org.conventionledger.command.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.conventionledger.platform.identity.LocalAccounts;
import org.conventionledger.platform.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The write side under bad input and from outside, over real HTTP (local accounts): operations data is
 * for the operator, bodies are bounded (413, nothing written), lists are bounded, every error is
 * {@code application/problem+json} naming no class of the code, and forged cross-site requests are
 * refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RequestLimitsHttpTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", dataDir::toString);
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MB = 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private String basic(Role role) throws Exception {
        LocalAccounts.Account account = LocalAccounts.loadOrCreate(dataDir.resolve("accounts.txt")).stream()
                .filter(a -> a.role() == role)
                .findFirst()
                .orElseThrow();
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (account.username() + ":" + account.password()).getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path, Role as) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return as == null ? request : request.header("Authorization", basic(as));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String path, Role as, String body) throws Exception {
        return send(request(path, as)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private long events() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM DomainEventEntry WHERE type IS NULL OR type <> 'Keyring'", Long.class);
    }

    /** The problem, checked to be problem+json that names no Java class. */
    private static JsonNode problem(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type"))
                .as(response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("org.conventionledger", "java.", "com.fasterxml", "Exception", "$");
        return JSON.readTree(response.body());
    }

    /** Sends a raw request (headers, then as much of the body as given) and reads the answer's head and body. */
    private String raw(String head, byte[] body) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (java.io.IOException closedEarly) {
                // the server may answer and close before the body is all sent: its answer is read below
            }
            // read up to the end of the problem: the server may keep the connection open to drain the body
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            int read;
            while ((read = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                int code = answer.indexOf("\"code\"");
                if (code >= 0 && answer.indexOf("}", code) > 0) {
                    break;
                }
            }
            return answer.toString();
        }
    }

    @Test
    void healthIsPublicAndEveryOtherOperationsEndpointIsForTheOperator() throws Exception {
        assertThat(send(request("/actuator/health", null)).statusCode()).isEqualTo(200);
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info")) {
            HttpResponse<String> anonymous = send(request(path, null));
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(problem(anonymous).path("code").asText()).isEqualTo("unauthenticated");
            for (Role role : List.of(Role.ORGANISER, Role.GARANT, Role.MONITOR, Role.VOTER, Role.PLATFORM)) {
                assertThat(send(request(path, role)).statusCode())
                        .as(role + " " + path)
                        .isEqualTo(403);
            }
            // tests run without the Prometheus registry (Spring Boot's default): passing security is the point
            assertThat(send(request(path, Role.OPERATOR)).statusCode()).as(path).isNotIn(401, 403);
        }
        assertThat(send(request("/actuator/metrics", Role.OPERATOR)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aTwentyMegabyteBodyIsRefusedWith413BeforeItIsReadAndWritesNothing() throws Exception {
        long before = events();
        int declared = 20 * MB;
        String answer = raw(
                "POST /api/conventions HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                        + basic(Role.ORGANISER) + "\r\nContent-Type: application/json\r\nContent-Length: " + declared
                        + "\r\n\r\n",
                ("{\"title\":\"" + "x".repeat(MB)).getBytes(StandardCharsets.UTF_8));
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("application/problem+json").contains("\"code\":\"body-too-large\"");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aBodyWithoutDeclaredLengthIsCutAtTheLimit() throws Exception {
        long before = events();
        StringBuilder chunks = new StringBuilder();
        String chunk = "x".repeat(64 * 1024);
        chunks.append(Integer.toHexString(11)).append("\r\n{\"title\":\"x\r\n");
        for (int i = 0; i < 40; i++) {
            chunks.append(Integer.toHexString(chunk.length()))
                    .append("\r\n")
                    .append(chunk)
                    .append("\r\n");
        }
        chunks.append("0\r\n\r\n");
        String answer = raw(
                "POST /api/conventions HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                        + basic(Role.ORGANISER) + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                        + "Connection: close\r\n\r\n",
                chunks.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("\"code\":\"body-too-large\"");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aResidentsListMayBeLargerThanAJsonCommand() throws Exception {
        String csv = "last_name,first_name,birth_date\n" + "Martin,Alice,1980-01-01\n".repeat(3 * MB / 24);
        HttpResponse<String> response =
                send(request("/api/conventions/nowhere/source-lists/none/residents", Role.ORGANISER)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(csv)));
        assertThat(response.statusCode())
                .as("read in full, then refused for the unknown list")
                .isNotEqualTo(413);
        problem(response);
    }

    @Test
    void aBallotWithTooManyChoicesIsRefusedNamingTheField() throws Exception {
        long before = events();
        String choices = IntStream.rangeClosed(1, Limits.ITEMS + 1)
                .mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
        HttpResponse<String> response = postJson(
                "/api/votations/v-1/ballots", Role.PLATFORM, "{\"voterRef\":\"r-1\",\"choices\":[" + choices + "]}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = problem(response);
        assertThat(problem.path("code").asText()).isEqualTo("invalid-fields");
        assertThat(problem.path("errors").findValuesAsText("field")).contains("choices");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void malformedBodiesNameTheFieldNeverAClass() throws Exception {
        String convention = """
                {"title":"C","city":"Clermont-Ferrand","plannedSessions":6,"transitions":["NOPE"],
                 "mandate":{"deliberationReference":"D-1","startsOn":"2021-10-01","endsOn":"2022-06-30",
                            "indemnityPerSession":20}}""";
        JsonNode badEnum = problem(postJson("/api/conventions", Role.ORGANISER, convention));
        assertThat(badEnum.path("field").asText()).isEqualTo("transitions[0]");
        assertThat(badEnum.path("detail").asText()).contains("transitions[0]").contains("SOCIAL");

        JsonNode unknownField = problem(postJson("/api/conventions", Role.ORGANISER, "{\"title\":\"C\",\"extra\":1}"));
        assertThat(unknownField.path("field").asText()).isEqualTo("extra");
        JsonNode wrongType = problem(postJson("/api/conventions", Role.ORGANISER, "{\"plannedSessions\":\"six\"}"));
        assertThat(wrongType.path("detail").asText())
                .contains("plannedSessions")
                .contains("a number");
        JsonNode notJson = problem(postJson("/api/conventions", Role.ORGANISER, "{\"title\":"));
        assertThat(notJson.path("code").asText()).isEqualTo("malformed-request");
    }

    @Test
    void unknownPathsWrongMethodsAndMediaTypesAreProblems() throws Exception {
        HttpResponse<String> unknown = send(request("/api/nowhere", Role.ORGANISER));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(problem(unknown).path("code").asText()).isEqualTo("http-404");

        HttpResponse<String> method =
                send(request("/api/conventions", Role.ORGANISER).DELETE());
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(problem(method).path("code").asText()).isEqualTo("http-405");

        HttpResponse<String> media = send(request("/api/conventions", Role.ORGANISER)
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<c/>")));
        assertThat(media.statusCode()).isEqualTo(415);
        assertThat(problem(media).path("code").asText()).isEqualTo("http-415");

        HttpResponse<String> error = send(request("/error", null));
        assertThat(error.statusCode()).isEqualTo(500);
        assertThat(problem(error).path("code").asText()).isEqualTo("internal-error");
    }

    @Test
    void aForgedCrossSiteRequestIsRefusedAndWritesNothing() throws Exception {
        long before = events();
        HttpResponse<String> fetchMetadata = send(request("/api/conventions", Role.ORGANISER)
                .header("Content-Type", "application/json")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(fetchMetadata.statusCode()).isEqualTo(403);
        assertThat(problem(fetchMetadata).path("code").asText()).isEqualTo("cross-site-request");
        HttpResponse<String> origin = send(request("/api/conventions", Role.ORGANISER)
                .header("Content-Type", "text/plain")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(origin.statusCode()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
        // the same request from the ledger's own origin reaches the API (and is refused there for its body)
        HttpResponse<String> own = send(request("/api/conventions", Role.ORGANISER)
                .header("Content-Type", "application/json")
                .header("Origin", "http://localhost:" + port)
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(own.statusCode()).isEqualTo(400);
    }

    @Test
    void anUnexpectedFailureIsA500ThatNamesNothingOfTheCode() {
        var problem = new Problems().unhandled(new IllegalStateException("org.conventionledger.Secret failed"));
        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getDetail()).doesNotContain("Secret");
        assertThat(problem.getProperties()).containsEntry("code", "internal-error");
        assertThat(ClientMessages.readable("No enum constant org.conventionledger.events.Transition.X", "fallback"))
                .isEqualTo("fallback");
        assertThat(ClientMessages.readable("A vote is FOR, MIXED or AGAINST.", "fallback"))
                .isEqualTo("A vote is FOR, MIXED or AGAINST.");
    }
}
