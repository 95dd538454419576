package org.conventionledger.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.conventionledger.platform.identity.LocalAccounts;
import org.conventionledger.platform.identity.Role;
import org.conventionledger.tools.demo.ClermontDemo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: both services started as processes on the embedded stores (and, when CI provides one,
 * on PostgreSQL), the Clermont-Ferrand convention loaded through the public write API, and every
 * published figure read back from the read API.
 */
class ClermontReplayTest {

    @TempDir
    Path dataDir;

    @Test
    void replaysClermontOnTheEmbeddedDefault() throws Exception {
        try (LedgerServices services =
                new LedgerServices(dataDir, null).uncompressed().start()) {
            ClermontDemo.Result result = replayAndVerify(services);
            LedgerClient client = new LedgerClient(services.accounts());
            AsOfChecks.verifiesTheVotationMidpoint(client, services, result);
            AsOfChecks.verifiesTheEvaluation(client, services, result);
            RebuildChecks.rebuildsEveryProjectionToTheSameViews(client, services, result);
            rejectsBadWritesWithoutWritingAnything(services);
            sealsExportsAndVerifiesTheLog(services);
            RecruitmentChecks.verifiesTheLotteryWithAndWithoutItsRecordInTheExport(services);
            RecruitmentChecks.erasesAPersonAndTheLogStillVerifies(client, services, result);
            countsConcurrentBallotsExactlyOnce(services, result);
            servesOperationsEndpoints(services);
            DeploymentChecks.theDataIsOwnerOnly(services);
            DeploymentChecks.theEmbeddedDatabaseListensOnLoopbackOnly(services);
        }
    }

