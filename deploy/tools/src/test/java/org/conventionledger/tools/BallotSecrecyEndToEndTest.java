package org.conventionledger.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ballot secrecy end to end, both services started from their jars: the command service takes the city's
 * identity tokens (RS256 JWTs checked against a configured public key), and a voter signs in with hers to
 * refer a matter in her own name, vote in a votation, and propose, vote and argue in a consultation. The
 * garants' trail queried by her subject, the trail's exports, the verifiable log export, the correlation
 * chain of her ballot, both services' metrics and both services' logs: none pairs her with a vote.
 */
class BallotSecrecyEndToEndTest {

    private static final String SUBJECT = "f3a9c2-alice-martin";
    private static final Set<String> VOTES = Set.of(
            "OnlineBallotCast",
            "PaperVoterCheckedOff",
            "PaperBallotRecorded",
            "ProposalSubmitted",
            "ProposalVoted",
            "ArgumentPosted");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private KeyPair identityProvider;

    @Test
    void noTrailQueryExportMetricOrLogLineTiesASignedInVoterToHerVotes() throws Exception {
        identityProvider = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Path publicKey = dataDir.resolve("idp-public.pem");
        Files.writeString(
                publicKey,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(identityProvider.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        // on the embedded store, which this test has to itself: its checks count every event in the log
        try (LedgerServices services = new LedgerServices(dataDir, null)
                .withCommandEnvironment("LEDGER_SECURITY_MODE", "oidc")
                .withCommandEnvironment(
                        "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLICKEYLOCATION",
                        publicKey.toUri().toString())
                .start()) {
            String c = services.commandUrl();
            String organiser = token("organiser@city", "ORGANISER");
            String alice = token(SUBJECT, "VOTER");

            String convention = post(
                            c + "/api/conventions",
                            organiser,
                            Map.of(
                                    "title",
                                    "Convention",
                                    "city",
                                    "Clermont-Ferrand",
                                    "plannedSessions",
                                    1,
                                    "transitions",
                                    List.of("DEMOCRATIC"),
                                    "mandate",
                                    Map.of(
                                            "deliberationReference",
                                            "D-1",
                                            "startsOn",
                                            "2022-01-01",
                                            "endsOn",
                                            "2022-12-31",
                                            "indemnityPerSession",
                                            0)))
                    .path("conventionId")
                    .asText();
            post(
                    c + "/api/conventions/" + convention + "/referrals",
                    alice,
                    Map.of(
                            "subject",
                            "Speaking time",
                            "text",
                            "Some members never get the floor.",
                            "referredBy",
                            "resident",
                            "referredOn",
                            "2022-03-01"));
            String topic = post(
                            c + "/api/conventions/" + convention + "/topics",
                            organiser,
                            Map.of("assembly", "DEMOCRATIC", "title", "Mobility"))
                    .path("topicId")
                    .asText();
            List<String> actions = new ArrayList<>();
            for (int number = 1; number <= 2; number++) {
                actions.add(finalisedAction(c, organiser, convention, topic, number));
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String votation = post(
                            c + "/api/conventions/" + convention + "/votations",
                            organiser,
                            Map.of(
                                    "title",
                                    "Votation",
                                    "actionIds",
                                    actions,
                                    "opensAt",
                                    now.minus(1, ChronoUnit.HOURS).toString(),
                                    "closesAt",
                                    now.plus(1, ChronoUnit.DAYS).toString(),
                                    "eligibility",
                                    Map.of("minimumAge", 0, "residenceRequired", false)))
                    .path("votationId")
                    .asText();
            post(c + "/api/votations/" + votation + "/open", organiser, Map.of());
            String ballotId = post(c + "/api/votations/" + votation + "/ballots", alice, Map.of("choices", List.of(2)))
                    .path("ballotId")
                    .asText();

            post(
                    c + "/api/topics/" + topic + "/cac-sheets",
                    organiser,
                    Map.of(
                            "findings",
                            "Too many cars",
                            "analysis",
                            "Few cycle lanes",
                            "commonCriteria",
                            List.of("Feasible"),
                            "specificCriteria",
                            List.of("Fewer cars")));
            String call = post(
                            c + "/api/conventions/" + convention + "/consultation/calls",
                            organiser,
                            Map.of(
                                    "topicId",
                                    topic,
                                    "title",
                                    "Ideas",
                                    "opensAt",
                                    now.minus(1, ChronoUnit.HOURS).toString(),
                                    "closesAt",
                                    now.plus(1, ChronoUnit.DAYS).toString()))
                    .path("callId")
                    .asText();
            String proposal = post(
                            c + "/api/consultation/calls/" + call + "/proposals",
                            alice,
                            Map.of("title", "Bike lanes", "text", "On every avenue."))
                    .path("proposalId")
                    .asText();
            String p = c + "/api/consultation/calls/" + call + "/proposals/" + proposal;
            post(p + "/votes", alice, Map.of("stance", "FOR"));
            post(p + "/arguments", alice, Map.of("text", "Safer for children."));

            LedgerClient garant = new LedgerClient(services.accounts());
            String q = services.queryUrl();
            JsonNode ballots = awaitTrail(garant, q + "/api/audit/events?type=OnlineBallotCast", 1);
            JsonNode ballot = ballots.get(0);
            assertThat(ballot.path("aggregateId").asText()).isEqualTo(ballotId);
            assertThat(ballot.path("actor").path("id").asText()).isEqualTo("voter-signing-in");
            assertThat(ballot.path("actor").path("role").asText()).isEqualTo("VOTER");
            awaitTrail(garant, q + "/api/audit/events?type=ArgumentPosted", 1);

            JsonNode hers = garant.get(
                            q + "/api/audit/events?limit=1000&actor="
                                    + URLEncoder.encode(SUBJECT, StandardCharsets.UTF_8),
                            "garant")
                    .path("events");
            assertThat(hers).extracting(e -> e.path("type").asText()).containsExactly("MatterReferred");
            for (JsonNode entry :
                    garant.get(q + "/api/audit/events?limit=1000", "garant").path("events")) {
                if (VOTES.contains(entry.path("type").asText())) {
                    assertThat(entry.toString()).as(entry.path("type").asText()).doesNotContain(SUBJECT);
                }
            }
            JsonNode causes = garant.get(
                    q + "/api/audit/events/" + ballot.path("position").asLong() + "/causes", "garant");
            assertThat(causes.toString()).doesNotContain(SUBJECT);

            assertThat(linesOf(text(q + "/api/audit/export", basic(services, "garant")), "MatterReferred"))
                    .singleElement()
                    .asString()
                    .contains(SUBJECT);
            for (String format : List.of("jsonl", "csv")) {
                String export = text(q + "/api/audit/events/export?format=" + format, basic(services, "garant"));
                assertThat(linesOf(export, "MatterReferred"))
                        .singleElement()
                        .asString()
                        .contains(SUBJECT);
                for (String vote : VOTES) {
                    assertThat(linesOf(export, vote))
                            .as(format + " lines of " + vote)
                            .noneMatch(l -> l.contains(SUBJECT));
                }
            }
            String log = text(q + "/api/audit/export", basic(services, "garant"));
            for (String vote : VOTES) {
                assertThat(linesOf(log, vote)).as("log export lines of " + vote).noneMatch(l -> l.contains(SUBJECT));
            }
            assertThat(linesOf(log, "OnlineBallotCast")).hasSize(1);

            assertThat(metrics(c, List.of("Bearer " + token("operator@city", "OPERATOR"), "Bearer " + organiser)))
                    .doesNotContain(SUBJECT);
            assertThat(metrics(q, Arrays.asList(basic(services, "operator"), basic(services, "organiser"))))
                    .doesNotContain(SUBJECT);
            assertThat(services.logs()).doesNotContain(SUBJECT).doesNotContain(ballotId.substring("ballot-".length()));
        }
    }

    private String finalisedAction(String c, String organiser, String convention, String topic, int number)
            throws Exception {
        String action = post(
                        c + "/api/conventions/" + convention + "/actions",
                        organiser,
                        Map.of("number", number, "topicId", topic, "title", "Action " + number, "text", "Do " + number))
                .path("actionId")
                .asText();
        String base = c + "/api/actions/" + action;
        post(base + "/consent-round", organiser, Map.of("participants", List.of("member-1")));
        post(base + "/consent-round/consents", organiser, Map.of("participants", List.of("member-1")));
        post(base + "/consent-round/decision", organiser, Map.of());
        return action;
    }

    /** The trail's entries at {@code url}, once it holds at least {@code count} (the trail follows the log). */
    private static JsonNode awaitTrail(LedgerClient garant, String url, int count) throws InterruptedException {
        JsonNode events = Eventually.await(
                count + " entries at " + url,
                Duration.ofMinutes(1),
                () -> garant.get(url, "garant").path("events"),
                found -> found.size() >= count);
        return events;
    }

    private static List<String> linesOf(String text, String type) {
        return text.lines()
                .filter(l ->
                        l.contains("\"" + type + "\"") || l.contains("," + type + ",") || l.contains("." + type + "\""))
                .toList();
    }

    /** The Prometheus scrape, with the first of these credentials (nulls skipped) the service accepts for it. */
    private String metrics(String service, List<String> authorisations) throws Exception {
        for (String authorisation : authorisations) {
            if (authorisation == null) {
                continue;
            }
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(service + "/actuator/prometheus"))
                            .header("Authorization", authorisation)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                assertThat(response.body()).contains("# TYPE");
                return response.body();
            }
        }
        throw new AssertionError(service + "/actuator/prometheus accepted none of the credentials");
    }

    private String text(String url, String authorisation) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", authorisation)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private JsonNode post(String url, String bearer, Object body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("POST " + url + " → " + response.body())
                .isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    /** HTTP Basic credentials of a local account; null when the accounts file has none of that name. */
    private static String basic(LedgerServices services, String user) throws Exception {
        String password = Files.readAllLines(services.accounts()).stream()
                .map(l -> l.trim().split("\\s+"))
                .filter(p -> p.length == 3 && p[1].equals(user))
                .findFirst()
                .map(p -> p[2])
                .orElse(null);
        if (password == null) {
            return null;
        }
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** An identity token as the city's provider would sign it (RS256, compact JWS). */
    private String token(String subject, String role) throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = url.encodeToString(JSON.writeValueAsBytes(Map.of(
                "sub", subject, "roles", List.of(role), "iat", now, "exp", now + 3600, "aud", "convention-ledger")));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(identityProvider.getPrivate());
        rs256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + url.encodeToString(rs256.sign());
    }
}
