package org.conventionledger.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.conventionledger.tools.demo.ClermontDemo;
import org.conventionledger.tools.demo.RecruitmentDemo;
import org.conventionledger.tools.verify.DrawVerification;
import org.conventionledger.tools.verify.LogVerification;

/**
 * What the Clermont replay must show of recruitment and the panel's life: the funnel, the panel against
 * its quotas, seats, attrition, roles, sessions and indemnities; a garant re-running the draw and the
 * panel from an export; the print shop's letters; and an erasure that leaves the log verifiable.
 */
final class RecruitmentChecks {

    /** Distinct invented residents over the seven lists (overlapping ranges 0–8,549). */
    static final int LISTED = 8_550;

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecruitmentChecks() {}

    static void verifyRecruitment(LedgerClient client, LedgerServices services, ClermontDemo.Result result)
            throws InterruptedException {
        String url = services.queryUrl() + "/api/conventions/" + result.conventionId();
        JsonNode view = Eventually.await(
                "67 active members",
                Duration.ofMinutes(2),
                () -> client.get(url + "/recruitment", "garant"),
                v -> v.path("funnel").path("active").asInt() == 67);
        JsonNode funnel = view.path("funnel");
        assertThat(funnel.path("listed").asInt()).isEqualTo(LISTED);
        assertThat(funnel.path("drawn").asInt()).isEqualTo(2_000);
        assertThat(funnel.path("invited").asInt()).isEqualTo(2_000);
        assertThat(funnel.path("reminded").asInt()).isEqualTo(300);
        assertThat(funnel.path("answered").path("accepted").asInt()).isEqualTo(160);
        assertThat(funnel.path("answered").path("declined").asInt()).isEqualTo(410);
        assertThat(funnel.path("answered").path("noAnswer").asInt()).isEqualTo(1_430);
        assertThat(funnel.path("volunteers").asInt()).isEqualTo(160);
        assertThat(funnel.path("selected").asInt()).isEqualTo(70);
        assertThat(funnel.path("seated").asInt()).isEqualTo(70);
        assertThat(funnel.path("active").asInt()).isEqualTo(67);

        assertThat(view.path("sourceLists")).hasSize(7);
        int drawnFromLists = StreamSupport.stream(view.path("sourceLists").spliterator(), false)
                .mapToInt(l -> l.path("drawn").asInt())
                .sum();
        assertThat(drawnFromLists).isEqualTo(2_000);

        JsonNode panel = view.path("panel");
        assertThat(panel.path("panelSize").asInt()).isEqualTo(70);
        assertThat(panel.path("algorithm").asText()).isEqualTo("leximin-v5");
        assertThat(panel.path("minProbability").asDouble()).isGreaterThan(0.2);
        assertThat(panel.path("reserveRemaining").asInt()).isEqualTo(90);
        assertThat(panel.path("quotas"))
                .hasSize(11)
                .allSatisfy(q -> assertThat(q.path("panelOutsideQuota").asBoolean())
                        .as(q.toString())
                        .isFalse());

        Map<String, Integer> capacity = Map.of("ECOLOGICAL", 24, "SOCIAL", 24, "DEMOCRATIC", 22);
        Map<String, Integer> active = Map.of("ECOLOGICAL", 23, "SOCIAL", 23, "DEMOCRATIC", 21);
        assertThat(view.path("assemblies")).hasSize(3).allSatisfy(a -> {
            assertThat(a.path("capacity").asInt())
                    .isEqualTo(capacity.get(a.path("assembly").asText()));
            assertThat(a.path("seated").asInt())
                    .isEqualTo(capacity.get(a.path("assembly").asText()));
            assertThat(a.path("active").asInt())
                    .isEqualTo(active.get(a.path("assembly").asText()));
        });
        assertThat(view.path("attrition").path("withdrawn").asInt()).isEqualTo(2);
        assertThat(view.path("attrition").path("lost").asInt()).isEqualTo(1);
        assertThat(view.path("delegatedRoles"))
                .hasSize(3)
                .allSatisfy(roles -> assertThat(roles.size()).isEqualTo(8));

        JsonNode sessions = client.get(url + "/sessions", "monitor");
        assertThat(sessions).hasSize(12).allSatisfy(s -> {
            assertThat(s.path("closed").asBoolean()).isTrue();
            assertThat(s.path("indemnities").path("paid").decimalValue())
                    .isEqualByComparingTo(s.path("indemnities").path("due").decimalValue());
        });
        assertThat(StreamSupport.stream(sessions.spliterator(), false)
                        .map(s -> s.path("number").asInt())
                        .distinct())
                .containsExactly(1, 2, 3, 4, 5, 6);
        JsonNode sixth = StreamSupport.stream(sessions.spliterator(), false)
                .filter(s -> s.path("number").asInt() == 6)
                .findFirst()
                .orElseThrow();
        assertThat(sixth.path("attendance").path("expected").asInt()).isEqualTo(67);
    }

