package org.conventionledger.query.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.events.integrity.TreeHeads;
import org.conventionledger.events.oversight.GarantKeyRegistered;
import org.conventionledger.events.oversight.MatterReferred;
import org.conventionledger.events.oversight.SealPublished;
import org.conventionledger.events.oversight.TreeHeadSigned;
import org.conventionledger.events.votation.ActionVotes;
import org.conventionledger.events.votation.PaperTallyEntered;
import org.conventionledger.events.votation.PaperTallyMismatched;
import org.conventionledger.platform.identity.LocalAccounts;
import org.conventionledger.platform.identity.Role;
import org.conventionledger.query.QueryServiceApplication;
import org.conventionledger.query.pages.StandInCommandService.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pages' write flows relay forms to the command-service as the signed-in person (ADR-007). A stand-in
 * command-service records every request it receives, so each test shows what reached it: the person's own
 * credential and nothing else, and nothing at all for a forged, anonymous, wrong-role or badly filled form.
 */
@SpringBootTest(classes = QueryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PagesRelayHttpTest {

    @TempDir
    static Path dataDir;

    private static final StandInCommandService COMMANDS = StandInCommandService.start();
    private static final Queue<Received> RECEIVED = COMMANDS.received;

    private static final String CONVENTION = "conv-relay";
    private static final String VOTATION = "vot-relay";
    private static final String REFERRAL = "ref-relay";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PUBLIC_REFERRAL = "&conventionId=" + CONVENTION
            + "&subject=Bruit&text=La+s%C3%A9ance+a+commenc%C3%A9+tard.&referredBy=resident&noThirdParty=yes"
            + "&contact=jeanne%40example.org";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> dataDir.toString());
        registry.add("ledger.read-store.uri", () -> "");
        registry.add("ledger.command-url", COMMANDS::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    private static boolean published;

    @AfterAll
    static void stopCommandService() {
        COMMANDS.stop();
    }

    @BeforeEach
    void votationOpenWithTwoActions() throws Exception {
        COMMANDS.reset();
        if (!published) {
            published = true;
            eventStore.publish(
                    new GenericDomainEventMessage<>(
                            "Convention",
                            CONVENTION,
                            0,
                            conventionOpened(CONVENTION, "Relay", "Clermont-Ferrand", SOCIAL)),
                    new GenericDomainEventMessage<>(
                            "Votation",
                            VOTATION,
                            0,
                            votationScheduled(
                                    CONVENTION, VOTATION, "Relay votation", item(1, SOCIAL), item(2, SOCIAL))),
                    new GenericDomainEventMessage<>("Votation", VOTATION, 1, votationOpened(CONVENTION, VOTATION)),
                    new GenericDomainEventMessage<>(
                            "Referral",
                            REFERRAL,
                            0,
                            new MatterReferred(
                                    CONVENTION,
                                    REFERRAL,
                                    "Noise",
                                    "The session started late.",
                                    List.of(),
                                    "resident",
                                    LocalDate.of(2025, 6, 1),
                                    null)));
        }
        HttpClient organiser = signedIn(Role.ORGANISER);
        HttpClient garant = signedIn(Role.GARANT);
        for (int attempt = 0; attempt < 600; attempt++) {
            boolean ballot = organiser
                    .send(get("/votations/" + VOTATION + "/desks"), ofString())
                    .body()
                    .contains("name=\"a2\"");
            boolean referral =
                    garant.send(get("/audit/referrals/" + REFERRAL), ofString()).statusCode() == 200;
            if (ballot && referral) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the read side never showed the votation and the referral");
    }

    @Test
    void anOrganisersTallyReachesTheCommandServiceUnderTheirOwnAccountAndNothingElse() throws Exception {
        HttpResponse<String> answer = organiserPosts(
                "/votations/" + VOTATION + "/desks",
                "&deskId=d1&deskName=Salle+Gaillard&countedAt=2025-06-15T20:00&a1=10&a2=5"
                        // a form cannot choose who acts: these are ignored
                        + "&enteredBy=organiser2&actor=garant&username=garant");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("/votations/" + VOTATION + "/desks");

        assertThat(RECEIVED).hasSize(1);
        Received sent = RECEIVED.peek();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/api/votations/" + VOTATION + "/paper-tallies");
        assertThat(sent.authorization()).isEqualTo(basic(Role.ORGANISER));
        assertThat(sent.body().path("deskId").asText()).isEqualTo("d1");
        assertThat(sent.body().path("countedAt").asText())
                .as("Paris summer time")
                .isEqualTo("2025-06-15T18:00:00Z");
        assertThat(sent.body().path("votes").toString())
                .isEqualTo("[{\"actionNumber\":1,\"votes\":10},{\"actionNumber\":2,\"votes\":5}]");
        assertThat(sent.body().has("enteredBy")).isFalse();
        assertThat(sent.body().has("actor")).isFalse();
        assertThat(sent.body().has("username")).isFalse();
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndNothingIsSent() throws Exception {
        HttpClient organiser = signedIn(Role.ORGANISER);
        HttpResponse<String> answer = organiser.send(
                post("/votations/" + VOTATION + "/desks", "deskId=d1&deskName=D&countedAt=2025-06-15T20:00&a1=1&a2=1"),
                ofString());
        assertThat(answer.statusCode()).isEqualTo(403);
        HttpResponse<String> forged = organiser.send(
                post(
                        "/votations/" + VOTATION + "/desks",
                        "_csrf=not-the-token&deskId=d1&deskName=D&countedAt=2025-06-15T20:00&a1=1&a2=1"),
                ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> referral = HttpClient.newHttpClient()
                .send(
                        post(
                                "/referrals",
                                "conventionId=" + CONVENTION
                                        + "&subject=s&text=t&referredBy=resident&noThirdParty=yes"),
                        ofString());
        assertThat(referral.statusCode()).isEqualTo(403);
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void theAnonymousPublicRefersAMatterWithoutAnyCredentialAndCannotWriteAnythingElse() throws Exception {
        HttpClient anonymous = browser();
        String token = token(anonymous, "/referrals/new");
        assertThat(anonymous.send(get("/referrals/new"), ofString()).body())
                .contains("id=\"third-party\"")
                .contains("id=\"anonymous\"")
                .contains("referral-form")
                .contains("id=\"r-contact\"")
                .doesNotContain("id=\"r-referredOn\"");
        for (String path : List.of(
                "/votations/" + VOTATION + "/desks",
                "/votations/" + VOTATION + "/desks/d1/confirmation",
                "/audit/referrals/" + REFERRAL + "/answer",
                "/audit/seals",
                "/audit/tree-heads",
                "/audit/tree-heads/h-1/countersignatures",
                "/audit/seals/s-1/countersignatures")) {
            HttpResponse<String> answer = anonymous.send(
                    post(path, "_csrf=" + enc(token) + "&a1=1&a2=1&answer=a&keyId=k&signature=s&on=" + LocalDate.now()),
                    ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow())
                    .as(path)
                    .endsWith("/login");
        }
        assertThat(RECEIVED).isEmpty();

        COMMANDS.answer(201, "{\"referralId\":\"r-public\"}");
        HttpResponse<String> sent =
                anonymous.send(post("/referrals", "_csrf=" + enc(token) + PUBLIC_REFERRAL), ofString());
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(RECEIVED).hasSize(1);
        Received relayed = RECEIVED.peek();
        assertThat(relayed.path()).isEqualTo("/api/conventions/" + CONVENTION + "/referrals");
        assertThat(relayed.authorization()).as("no credential of anyone's").isNull();
        assertThat(relayed.forwardedFor())
                .as("the browser's address, for the rate limit")
                .isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(relayed.body().path("contact").asText()).isEqualTo("jeanne@example.org");
        assertThat(relayed.body().has("referredOn")).isFalse();

        RECEIVED.clear();
        HttpResponse<String> backdated = anonymous.send(
                post("/referrals", "_csrf=" + enc(token) + PUBLIC_REFERRAL + "&referredOn=2020-01-01"), ofString());
        assertThat(backdated.statusCode()).isEqualTo(400);
        assertThat(backdated.body()).contains("Seul un organisateur date un courrier");
        HttpResponse<String> longContact = anonymous.send(
                post("/referrals", "_csrf=" + enc(token) + PUBLIC_REFERRAL + "x".repeat(200)), ofString());
        assertThat(longContact.statusCode()).isEqualTo(400);
        assertThat(longContact.body()).contains("id=\"r-contact-error\"");
        assertThat(RECEIVED).as("nothing sent for a bad form").isEmpty();
    }

    @Test
    void theCommandServicesRateLimitIsShownInWordsWithTheWaitAndPassedOnAsRetryAfter() throws Exception {
        String tooMany = "{\"status\":429,\"code\":\"too-many-referrals\",\"detail\":\"Too many.\"}";
        COMMANDS.answer(429, tooMany, Map.of("Retry-After", "2501"));
        HttpClient anonymous = browser();
        String token = token(anonymous, "/referrals/new");
        HttpResponse<String> answer =
                anonymous.send(post("/referrals", "_csrf=" + enc(token) + PUBLIC_REFERRAL), ofString());
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("2501");
        assertThat(answer.body())
                .contains("Trop de saisines ont été envoyées sans compte")
                .contains("réessayez dans 42 minutes, ou connectez-vous.")
                .doesNotContain("too-many-referrals");

        COMMANDS.answer(429, tooMany, Map.of("Retry-After", "30"));
        HttpResponse<String> inEnglish = anonymous.send(
                HttpRequest.newBuilder(uri("/referrals"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept-Language", "en")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(token) + PUBLIC_REFERRAL))
                        .build(),
                ofString());
        assertThat(inEnglish.statusCode()).isEqualTo(429);
        assertThat(inEnglish.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(inEnglish.body()).contains("try again in 30 seconds, or sign in.");

        COMMANDS.answer(429, tooMany);
        HttpResponse<String> noWait =
                anonymous.send(post("/referrals", "_csrf=" + enc(token) + PUBLIC_REFERRAL), ofString());
        assertThat(noWait.headers().firstValue("Retry-After")).isEmpty();
        assertThat(noWait.body()).contains("réessayez plus tard, ou connectez-vous.");
    }

    @Test
    void noRoleGetsThroughTheRelayWhatItsOwnRoleDoesNotAllow() throws Exception {
        String tally = "&deskId=d1&deskName=D&countedAt=2025-06-15T20:00&a1=1&a2=1";
        for (Role role : List.of(Role.GARANT, Role.MONITOR, Role.VOTER, Role.PLATFORM, Role.OPERATOR)) {
            HttpClient person = signedIn(role);
            String token = token(person, "/referrals/new");
            assertThat(person.send(post("/votations/" + VOTATION + "/desks", "_csrf=" + enc(token) + tally), ofString())
                            .statusCode())
                    .as(role + " enters a tally")
                    .isEqualTo(403);
            assertThat(person.send(
                                    post(
                                            "/votations/" + VOTATION + "/desks/d1/corrections",
                                            "_csrf=" + enc(token) + tally + "&reason=r"),
                                    ofString())
                            .statusCode())
                    .as(role + " corrects")
                    .isEqualTo(403);
        }
        for (Role role : List.of(Role.ORGANISER, Role.MONITOR, Role.VOTER, Role.PLATFORM)) {
            HttpClient person = signedIn(role);
            String token = token(person, "/referrals/new");
            for (String path : List.of(
                    "/audit/referrals/" + REFERRAL + "/acknowledgement",
                    "/audit/seals",
                    "/audit/tree-heads",
                    "/audit/tree-heads/head-relay/countersignatures",
                    "/audit/seals/seal-relay/countersignatures")) {
                assertThat(person.send(post(path, "_csrf=" + enc(token) + "&on=" + LocalDate.now()), ofString())
                                .statusCode())
                        .as(role + " " + path)
                        .isEqualTo(403);
            }
        }
        for (Role role : List.of(Role.GARANT, Role.MONITOR, Role.PLATFORM, Role.OPERATOR)) {
            HttpClient person = signedIn(role);
            String token = token(person, "/referrals/new");
            assertThat(person.send(
                                    post(
                                            "/referrals",
                                            "_csrf=" + enc(token) + "&conventionId=" + CONVENTION
                                                    + "&subject=s&text=t&referredBy=resident&noThirdParty=yes"),
                                    ofString())
                            .statusCode())
                    .as(role + " refers a matter")
                    .isEqualTo(403);
        }
        // a signed-in organiser adding a garant's Basic credentials to a page form still acts as the organiser
        HttpClient organiser = signedIn(Role.ORGANISER);
        String token = token(organiser, "/referrals/new");
        HttpResponse<String> borrowed = organiser.send(
                HttpRequest.newBuilder(uri("/audit/seals"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", basic(Role.GARANT))
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(token)))
                        .build(),
                ofString());
        assertThat(borrowed.statusCode()).isEqualTo(403);
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void badInputIsNamedAtItsFieldsAndNothingIsSent() throws Exception {
        HttpResponse<String> answer = organiserPosts(
                "/votations/" + VOTATION + "/desks",
                "&deskId=..%2F..%2Freferrals&deskName=&countedAt=tonight&a1=-3&a2=douze");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body())
                .contains("Donnez l&#39;identifiant du bureau")
                .contains("Donnez le nom du bureau.")
                .contains("Donnez la date et l&#39;heure du dépouillement.")
                .contains("Le nombre de voix de l&#39;action n° 1 doit être un nombre entier, 0 ou plus.")
                .contains("Le nombre de voix de l&#39;action n° 2 doit être un nombre entier, 0 ou plus.")
                .contains("id=\"enter-a1\"")
                .contains("aria-invalid=\"true\"")
                .contains("id=\"enter-deskId-error\"")
                .contains("value=\"../../referrals\"")
                .contains("value=\"douze\"");

        HttpResponse<String> noReason =
                organiserPosts("/votations/" + VOTATION + "/desks/d1/corrections", "&a1=1&a2=2&reason=+");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Dites pourquoi les chiffres sont corrigés.");

        HttpResponse<String> oddDesk =
                organiserPosts("/votations/" + VOTATION + "/desks/d.1/confirmation", "&a1=1&a2=2");
        assertThat(oddDesk.statusCode()).as("an id the pages never write").isEqualTo(404);

        HttpClient voter = signedIn(Role.VOTER);
        String voterToken = token(voter, "/referrals/new");
        HttpResponse<String> referral = voter.send(
                post(
                        "/referrals",
                        "_csrf=" + enc(voterToken) + "&conventionId=" + CONVENTION
                                + "&subject=&text=+&referredBy=mayor&referredOn=2025-01-01"),
                ofString());
        assertThat(referral.statusCode()).isEqualTo(400);
        assertThat(referral.body())
                .contains("Donnez un objet")
                .contains("Décrivez la question")
                .contains("habitant ou que membre")
                .contains("Seul un organisateur date un courrier")
                .contains("Cochez cette case");
        HttpResponse<String> otherConvention = voter.send(
                post(
                        "/referrals",
                        "_csrf=" + enc(voterToken)
                                + "&conventionId=nope&subject=s&text=t&referredBy=resident&noThirdParty=yes"),
                ofString());
        assertThat(otherConvention.body()).contains("Choisissez une convention de la liste.");

        HttpClient garant = signedIn(Role.GARANT);
        String garantToken = token(garant, "/audit/referrals/" + REFERRAL);
        HttpResponse<String> noDate = garant.send(
                post("/audit/referrals/" + REFERRAL + "/answer", "_csrf=" + enc(garantToken) + "&answer=&on=someday"),
                ofString());
        assertThat(noDate.statusCode()).isEqualTo(400);
        assertThat(noDate.body()).contains("Écrivez la réponse").contains("Donnez une date (jour, mois, année).");
        HttpResponse<String> badDay = garant.send(
                post("/audit/referrals/" + REFERRAL + "/acknowledgement", "_csrf=" + enc(garantToken) + "&on=someday"),
                ofString());
        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(badDay.body()).contains("id=\"acknowledge-on-error\"").contains("value=\"someday\"");
        assertThat(garant.send(
                                post(
                                        "/audit/referrals/unknown/answer",
                                        "_csrf=" + enc(garantToken) + "&answer=a&on=2025-06-02"),
                                ofString())
                        .statusCode())
                .isEqualTo(404);
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void theCommandServicesRefusalIsShownInWordsNotAsItsCode() throws Exception {
        COMMANDS.answer(
                409,
                "{\"status\":409,\"code\":\"same-organiser\",\"detail\":\"Desk d1's pending figures were entered"
                        + " by organiser: another organiser confirms them.\"}");
        HttpClient organiser = signedIn(Role.ORGANISER);
        String token = token(organiser, "/votations/" + VOTATION + "/desks");
        HttpResponse<String> answer = organiser.send(
                post("/votations/" + VOTATION + "/desks/d1/confirmation", "_csrf=" + enc(token) + "&a1=10&a2=5"),
                ofString());
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body())
                .contains("Vous avez saisi ces chiffres : un autre organisateur doit les confirmer.")
                .doesNotContain("same-organiser");
        assertThat(RECEIVED).hasSize(1);
        assertThat(RECEIVED.peek().path()).isEqualTo("/api/votations/" + VOTATION + "/paper-tallies/d1/confirmation");
        assertThat(RECEIVED.peek().authorization()).isEqualTo(basic(Role.ORGANISER));

        RECEIVED.clear();
        COMMANDS.answer(
                409, "{\"status\":409,\"code\":\"already-answered\",\"detail\":\"Referral was already answered.\"}");
        HttpClient garant = signedIn(Role.GARANT);
        String garantToken = token(garant, "/audit/referrals/" + REFERRAL);
        HttpResponse<String> twice = garant.send(
                post(
                        "/audit/referrals/" + REFERRAL + "/answer",
                        "_csrf=" + enc(garantToken) + "&answer=Done&on=2025-06-02"),
                ofString());
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("Cette saisine a déjà reçu sa réponse.");
        assertThat(RECEIVED.peek().authorization()).isEqualTo(basic(Role.GARANT));
        assertThat(RECEIVED.peek().body().path("answer").asText()).isEqualTo("Done");
    }

    @Test
    void aResidentsReferralGoesAsThemselvesWithoutADateOfTheirChoosing() throws Exception {
        COMMANDS.answer(201, "{\"referralId\":\"r-9\"}");
        HttpClient voter = signedIn(Role.VOTER);
        String token = token(voter, "/referrals/new");
        HttpResponse<String> answer = voter.send(
                post(
                        "/referrals",
                        "_csrf=" + enc(token) + "&conventionId="
                                + CONVENTION
                                + "&subject=Bruit&text=La+s%C3%A9ance+a+commenc%C3%A9+tard.&referredBy=resident"
                                + "&noThirdParty=yes"),
                ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(RECEIVED).hasSize(1);
        Received sent = RECEIVED.peek();
        assertThat(sent.path()).isEqualTo("/api/conventions/" + CONVENTION + "/referrals");
        assertThat(sent.authorization()).isEqualTo(basic(Role.VOTER));
        assertThat(sent.body().path("text").asText()).isEqualTo("La séance a commencé tard.");
        assertThat(sent.body().has("referredOn")).isFalse();
        assertThat(sent.body().has("noThirdParty")).isFalse();
    }

    @Test
    void aGarantCountersignsAHeadWithAKeyThatNeverReachesTheServerAndABadSignatureIsSaidInWords() throws Exception {
        String root = "ab".repeat(32);
        eventStore.publish(new GenericDomainEventMessage<>(
                "Keyring",
                "keyring-relay",
                0,
                new TreeHeadSigned(
                        "keyring-relay",
                        "head-relay",
                        "ledger-tree-v1",
                        3,
                        3,
                        root,
                        Instant.parse("2025-06-02T10:00:00Z"),
                        "session 4",
                        "ledger-key",
                        "c2ln")));
        String text = TreeHeads.headText(3, 3, root, "2025-06-02T10:00:00Z");
        HttpClient garant = signedIn(Role.GARANT);
        String page = garant.send(get("/audit/countersign?headId=head-relay"), ofString())
                .body();
        assertSignable(page, text, "head.txt");
        assertThat(page).contains("id=\"offline\"");

        // the garant signs at home with their own key; only the signature comes back
        KeyPair own = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String signature = TreeHeads.sign(own.getPrivate(), text);
        String keyId = TreeHeads.fingerprint(TreeHeads.encode(own.getPublic()));
        String token = token(garant, "/audit/countersign?headId=head-relay");
        String pasted = signature.substring(0, 40) + "\n" + signature.substring(40);
        COMMANDS.answer(201, "{\"headId\":\"head-relay\",\"status\":\"COUNTERSIGNED\"}");
        HttpResponse<String> done = garant.send(
                post(
                        "/audit/tree-heads/head-relay/countersignatures",
                        "_csrf=" + enc(token) + "&keyId=" + keyId + "&signature=" + enc(pasted)),
                ofString());
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(RECEIVED).hasSize(1);
        Received sent = RECEIVED.peek();
        assertThat(sent.path()).isEqualTo("/api/tree-heads/head-relay/countersignatures");
        assertThat(sent.authorization()).isEqualTo(basic(Role.GARANT));
        assertThat(sent.body().path("keyId").asText()).isEqualTo(keyId);
        assertThat(sent.body().path("signature").asText()).isEqualTo(signature);
        assertThat(sent.body().size())
                .as("the signature and the key's id, nothing else")
                .isEqualTo(2);

        aRefusedSignatureIsSaidInWords(
                garant,
                "/audit/tree-heads/head-relay/countersignatures",
                "_csrf=" + enc(token) + "&keyId=" + keyId + "&signature=" + enc(signature));
        HttpResponse<String> bad = garant.send(
                post(
                        "/audit/tree-heads/head-relay/countersignatures",
                        "_csrf=" + enc(token) + "&keyId=not-a-key&signature=%3Cscript%3E"),
                ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"cs-keyId-error\"").contains("id=\"cs-signature-error\"");
        assertThat(garant.send(
                                post(
                                        "/audit/tree-heads/no-such-head/countersignatures",
                                        "_csrf=" + enc(token) + "&keyId=" + keyId + "&signature=" + enc(signature)),
                                ofString())
                        .statusCode())
                .isEqualTo(404);
        assertThat(RECEIVED)
                .as("nothing sent for a bad form or an unknown head")
                .isEmpty();
    }

    @Test
    void aGarantCountersignsASealOnTheSameFormWithTheirRegisteredKeyAndABadSignatureIsSaidInWords() throws Exception {
        KeyPair own = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String publicKey = TreeHeads.encode(own.getPublic());
        String keyId = TreeHeads.fingerprint(publicKey);
        String garantId = account(Role.GARANT).username();
        String head = "cd".repeat(32);
        eventStore.publish(
                new GenericDomainEventMessage<>(
                        "Keyring",
                        "keyring-seal-relay",
                        0,
                        new GarantKeyRegistered(
                                "keyring-seal-relay",
                                garantId,
                                keyId,
                                publicKey,
                                TreeHeads.sign(own.getPrivate(), TreeHeads.possessionText(garantId, keyId)),
                                Instant.parse("2025-06-02T09:00:00Z"))),
                new GenericDomainEventMessage<>(
                        "Seal",
                        "seal-relay",
                        0,
                        new SealPublished(
                                "seal-relay",
                                ChainLink.VERSION,
                                3,
                                head,
                                4,
                                Instant.parse("2025-06-02T10:00:00Z"),
                                "end of session 4")));
        String text = ChainLink.sealText(ChainLink.VERSION, 3, head, 4);
        HttpClient garant = signedIn(Role.GARANT);
        String page = garant.send(get("/audit/countersign?sealId=seal-relay"), ofString())
                .body();
        assertSignable(page, text, "seal.txt");
        assertThat(page)
                .as("the same form as a head's, on the seal's own text")
                .contains("action=\"/audit/seals/seal-relay/countersignatures\"")
                .contains("id=\"cs-keyId\"")
                .contains("id=\"seal-position\"")
                .contains("end of session 4");
        assertThat(garant.send(get("/audit/countersign"), ofString()).body())
                .as("the seal among those to choose from")
                .contains("href=\"/audit/countersign?sealId=seal-relay\"");

        // signed at home with the registered key; the page sends that key's public half with the signature
        String signature = TreeHeads.sign(own.getPrivate(), text);
        String token = token(garant, "/audit/countersign?sealId=seal-relay");
        COMMANDS.answer(201, "{\"sealId\":\"seal-relay\",\"status\":\"COUNTERSIGNED\"}");
        HttpResponse<String> done = garant.send(
                post(
                        "/audit/seals/seal-relay/countersignatures",
                        "_csrf=" + enc(token) + "&keyId=" + keyId + "&signature=" + enc(signature)),
                ofString());
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow())
                .endsWith("/audit/countersign?sealId=seal-relay");
        assertThat(RECEIVED).hasSize(1);
        Received sent = RECEIVED.peek();
        assertThat(sent.path()).isEqualTo("/api/seals/seal-relay/countersignatures");
        assertThat(sent.authorization()).isEqualTo(basic(Role.GARANT));
        assertThat(sent.body().path("publicKey").asText()).isEqualTo(publicKey);
        assertThat(sent.body().path("signature").asText()).isEqualTo(signature);
        assertThat(sent.body().size()).isEqualTo(2);

        aRefusedSignatureIsSaidInWords(
                garant,
                "/audit/seals/seal-relay/countersignatures",
                "_csrf=" + enc(token) + "&keyId=" + keyId + "&signature="
                        + enc(TreeHeads.sign(own.getPrivate(), "another text")));
        HttpResponse<String> unknownKey = garant.send(
                post(
                        "/audit/seals/seal-relay/countersignatures",
                        "_csrf=" + enc(token) + "&keyId=" + "0".repeat(64) + "&signature=" + enc(signature)),
                ofString());
        assertThat(unknownKey.statusCode()).isEqualTo(400);
        assertThat(unknownKey.body()).contains("id=\"cs-keyId-error\"").contains("Cette clé n&#39;est pas enregistrée");
        assertThat(garant.send(
                                post(
                                        "/audit/seals/no-such-seal/countersignatures",
                                        "_csrf=" + enc(token) + "&keyId=" + keyId + "&signature=" + enc(signature)),
                                ofString())
                        .statusCode())
                .isEqualTo(404);
        assertThat(RECEIVED)
                .as("nothing sent for an unregistered key or an unknown seal")
                .isEmpty();
    }

    @Test
    void aCommandServiceThatDoesNotAnswerIsSaidInWords() throws Exception {
        HttpClient garant = signedIn(Role.GARANT);
        String token = token(garant, "/audit/referrals/" + REFERRAL);
        COMMANDS.answer(-1, "");
        HttpResponse<String> answer = garant.send(
                post("/audit/referrals/" + REFERRAL + "/acknowledgement", "_csrf=" + enc(token) + "&on=2025-06-02"),
                ofString());
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).contains("Le service d&#39;écriture n&#39;a pas répondu");
    }

    @Test
    void theDesksPageHidesAPendingCountAndShowsAMismatchSideBySideAndTheDashboardCountsBoth() throws Exception {
        Instant counted = Instant.parse("2025-06-15T18:00:00Z");
        String pending = "paper-desk-" + VOTATION + "-d8";
        String mismatched = "paper-desk-" + VOTATION + "-d9";
        eventStore.publish(
                new GenericDomainEventMessage<>(
                        "PaperDesk",
                        pending,
                        0,
                        new PaperTallyEntered(
                                CONVENTION,
                                VOTATION,
                                "d8",
                                "Mairie annexe",
                                "e-8",
                                "organiser",
                                counted,
                                List.of(new ActionVotes(1, 4711)))),
                new GenericDomainEventMessage<>(
                        "PaperDesk",
                        mismatched,
                        0,
                        new PaperTallyEntered(
                                CONVENTION,
                                VOTATION,
                                "d9",
                                "Salle Gaillard",
                                "e-9",
                                "organiser",
                                counted,
                                List.of(new ActionVotes(1, 12), new ActionVotes(2, 7)))),
                new GenericDomainEventMessage<>(
                        "PaperDesk",
                        mismatched,
                        1,
                        new PaperTallyMismatched(
                                CONVENTION,
                                VOTATION,
                                "d9",
                                "e-10",
                                "organiser2",
                                "e-9",
                                List.of(new ActionVotes(1, 12), new ActionVotes(2, 9)),
                                List.of(2))));
        HttpClient organiser = signedIn(Role.ORGANISER);
        String page = "";
        for (int attempt = 0; attempt < 600 && !page.contains("id=\"mismatch-d9\""); attempt++) {
            Thread.sleep(100);
            page = organiser
                    .send(get("/votations/" + VOTATION + "/desks"), ofString())
                    .body();
        }
        String compact = page.replaceAll("\\s+", " ");
        assertThat(compact)
                .contains("id=\"mismatch-d9\"")
                .contains("<th scope=\"col\">Première saisie (organiser)</th>")
                .contains("<th scope=\"col\">Seconde saisie (organiser2)</th>")
                .containsPattern("<tr class=\"differs\"> <th scope=\"row\">n° 2</th> <td class=\"num\">7</td>"
                        + " <td class=\"num\">9</td> <td>différent</td>")
                .contains("id=\"form-correct-d9\"")
                .doesNotContain("id=\"form-confirm-d9\"")
                .contains("id=\"form-confirm-d8\"");
        assertThat(page)
                .as("a pending count's figures stay hidden from whoever confirms it")
                .doesNotContain("4711")
                .doesNotContain("4 711")
                .doesNotContain("4\u202f711");

        String dashboard = "";
        for (int attempt = 0; attempt < 600 && !dashboard.contains("1 en écart"); attempt++) {
            Thread.sleep(100);
            dashboard = organiser
                    .send(get("/conventions/" + CONVENTION), ofString())
                    .body();
        }
        assertThat(dashboard.replaceAll("\\s+", " ")).contains("1 à confirmer, 1 en écart, 0 confirmés");
        assertThat(RECEIVED).isEmpty();
    }

    /** The exact text to sign, its SHA-256 and the command that signs the file it is written to. */
    private static void assertSignable(String page, String text, String file) throws Exception {
        assertThat(page)
                .contains("<pre id=\"head-text\">" + text + "</pre>")
                .contains(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))))
                .contains("openssl pkeyutl -sign -inkey garant.pem -rawin -in " + file);
    }

    /** The command-service refuses the signature: the page says so at the signature, in words, not as a code. */
    private void aRefusedSignatureIsSaidInWords(HttpClient garant, String path, String form) throws Exception {
        RECEIVED.clear();
        COMMANDS.answer(422, "{\"status\":422,\"code\":\"signature-does-not-verify\",\"detail\":\"No.\"}");
        HttpResponse<String> refused = garant.send(post(path, form), ofString());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("id=\"cs-signature-error\"")
                .contains("Cette signature ne correspond pas à ce texte avec cette clé")
                .doesNotContain("signature-does-not-verify");
        assertThat(RECEIVED).as("the refused one reached the command-service").hasSize(1);
        RECEIVED.clear();
    }

    // ---- a browser's session ------------------------------------------------------------------

    private HttpClient signedIn(Role role) throws Exception {
        HttpClient browser = browser();
        String token = token(browser, "/login");
        HttpResponse<String> answer = browser.send(
                post(
                        "/login",
                        "username=" + enc(account(role).username()) + "&password="
                                + enc(account(role).password()) + "&_csrf=" + enc(token)),
                ofString());
        assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return browser;
    }

    private String token(HttpClient browser, String page) throws Exception {
        Matcher m = CSRF.matcher(browser.send(get(page), ofString()).body());
        assertThat(m.find()).as("a CSRF field in " + page).isTrue();
        return m.group(1);
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private static HttpResponse.BodyHandler<String> ofString() {
        return HttpResponse.BodyHandlers.ofString();
    }

    private static LocalAccounts.Account account(Role role) throws Exception {
        return LocalAccounts.loadOrCreate(dataDir.resolve("accounts.txt")).stream()
                .filter(a -> a.role() == role)
                .findFirst()
                .orElseThrow();
    }

    private static String basic(Role role) throws Exception {
        LocalAccounts.Account a = account(role);
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((a.username() + ":" + a.password()).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A form the signed-in organiser sends from the desks page, with that page's CSRF token. */
    private HttpResponse<String> organiserPosts(String path, String fields) throws Exception {
        HttpClient organiser = signedIn(Role.ORGANISER);
        String token = token(organiser, "/votations/" + VOTATION + "/desks");
        return organiser.send(post(path, "_csrf=" + enc(token) + fields), ofString());
    }
}