    @Test
    void replaysClermontOnPostgres() throws Exception {
        assumeThat(LedgerServices.POSTGRES_URL)
                .as("LEDGER_TEST_POSTGRES_URL (set by .ci/run)")
                .isNotBlank();
        String schema = "e2e_" + System.nanoTime();
        try (var connection = DriverManager.getConnection(
                LedgerServices.POSTGRES_URL,
                System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_USER", "ledger"),
                System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_PASSWORD", ""))) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        }
        String url = LedgerServices.POSTGRES_URL + (LedgerServices.POSTGRES_URL.contains("?") ? "&" : "?")
                + "currentSchema=" + schema;
        try (LedgerServices services = new LedgerServices(dataDir, url).start()) {
            ClermontDemo.Result result = replayAndVerify(services);
            RecruitmentChecks.verifiesTheLotteryWithAndWithoutItsRecordInTheExport(services);
            RebuildChecks.rebuildsEveryProjectionToTheSameViews(
                    new LedgerClient(services.accounts()), services, result);
            rejectsBadWritesWithoutWritingAnything(services);
            countsConcurrentBallotsExactlyOnce(services, result);
        }
    }

    static ClermontDemo.Result replayAndVerify(LedgerServices services) throws Exception {
        ClermontDemo.Result result =
                new ClermontDemo(services.commandUrl(), services.queryUrl(), services.accounts(), line -> {}).run();
        assertThat(result.mismatches()).isEmpty();
        assertThat(result.loaded()).isTrue();

        LedgerClient client = new LedgerClient(services.accounts());
        JsonNode dashboard = client.get(
                services.queryUrl() + "/api/conventions/" + result.conventionId() + "/dashboard", "organiser");
        assertThat(dashboard.path("invitationsSent").asInt()).isEqualTo(2000);
        assertThat(dashboard.path("membersSeated").asInt()).isEqualTo(70);
        assertThat(dashboard.path("membersByTransition").path("ECOLOGICAL").asInt())
                .isEqualTo(24);
        assertThat(dashboard.path("membersByTransition").path("SOCIAL").asInt()).isEqualTo(24);
        assertThat(dashboard.path("membersByTransition").path("DEMOCRATIC").asInt())
                .isEqualTo(22);
        assertThat(dashboard.path("topicsChosen").asInt()).isEqualTo(9);
        assertThat(dashboard.path("actionsFinalised").asInt()).isEqualTo(40);
        assertThat(dashboard.path("objectionsRaised").asInt())
                .isEqualTo(dashboard.path("objectionsLifted").asInt())
                .isPositive();
        JsonNode votation = dashboard.path("votations").path(0);
        assertThat(votation.path("status").asText()).isEqualTo("CLOSED");
        assertThat(votation.path("totalVotes").asInt()).isEqualTo(12_994);
        assertThat(votation.path("paperVotes").asInt()).isEqualTo(3_050);
        assertThat(votation.path("onlineVotes").asInt()).isEqualTo(9_944);

        verifyDeliberation(client, services, result);
        RecruitmentChecks.verifyRecruitment(client, services, result);

        JsonNode social = client.get(
                services.queryUrl() + "/api/votations/" + result.votationId() + "/ranking?transition=SOCIAL", null);
        assertThat(social.path("entries"))
                .allSatisfy(e -> assertThat(e.path("transition").asText()).isEqualTo("SOCIAL"));
        assertThat(social.path("entries").path(0).path("rank").asInt()).isEqualTo(1);

        JsonNode conventions = client.get(services.queryUrl() + "/api/conventions", "monitor");
        assertThat(conventions.findValuesAsText("city")).containsExactly("Clermont-Ferrand");

        // the ledger's key is published (LedgerKeyPublished) as the convention opens, so look the opening up by type
        JsonNode trail = client.get(services.queryUrl() + "/api/audit/events?type=ConventionOpened&limit=1", "garant");
        JsonNode first = trail.path("events").path(0);
        assertThat(first.path("type").asText()).isEqualTo("ConventionOpened");
        assertThat(first.path("actor").path("id").asText()).isEqualTo("organiser");
        assertThat(first.path("actor").path("role").asText()).isEqualTo("ORGANISER");
        assertThat(first.path("causationId").asText()).isNotBlank();
        JsonNode ballots =
                client.get(services.queryUrl() + "/api/audit/events?type=OnlineBallotCast&limit=1", "garant");
        assertThat(ballots.path("events").path(0).path("actor").path("role").asText())
                .isEqualTo("PLATFORM");
        assertThat(ballots.path("events")
                        .path(0)
                        .path("payload")
                        .path("voterPseudonym")
                        .asText())
                .hasSize(64)
                .doesNotContain("clermont-online");
        assertThatThrownBy(() -> client.get(services.queryUrl() + "/api/audit/events", "organiser"))
                .isInstanceOfSatisfying(
                        LedgerClient.Rejected.class, r -> assertThat(r.status()).isEqualTo(403));
        return result;
    }

    /**
     * Topics chosen by the assemblies' majority-judgment votes, 23 expertise sheets, every action
     * final through a consent round, and each elected official's objection visible in the action's
     * history with the amendment (and amended version) that lifted it.
     */
    static void verifyDeliberation(LedgerClient client, LedgerServices services, ClermontDemo.Result result)
            throws InterruptedException {
        String q = services.queryUrl();
        JsonNode deliberation = Eventually.await(
                "40 final actions",
                Duration.ofMinutes(1),
                () -> client.get(q + "/api/conventions/" + result.conventionId() + "/deliberation", "garant"),
                d -> d.path("actionsByStage").findValues("FINAL").stream()
                                .mapToInt(JsonNode::asInt)
                                .sum()
                        == 40);
        assertThat(deliberation.path("openObjectionsByCategory").findValues("NEEDS_LARGE_MEANS").stream()
                        .mapToInt(JsonNode::asInt)
                        .sum())
                .isZero();
        assertThat(deliberation.path("topics")).hasSize(9);
        assertThat(deliberation.path("topics").findValues("hearings").stream()
                        .mapToInt(JsonNode::asInt)
                        .sum())
                .isEqualTo(23);
        assertThat(deliberation.path("votes"))
                .hasSize(4)
                .allSatisfy(v -> assertThat(v.path("status").asText()).isEqualTo("CLOSED"));

        for (JsonNode vote : deliberation.path("votes")) {
            JsonNode result1 = client.get(
                    q + "/api/deliberation/votes/" + vote.path("voteId").asText(), "monitor");
            if ("TOPIC_CHOICE".equals(result1.path("purpose").asText())) {
                assertThat(result1.path("chosen")).hasSize(3);
                assertThat(result1.path("ranking")).hasSize(5);
                assertThat(result1.path("ranking").path(0).path("rank").asInt()).isEqualTo(1);
            } else {
                assertThat(result1.path("judgments").asInt()).isEqualTo(70);
                assertThat(result1.path("ranking")).hasSize(40);
            }
        }

        JsonNode raised = client.get(q + "/api/audit/events?limit=1000&type=ObjectionRaised", "garant")
                .path("events");
        assertThat(raised).hasSize(8);
        for (JsonNode objection : raised) {
            String actionId = objection.path("payload").path("actionId").asText();
            JsonNode history = client.get(q + "/api/actions/" + actionId + "/history", "garant");
            assertThat(history.path("stage").asText()).isEqualTo("FINAL");
            JsonNode lifted = history.path("objections").path(0);
            assertThat(lifted.path("raisedBy").asText()).isEqualTo("elected official");
            assertThat(lifted.path("status").asText()).isEqualTo("LIFTED");
            assertThat(lifted.path("amendment").asText()).isNotBlank();
            int amendedVersion = lifted.path("amendedVersion").asInt();
            assertThat(amendedVersion).isGreaterThanOrEqualTo(2);
            JsonNode version = history.path("versions").path(amendedVersion - 1);
            assertThat(version.path("text").asText())
                    .contains(lifted.path("amendment").asText());
            assertThat(history.path("rounds").path(0).path("decidedVersion").asInt())
                    .isEqualTo(amendedVersion);
        }
    }

    /** Malformed or rule-breaking requests to every write endpoint: problem+json, and no new event. */
    static void rejectsBadWritesWithoutWritingAnything(LedgerServices services) throws Exception {
        LedgerClient client = new LedgerClient(services.accounts());
        long before = lastPosition(client, services);
        String c = services.commandUrl();
        JsonNode conventions = client.get(services.queryUrl() + "/api/conventions", "organiser");
        String conventionId = conventions.path(0).path("conventionId").asText();
        JsonNode dashboard =
                client.get(services.queryUrl() + "/api/conventions/" + conventionId + "/dashboard", "organiser");
        String votationId =
                dashboard.path("votations").path(0).path("votationId").asText();

        List<String[]> malformed = List.of(
                new String[] {"/api/conventions", "{\"title\":"},
                new String[] {"/api/conventions/" + conventionId + "/invitations", "[1,2"},
                new String[] {
                    "/api/conventions/" + conventionId + "/invitations/INV-0001/answer", "{\"answer\":\"MAYBE\"}"
                },
                new String[] {"/api/conventions/" + conventionId + "/members", "{\"assembly\":\"SOCIAL\"}"},
                new String[] {"/api/conventions/" + conventionId + "/draws", "{\"lists\":[],\"seedCommitment\":\"x\"}"},
                new String[] {"/api/conventions/" + conventionId + "/panel/draw", "{\"seed\":\"s\"}"},
                new String[] {"/api/conventions/" + conventionId + "/sessions", "{\"number\":0}"},
                new String[] {"/api/conventions/" + conventionId + "/topics", "{}"},
                new String[] {"/api/conventions/" + conventionId + "/actions", "{\"number\":\"x\"}"},
                new String[] {"/api/actions/x/objections", "{\"category\":\"BAD\"}"},
                new String[] {"/api/actions/x/objections/y/lift", "{\"amendment\":\"\"}"},
                new String[] {"/api/conventions/" + conventionId + "/votations", "{\"title\":\"t\"}"},
                new String[] {"/api/votations/" + votationId + "/paper-tallies", "{\"deskId\":\"d\"}"},
                new String[] {"/api/votations/" + votationId + "/ballots", "{\"choices\":[]}"});
        for (String[] request : malformed) {
            String caller = request[0].endsWith("/ballots") ? "platform" : "organiser";
            HttpResponse<String> response = rawPost(services, c + request[0], caller, request[1]);
            assertThat(response.statusCode()).as(request[0]).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(request[0])
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }

        assertRejected(
                () -> client.post(
                        c + "/api/votations/" + votationId + "/ballots",
                        "platform",
                        Map.of("voterRef", "late-voter", "choices", List.of(1))),
                409,
                "votation-not-open");
        assertRejected(
                () -> client.post(
                        c + "/api/conventions/" + conventionId + "/invitations/INV-0001/answer",
                        "organiser",
                        Map.of("answer", "DECLINED", "answeredOn", "2021-10-01")),
                409,
                "answers-closed");
        assertRejected(
                () -> client.post(
                        c + "/api/conventions/" + conventionId + "/panel/draw",
                        "organiser",
                        Map.of("seed", "again", "publicEntropy", "dice: 6 6 6")),
                409,
                "panel-drawn");
        assertRejected(
                () -> client.post(
                        c + "/api/conventions/" + conventionId + "/invitations/closure",
                        "organiser",
                        Map.of("deadline", "2021-10-09")),
                409,
                "answers-closed");
        assertRejected(
                () -> client.post(
                        c + "/api/conventions/nope/topics", "organiser", Map.of("assembly", "SOCIAL", "title", "t")),
                404,
                "unknown-id");
        assertRejected(
                () -> client.post(c + "/api/votations/" + votationId + "/close", "garant", Map.of()), 403, "forbidden");
        assertThat(rawPost(services, c + "/api/conventions", null, "{}").statusCode())
                .isEqualTo(401);

        lastPosition(client, services);
        // the ledger signs tree heads by itself meanwhile (at a close, at the merge delay): not the requests' doing
        JsonNode written = client.get(services.queryUrl() + "/api/audit/events?limit=1000&after=" + before, "garant")
                .path("events");
        assertThat(written)
                .as("no event was written")
                .allSatisfy(event ->
                        assertThat(event.path("aggregateType").asText()).isEqualTo("Keyring"));
    }

    /**
     * A garant's round trip: take a seal of the whole Clermont log, export the log, verify it with the
     * ledger tool (intact), publish the seal in the log and countersign it with an Ed25519 key.
     */
    static void sealsExportsAndVerifiesTheLog(LedgerServices services) throws Exception {
        LedgerClient client = new LedgerClient(services.accounts());
        long last = lastPosition(client, services);
        JsonNode seal = Eventually.await(
                "the chain reaching the end of the log",
                Duration.ofMinutes(1),
                () -> client.get(services.queryUrl() + "/api/audit/seal", "garant"),
                s -> s.path("position").asLong() >= last);
        assertThat(seal.path("position").asLong())
                .as("the chain reaches the end of the log")
                .isEqualTo(last);

        HttpResponse<String> export = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(services.queryUrl() + "/api/audit/export"))
                                .header("Authorization", basicAuth(services, "garant"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(export.statusCode()).isEqualTo(200);
        Path exportFile = services.dataDir.resolve("ledger-log.jsonl");
        Path sealFile = services.dataDir.resolve("seal.json");
        java.nio.file.Files.writeString(exportFile, export.body());
        java.nio.file.Files.writeString(sealFile, seal.toString());
        var verdict = new java.io.ByteArrayOutputStream();
        int exit = org.conventionledger.tools.verify.LogVerification.run(
                exportFile.toString(),
                java.util.List.of(sealFile.toString()),
                new java.io.PrintStream(verdict),
                System.err);
        assertThat(verdict.toString()).contains("\"intact\"");
        assertThat(exit).isEqualTo(org.conventionledger.tools.verify.LogVerification.INTACT);
        RecruitmentChecks.verifiesTheDrawFromTheExport(exportFile);

        String sealId = client.post(services.commandUrl() + "/api/seals", "garant", seal)
                .path("sealId")
                .asText();
        var key = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        var signer = java.security.Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(org.conventionledger.events.integrity.ChainLink.sealText(
                        seal.path("chain").asText(),
                        seal.path("position").asLong(),
                        seal.path("head").asText(),
                        seal.path("length").asLong())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var encoder = java.util.Base64.getEncoder();
        client.post(
                services.commandUrl() + "/api/seals/" + sealId + "/countersignatures",
                "garant",
                Map.of(
                        "publicKey", encoder.encodeToString(key.getPublic().getEncoded()),
                        "signature", encoder.encodeToString(signer.sign())));
        assertRejected(
                () -> client.post(
                        services.commandUrl() + "/api/seals/" + sealId + "/countersignatures",
                        "garant",
                        Map.of(
                                "publicKey",
                                encoder.encodeToString(key.getPublic().getEncoded()),
                                "signature",
                                encoder.encodeToString(new byte[64]))),
                409,
                "already-countersigned");
    }

    static String basicAuth(LedgerServices services, String user) throws java.io.IOException {
        String password = java.nio.file.Files.readAllLines(services.accounts()).stream()
                .map(l -> l.split("\\s+"))
                .filter(p -> p[1].equals(user))
                .findFirst()
                .orElseThrow()[2];
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    /**
     * A second votation over the same actions: the same voter racing eight ballots gets exactly one
     * accepted (the event store's uniqueness, not a lock), and 300 voters voting at once are all
     * counted once in the projections.
     */
    static void countsConcurrentBallotsExactlyOnce(LedgerServices services, ClermontDemo.Result clermont)
            throws Exception {
        LedgerClient client = new LedgerClient(services.accounts());
        String c = services.commandUrl();
        List<String> actionIds = new java.util.ArrayList<>();
        JsonNode trail =
                client.get(services.queryUrl() + "/api/audit/events?limit=1000&type=ActionFinalised", "garant");
        trail.path("events")
                .forEach(e -> actionIds.add(e.path("payload").path("actionId").asText()));
        assertThat(actionIds).hasSize(40);
        // online ballots are accepted within the scheduled period by the recording clock: a period around now
        java.time.Instant now = java.time.Instant.now();
        String votationId = client.post(
                        c + "/api/conventions/" + clermont.conventionId() + "/votations",
                        "organiser",
                        Map.of(
                                "title",
                                "Second round",
                                "opensAt",
                                now.minusSeconds(60).toString(),
                                "closesAt",
                                now.plus(java.time.Duration.ofDays(1)).toString(),
                                "actionIds",
                                actionIds))
                .path("votationId")
                .asText();
        // residents aged 16 or more (the default rule): the platform attests each voter's facts (not logged)
        Map<String, Object> adult = Map.of("birthDate", "1980-04-02", "resident", true);
        client.post(c + "/api/votations/" + votationId + "/open", "organiser", Map.of());

        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> racing = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racing.add(pool.submit(() -> {
                    try {
                        client.post(
                                c + "/api/votations/" + votationId + "/ballots",
                                "platform",
                                Map.of("voterRef", "racing-voter", "choices", List.of(14), "voterFacts", adult));
                        return 201;
                    } catch (LedgerClient.Rejected r) {
                        return r.status();
                    }
                }));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var f : racing) {
                statuses.add(f.get());
            }
            assertThat(statuses)
                    .containsOnly(201, 409)
                    .filteredOn(s -> s == 201)
                    .hasSize(1);

            List<java.util.concurrent.Future<?>> voters = new java.util.ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String voter = "concurrent-voter-" + i;
                List<Integer> choices = List.of(1 + i % 40, 1 + (i + 7) % 40);
                voters.add(pool.submit(() -> client.post(
                        c + "/api/votations/" + votationId + "/ballots",
                        "platform",
                        Map.of("voterRef", voter, "choices", choices, "voterFacts", adult))));
            }
            for (var f : voters) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        client.post(c + "/api/votations/" + votationId + "/close", "organiser", Map.of());

        JsonNode ranking = Eventually.await(
                "the closed votation's ranking",
                Duration.ofMinutes(1),
                () -> client.get(services.queryUrl() + "/api/votations/" + votationId + "/ranking", "garant"),
                r -> r.path("status").asText().equals("CLOSED")
                        && r.path("onlineBallots").asInt() >= 301);
        assertThat(ranking.path("onlineBallots").asInt()).isEqualTo(301);
        assertThat(ranking.path("onlineVotes").asInt()).isEqualTo(1 + 600);
    }

    static void servesOperationsEndpoints(LedgerServices services) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String operator = "Basic "
                + Base64.getEncoder()
                        .encodeToString(("operator:"
                                        + LocalAccounts.loadOrCreate(services.accounts()).stream()
                                                .filter(a -> a.role() == Role.OPERATOR)
                                                .findFirst()
                                                .orElseThrow()
                                                .password())
                                .getBytes(StandardCharsets.UTF_8));
        for (String base : List.of(services.commandUrl(), services.queryUrl())) {
            var docs = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(docs.statusCode()).isEqualTo(200);
            assertThat(docs.body()).contains("\"openapi\"");
            var health = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as("health is public").isEqualTo(200);
            var anonymous = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).as("metrics are not public").isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        var commandMetrics = http.send(
                HttpRequest.newBuilder(URI.create(services.commandUrl() + "/actuator/prometheus"))
                        .header("Authorization", operator)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(commandMetrics.statusCode()).isEqualTo(200);
        assertThat(commandMetrics.body()).contains("commandBus_allTimer_seconds");
        var queryMetrics = http.send(
                HttpRequest.newBuilder(URI.create(services.queryUrl() + "/actuator/prometheus"))
                        .header("Authorization", operator)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(queryMetrics.statusCode()).isEqualTo(200);
        assertThat(queryMetrics.body()).contains("eventProcessor_latency");
        assertThat(services.logs()).contains("Axon update checker disabled");
    }

    static long lastPosition(LedgerClient client, LedgerServices services) throws InterruptedException {
        // let the trail catch up with everything written so far
        long previous = -2;
        while (true) {
            long last = -1;
            long after = -1;
            while (true) {
                JsonNode page =
                        client.get(services.queryUrl() + "/api/audit/events?limit=1000&after=" + after, "garant");
                if (page.path("events").isEmpty()) {
                    break;
                }
                after = page.path("next").asLong();
                last = after;
            }
            if (last == previous) {
                return last;
            }
            previous = last;
            Thread.sleep(1500);
        }
    }

    private static HttpResponse<String> rawPost(LedgerServices services, String url, String user, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            String password = java.nio.file.Files.readAllLines(services.accounts()).stream()
                    .map(l -> l.split("\\s+"))
                    .filter(p -> p[1].equals(user))
                    .findFirst()
                    .orElseThrow()[2];
            request.header(
                    "Authorization",
                    "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes()));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRejected(Runnable request, int status, String code) {
        assertThatThrownBy(request::run).isInstanceOfSatisfying(LedgerClient.Rejected.class, r -> {
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.problem().path("code").asText()).isEqualTo(code);
        });
    }
}