    /** A garant re-runs the draw of invitees and the panel selection from an export of the log. */
    static void verifiesTheDrawFromTheExport(Path exportFile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = DrawVerification.run(exportFile.toString(), null, null, new PrintStream(out), System.err);
        String verdicts = out.toString(StandardCharsets.UTF_8);
        assertThat(verdicts).contains("\"verified\":true").doesNotContain("\"verified\":false");
        // the demo commits the entropy's source with the seed and invites every drawn resident
        assertThat(verdicts).contains("\"unaccounted\":[],\"warnings\":[]").doesNotContain("source not committed");
        assertThat(exit).as(verdicts).isZero();
    }

    /**
     * On the store the services run on (embedded H2 or PostgreSQL): the export attaches the lottery's panel
     * record (ADR-010) and verify-draw checks the lottery and the draw from it; stripped of it, as an export
     * of an Axon Server deployment is, the lottery fails to verify until the record served by the command side
     * is given beside the export.
     */
    static void verifiesTheLotteryWithAndWithoutItsRecordInTheExport(LedgerServices services) throws Exception {
        Path export = services.dataDir.resolve("lottery-check.jsonl");
        Files.writeString(export, text(services, services.queryUrl() + "/api/audit/export", "garant"));
        verifiesTheDrawFromTheExport(export);
        List<JsonNode> lotteries = new ArrayList<>();
        StringBuilder stripped = new StringBuilder();
        for (String line : Files.readAllLines(export)) {
            ObjectNode parsed = (ObjectNode) JSON.readTree(line);
            if (parsed.path("payloadType").asText().endsWith(".PanelLotteryComputed")) {
                lotteries.add(parsed);
                parsed = parsed.deepCopy();
                parsed.remove("panelRecord");
            }
            stripped.append(JSON.writeValueAsString(parsed)).append('\n');
        }
        assertThat(lotteries)
                .singleElement()
                .satisfies(lottery -> assertThat(lottery.path("panelRecord").asText())
                        .as("the export attaches the record")
                        .isNotEmpty());
        String sha256 = JSON.readTree(lotteries.get(0).path("payload").asText())
                .path("panelRecord")
                .path("sha256")
                .asText();
        Path withoutRecord = services.dataDir.resolve("lottery-check-without-record.jsonl");
        Files.writeString(withoutRecord, stripped);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(DrawVerification.run(withoutRecord.toString(), null, null, new PrintStream(out), System.err))
                .isEqualTo(DrawVerification.NOT_VERIFIED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("is missing from the export");

        HttpResponse<byte[]> served = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(services.commandUrl() + "/api/lottery-records/" + sha256))
                                .header("Authorization", ClermontReplayTest.basicAuth(services, "garant"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        Path record = services.dataDir.resolve("lottery-record.bin");
        Files.write(record, served.body());
        out.reset();
        int exit = DrawVerification.run(
                withoutRecord.toString(), null, null, List.of(record.toString()), new PrintStream(out), System.err);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"verified\":true")
                .doesNotContain("\"verified\":false");
        assertThat(exit).isEqualTo(DrawVerification.VERIFIED);
    }

    /**
     * The print shop's letters open names (the read is logged); an erasure deletes one person's key: their
     * letter prints [erased], no fresh export holds their name, and the log and the draw still verify.
     */
    static void erasesAPersonAndTheLogStillVerifies(
            LedgerClient client, LedgerServices services, ClermontDemo.Result result) throws Exception {
        String conventionUrl = services.commandUrl() + "/api/conventions/" + result.conventionId();
        List<String> letters = text(services, conventionUrl + "/invitations/letters.csv", "organiser")
                .lines()
                .toList();
        assertThat(letters).hasSize(2_001);
        assertThat(letters.get(0)).isEqualTo("invitation_id,last_name,first_name,address,postcode,city");
        assertThat(letters).noneMatch(line -> line.contains("[erased]"));
        String[] first = letters.get(1).split(",");
        String fullName = first[1] + "," + first[2];

        JsonNode sent = client.get(services.queryUrl() + "/api/audit/events?type=InvitationSent&limit=1", "garant");
        String personId =
                sent.path("events").path(0).path("payload").path("residentRef").asText();
        String invitationId =
                sent.path("events").path(0).path("payload").path("invitationId").asText();
        assertThat(invitationId).isEqualTo(first[0]);
        JsonNode erased = client.post(
                conventionUrl + "/persons/" + personId + "/erasure",
                "organiser",
                Map.of("basis", "GDPR art. 17", "requestedOn", "2022-09-01"));
        assertThat(erased.path("keyDeleted").asBoolean()).isTrue();

        List<String> after = text(services, conventionUrl + "/invitations/letters.csv", "organiser")
                .lines()
                .toList();
        assertThat(after.get(1)).isEqualTo(first[0] + ",[erased],,,,");
        assertThat(after.subList(2, after.size())).noneMatch(line -> line.contains("[erased]"));

        reimportingTheErasedPersonMakesANewUnlinkedPerson(client, services, conventionUrl, first, personId);

        Path export = services.dataDir.resolve("after-erasure.jsonl");
        long last = ClermontReplayTest.lastPosition(client, services);
        JsonNode seal = Eventually.await(
                "the chain reaching the end of the log",
                Duration.ofMinutes(1),
                () -> client.get(services.queryUrl() + "/api/audit/seal", "garant"),
                s -> s.path("position").asLong() >= last);
        Files.writeString(export, text(services, services.queryUrl() + "/api/audit/export", "garant"));
        Path sealFile = services.dataDir.resolve("seal-after-erasure.json");
        Files.writeString(sealFile, seal.toString());
        String content = Files.readString(export);
        assertThat(content)
                .contains("PersonalDataErased")
                .contains("PersonalDataRead")
                .doesNotContain(fullName);
        scansTheStoresForTheirData(services, personId, first);
        assertThat(LogVerification.run(
                        export.toString(),
                        java.util.List.of(sealFile.toString()),
                        new PrintStream(new ByteArrayOutputStream()),
                        System.err))
                .isEqualTo(LogVerification.INTACT);
        verifiesTheDrawFromTheExport(export);
    }

    /**
     * The organiser imports the erased resident again (same name, birth date and address, on a new list):
     * the vault no longer maps them to their old id, so they are listed as a new person whose id is not the
     * erased one; the letters still print for everyone, the erased row as [erased].
     */
    private static void reimportingTheErasedPersonMakesANewUnlinkedPerson(
            LedgerClient client, LedgerServices services, String conventionUrl, String[] letter, String erasedId)
            throws Exception {
        String row = IntStream.range(0, RecruitmentDemo.POPULATION)
                .mapToObj(person -> String.join(",", RecruitmentDemo.resident(person)))
                .filter(r -> r.startsWith(letter[1] + "," + letter[2] + ",")
                        && r.contains(letter[3])
                        && r.contains("," + letter[4] + ","))
                .findFirst()
                .orElseThrow();
        long before = ClermontReplayTest.lastPosition(client, services);
        String listId = client.post(
                        conventionUrl + "/source-lists", "organiser", Map.of("name", "late list", "kind", "late"))
                .path("listId")
                .asText();
        JsonNode imported = client.postCsv(
                conventionUrl + "/source-lists/" + listId + "/residents",
                "organiser",
                "last_name,first_name,birth_date,address,postcode,city\n" + row + "\n");
        assertThat(imported.path("newPeople").asInt()).isEqualTo(1);

        ClermontReplayTest.lastPosition(client, services);
        JsonNode listed =
                client.get(services.queryUrl() + "/api/audit/events?type=ResidentsListed&after=" + before, "garant");
        assertThat(listed.path("events")).singleElement().satisfies(event -> {
            assertThat(event.path("payload").path("listId").asText()).isEqualTo(listId);
            assertThat(event.path("payload").path("residents"))
                    .singleElement()
                    .satisfies(resident -> assertThat(resident.path("personId").asText())
                            .matches("p-[0-9a-f]{24}")
                            .isNotEqualTo(erasedId));
        });
        List<String> letters = text(services, conventionUrl + "/invitations/letters.csv", "organiser")
                .lines()
                .toList();
        assertThat(letters).hasSize(2_001).contains(letter[0] + ",[erased],,,,");
    }

    /**
     * A full-text scan of the files of the event store and of the read store: the person's pseudonymous id
     * is there (the scan reads what the stores hold), their name and address are not — not in clear, not
     * in any form a byte search finds. (Their sealed identity stays in the log as ciphertext, now without
     * a key.) The stores must have been written uncompressed ({@link LedgerServices#uncompressed()}): LZF
     * pages break text into back-references, which would hide a name as well as the id the scan must find.
     */
    private static void scansTheStoresForTheirData(LedgerServices services, String personId, String[] letter)
            throws Exception {
        String lastName = letter[1];
        String firstName = letter[2];
        String address = letter[3];
        for (String file : List.of("eventstore.mv.db", "readstore.mv")) {
            String bytes = new String(Files.readAllBytes(services.dataDir.resolve(file)), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as(file).contains(latin1(personId));
            assertThat(bytes)
                    .as(file)
                    .doesNotContain(latin1(firstName + " " + lastName))
                    .doesNotContain(latin1(lastName + "," + firstName))
                    .doesNotContain(latin1(lastName + "\",\"firstName"))
                    .doesNotContain(latin1(address));
        }
    }

    /** The UTF-8 bytes of a text, as the ISO-8859-1 string a byte search of a file compares them with. */
    private static String latin1(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static String text(LedgerServices services, String url, String user) throws Exception {
        String password = Files.readAllLines(services.accounts()).stream()
                .map(l -> l.split("\\s+"))
                .filter(p -> p[1].equals(user))
                .findFirst()
                .orElseThrow()[2];
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString((user + ":" + password)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }
}
