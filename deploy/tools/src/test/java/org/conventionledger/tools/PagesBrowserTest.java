package org.conventionledger.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conventionledger.events.integrity.TreeHeads;
import org.conventionledger.tools.demo.ClermontDemo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser (Debian's headless Chromium), as a person uses them, on the Clermont
 * demo loaded once into both services started from their jars. Each test leaves a screenshot under
 * {@code target/screenshots/} and checks its pages with axe-core (no serious or critical violation).
 * The write flows run last: they add a second, open votation to Clermont, which the read-only tests
 * must not see.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesBrowserTest {

    private static LedgerServices services;
    private static ClermontDemo.Result clermont;
    private static String base;
    private static String commandUrl;
    /** A votation opened on Clermont for the desks' double entry, by the first write test that needs it. */
    private static String openVotation;

    /** The services' data directory, removed after the class. */
    @TempDir
    static Path dataDir;

    private ChromeDriver browser;

    /** Where the accounts file is: the started services' data directory, or the one of {@code -Dpages.attach}. */
    private static Path accounts;

    /**
     * Starts both services and loads Clermont, or, with {@code -Dpages.attach=COMMAND_URL,QUERY_URL,ACCOUNTS}
     * (a developer's running {@code deploy/run-local.sh --demo}), uses those: the demo loader only checks
     * an already loaded Clermont.
     */
    @BeforeAll
    static void loadClermont() throws Exception {
        Browser.assumeInstalled();
        String attach = System.getProperty("pages.attach");
        if (attach == null || attach.isBlank()) {
            services = new LedgerServices(dataDir, null).start();
            commandUrl = services.commandUrl();
            base = services.queryUrl();
            accounts = services.accounts();
        } else {
            String[] parts = attach.split(",");
            commandUrl = parts[0];
            base = parts[1];
            accounts = Path.of(parts[2]);
        }
        clermont = new ClermontDemo(commandUrl, base, accounts, line -> {}).run();
        assertThat(clermont.mismatches()).isEmpty();
        awaitDeliberationProjected();
    }

    @AfterAll
    static void stop() throws Exception {
        if (services != null) {
            services.close();
        }
    }

    @BeforeEach
    void openBrowser() throws Exception {
        // a fresh profile per test; left in the temporary directory, since a browser helper process may
        // still hold it for a moment after quit()
        browser = Browser.start(Files.createTempDirectory("chromium-profile"));
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        try {
            Browser.screenshot(browser, test.getTestMethod().orElseThrow().getName());
        } finally {
            browser.quit();
        }
    }

    @Test
    void publicResultsShowTheFortyActionsInPublishedOrderWithTheirVotes() {
        browser.get(base + "/");
        browser.findElement(By.partialLinkText("Résultats publics")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/votations/" + clermont.votationId());
        assertThat(Browser.plain(browser.findElement(By.id("totals")).getText()))
                .isEqualTo("12 994 votes : 3 050 papier, 9 944 en ligne");

        List<WebElement> rows = browser.findElements(By.cssSelector("#ranking tbody tr"));
        JsonNode published = clermont.ranking().path("entries");
        assertThat(rows).hasSize(40);
        assertThat(published).hasSize(40);
        for (int i = 0; i < 40; i++) {
            List<String> cells = rows.get(i).findElements(By.cssSelector("td, th")).stream()
                    .map(c -> Browser.plain(c.getText()))
                    .toList();
            JsonNode entry = published.path(i);
            assertThat(cells.get(1))
                    .as("row %d", i + 1)
                    .isEqualTo(entry.path("actionNumber").asText());
            assertThat(cells.get(2)).isEqualTo(entry.path("title").asText());
            assertThat(cells.subList(4, 7))
                    .as("paper, online, total of action %s", cells.get(1))
                    .containsExactly(
                            french(entry.path("paperVotes").asLong()),
                            french(entry.path("onlineVotes").asLong()),
                            french(entry.path("totalVotes").asLong()));
        }
        assertThat(browser.findElements(By.cssSelector("svg[role=img] title"))).hasSizeGreaterThanOrEqualTo(1);
        assertThat(browser.findElement(By.id("rules-h")).isDisplayed()).isTrue();
        Browser.assertAccessible(browser);

        new Select(browser.findElement(By.id("transition"))).selectByValue("SOCIAL");
        clickAndWait(By.cssSelector("form.filter button"));
        List<WebElement> social = browser.findElements(By.cssSelector("#ranking tbody tr td:nth-child(4)"));
        assertThat(social)
                .isNotEmpty()
                .hasSizeLessThan(40)
                .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("sociale"));
    }

    @Test
    void theFollowUpIsPublicWithTheTimelineForTheMonitoringBody() throws Exception {
        browser.get(base + "/");
        browser.findElement(By.partialLinkText("Suivi des actions")).click();
        assertThat(browser.findElements(By.cssSelector("#followup tbody tr"))).hasSize(40);
        assertThat(browser.findElements(By.id("timeline-h")))
                .as("no timeline for the public")
                .isEmpty();
        Browser.assertAccessible(browser);
        String page = browser.getCurrentUrl();
        signIn("monitor");
        browser.get(page);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("timeline-h")));
        assertThat(browser.findElements(By.id("timeline-h"))).hasSize(1);
        Browser.assertAccessible(browser);
    }

    @Test
    void theApiExplorerListsBothServicesOperations() {
        browser.get(base + "/");
        // the click returns before the browser navigates: wait until the explorer has replaced the home page
        clickAndWait(By.partialLinkText("Explorateur de l'API"));
        List<String> commands = browser.findElements(By.cssSelector("[id='ops-command-service'] tbody th")).stream()
                .map(WebElement::getText)
                .toList();
        List<String> reads = browser.findElements(By.cssSelector("[id='ops-query-service'] tbody th")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(commands).contains("/api/votations/{votationId}/paper-tallies");
        assertThat(reads).contains("/api/votations/{votationId}/ranking").noneMatch(p -> p.startsWith("/audit"));
        Browser.assertAccessible(browser);
    }

    @Test
    void theLanguageSwitchSticksAndTheCsvDownloadHoldsTheTable() throws Exception {
        browser.get(base + "/votations/" + clermont.votationId());
        browser.findElement(By.linkText("English")).click();
        assertThat(Browser.plain(browser.findElement(By.id("totals")).getText()))
                .isEqualTo("12,994 votes: 3,050 paper, 9,944 online");
        browser.get(base + "/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Citizens' conventions");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        browser.get(base + "/votations/" + clermont.votationId());

        String csvLink = browser.findElement(By.partialLinkText("CSV")).getAttribute("href");
        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(csvLink)).build(), HttpResponse.BodyHandlers.ofString());
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(41);
        assertThat(lines.get(0)).isEqualTo("rank,actionNumber,title,transition,paperVotes,onlineVotes,totalVotes");
        JsonNode first = clermont.ranking().path("entries").path(0);
        assertThat(lines.get(1))
                .startsWith("1," + first.path("actionNumber").asInt() + ",")
                .endsWith("," + first.path("totalVotes").asLong());
    }

    @Test
    void theOrganisersDashboardShowsClermontsFigures() {
        signIn("organiser");
        browser.get(base + "/conventions/" + clermont.conventionId());
        assertThat(Browser.plain(browser.findElement(By.id("invitations")).getText()))
                .isEqualTo("2 000");
        assertThat(browser.findElement(By.id("members")).getText()).isEqualTo("70");
        assertThat(browser.findElement(By.id("members-ECOLOGICAL")).getText()).isEqualTo("24");
        assertThat(browser.findElement(By.id("members-SOCIAL")).getText()).isEqualTo("24");
        assertThat(browser.findElement(By.id("members-DEMOCRATIC")).getText()).isEqualTo("22");
        assertThat(browser.findElement(By.id("topics")).getText()).isEqualTo("9");
        assertThat(browser.findElement(By.id("actions-final")).getText()).isEqualTo("40");
        assertThat(browser.findElements(By.cssSelector("#topics-table tbody tr")))
                .hasSize(9);
        assertThat(browser.findElements(By.cssSelector("#funnel tbody tr"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#health button")))
                .as("rebuild, for organisers")
                .isNotEmpty();
        // per session, the excused members are listed, as many as the excused count says
        long listed = 0;
        for (WebElement row : browser.findElements(By.cssSelector("#sessions tbody tr"))) {
            List<String> cells = cells(row);
            String excused = cells.get(cells.size() - 1);
            int names = excused.equals("—") ? 0 : excused.split(", ").length;
            assertThat(names).as("session %s", cells.get(0)).isEqualTo(Integer.parseInt(cells.get(4)));
            listed += names;
        }
        assertThat(listed).isPositive();
        Browser.assertAccessible(browser);
    }

    @Test
    void aGarantFiltersTheTrailOpensAnEventAndItsCausesAndExports() throws Exception {
        signIn("garant");
        browser.get(base + "/audit");
        browser.findElement(By.id("f-type")).sendKeys("ObjectionRaised");
        clickAndWait(By.cssSelector("#filters button"));
        List<WebElement> types = browser.findElements(By.cssSelector("#trail tbody td:nth-child(3)"));
        assertThat(types).hasSize(8).allSatisfy(t -> assertThat(t.getText()).isEqualTo("ObjectionRaised"));
        Browser.assertAccessible(browser);

        String exportCsv = browser.findElement(By.id("export-csv")).getAttribute("href");
        clickAndWait(By.cssSelector("#trail tbody th a"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("ObjectionRaised");
        assertThat(browser.findElement(By.id("payload")).getText()).contains("elected official");

        // an objection lifted by an amendment: its cause is the revision the same command recorded
        browser.navigate().back();
        browser.findElement(By.id("f-type")).clear();
        browser.findElement(By.id("f-type")).sendKeys("ObjectionLifted");
        clickAndWait(By.cssSelector("#filters button"));
        clickAndWait(By.cssSelector("#trail tbody th a"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("ObjectionLifted");
        List<WebElement> causes = browser.findElements(By.cssSelector("#causes tbody td:nth-child(2)"));
        assertThat(causes).extracting(WebElement::getText).contains("ActionRevised");
        Browser.assertAccessible(browser);
        clickAndWait(By.cssSelector("#causes tbody th a"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("ActionRevised");

        HttpResponse<String> export = asSignedIn(exportCsv);
        assertThat(export.statusCode()).isEqualTo(200);
        List<String> lines = export.body().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines.get(0)).startsWith("position,recordedAt,type");
        assertThat(lines.subList(1, lines.size()))
                .hasSize(8)
                .allSatisfy(l -> assertThat(l).contains(",ObjectionRaised,"));
    }

    @Test
    void failuresLookRight() {
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys("garant");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.cssSelector("form.form button")).click();
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .isEqualTo("Identifiant ou mot de passe incorrect. Vérifiez-les et réessayez.");
        Browser.assertAccessible(browser);

        browser.get(base + "/audit");
        assertThat(browser.getCurrentUrl()).as("anonymous: asked to sign in").endsWith("/login");

        // a fresh session: signing in would otherwise go back to the saved /audit, the 403 page
        browser.manage().deleteAllCookies();
        signIn("monitor");
        browser.get(base + "/audit");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Accès refusé");
        Browser.assertAccessible(browser);

        browser.get(base + "/conventions/no-such-convention");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page introuvable");
        browser.get(base + "/votations/no-such-votation");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page introuvable");
        Browser.assertAccessible(browser);
    }

    @Test
    void aBadFilterIsNamedAtItsField() {
        signIn("garant");
        browser.get(base + "/audit");
        browser.findElement(By.id("f-from")).sendKeys("yesterday");
        clickAndWait(By.cssSelector("#filters button"));
        assertThat(browser.findElement(By.id("filter-error")).getText()).contains("from");
        assertThat(browser.findElement(By.id("f-from")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("f-from")).getAttribute("value")).isEqualTo("yesterday");
        assertThat(browser.findElements(By.cssSelector("#trail tbody tr"))).isEmpty();
        Browser.assertAccessible(browser);
    }

    @Test
    @Order(Order.DEFAULT + 1)
    void twoOrganisersEnterAndConfirmADeskTallyAndAMismatchIsShownAndCorrected() throws Exception {
        String votation = openVotation();
        signIn("organiser");
        openDesks(votation);
        fill("enter-deskId", "bureau-3");
        fill("enter-deskName", "Salle Gaillard");
        countedAt("enter-countedAt");
        counts("form-enter", 12, 7, 3);
        submit("form-enter");
        assertThat(Browser.plain(browser.findElement(By.id("done")).getText()))
                .contains("bureau-3")
                .contains("attend la confirmation d'un autre organisateur");
        assertThat(state("bureau-3")).isEqualTo("saisi, à confirmer");
        assertThat(browser.findElements(By.cssSelector("#form-confirm-bureau-3 .counts input")))
                .as("the second entry is blind")
                .allSatisfy(i -> assertThat(i.getAttribute("value")).isEmpty());
        Browser.assertAccessible(browser);

        signOut();
        signIn("organiser2");
        openDesks(votation);
        counts("form-confirm-bureau-3", 12, 9, 3);
        submit("form-confirm-bureau-3");
        assertThat(Browser.plain(browser.findElement(By.id("done")).getText())).contains("diffèrent");
        assertThat(state("bureau-3")).isEqualTo("écart entre les deux saisies");
        List<WebElement> rows = browser.findElements(By.cssSelector("#mismatch-bureau-3 tbody tr"));
        assertThat(rows).hasSize(3);
        assertThat(cells(rows.get(0))).containsExactly("n° 1", "12", "12", "identique");
        assertThat(cells(rows.get(1))).containsExactly("n° 2", "7", "9", "différent");
        Browser.assertAccessible(browser);
        Browser.screenshot(browser, "deskMismatchSideBySide");

        counts("form-correct-bureau-3", 12, 8, 3);
        fill("correct-bureau-3-reason", "Recompte du procès-verbal : 8 voix pour la deuxième action");
        submit("form-correct-bureau-3");
        assertThat(Browser.plain(browser.findElement(By.id("done")).getText())).contains("corrigés");
        assertThat(state("bureau-3")).isEqualTo("saisi, à confirmer");

        // whoever entered the pending figures cannot confirm them: the command-service's rule, in words
        counts("form-confirm-bureau-3", 12, 8, 3);
        submit("form-confirm-bureau-3");
        assertThat(Browser.plain(browser.findElement(By.id("error-summary")).getText()))
                .contains("Vous avez saisi ces chiffres : un autre organisateur doit les confirmer.");
        assertThat(state("bureau-3")).isEqualTo("saisi, à confirmer");

        signOut();
        signIn("organiser");
        openDesks(votation);
        counts("form-confirm-bureau-3", 12, 8, 3);
        submit("form-confirm-bureau-3");
        assertThat(Browser.plain(browser.findElement(By.id("done")).getText())).contains("est confirmé");
        assertThat(state("bureau-3")).isEqualTo("confirmé");
        assertThat(browser.findElement(By.id("desk-bureau-3")).getText())
                .contains("Corrigé par organiser2")
                .contains("Confirmé par organiser");

        assertThat(dashboardDeskStates(votation)).contains("0 à confirmer, 0 en écart, 1 confirmés");
        Browser.assertAccessible(browser);
    }

    @Test
    @Order(Order.DEFAULT + 2)
    void aResidentWithoutAnAccountRefersAMatterAndAGarantAcknowledgesInvestigatesAndAnswersIt() throws Exception {
        LedgerClient client = new LedgerClient(accounts);
        int referralsBefore = events(client, "MatterReferred").size();
        browser.get(base + "/referrals/new");
        assertThat(browser.findElement(By.id("third-party")).getText()).contains("Ne nommez personne");
        assertThat(browser.findElements(By.id("next")).get(0).findElements(By.tagName("li")))
                .hasSize(3);
        assertThat(browser.findElement(By.id("anonymous")).getText()).contains("« public »");
        Browser.assertAccessible(browser);

        String subject = "Séance 5 : fin avancée sans vote";
        fill("r-subject", subject);
        fill("r-text", "La séance s'est terminée à 16 h au lieu de 18 h, avant le vote prévu à l'ordre du jour.");
        fill("r-contact", "jeanne.martin@example.org");
        browser.findElement(By.id("r-by-resident")).click();
        browser.findElement(By.id("r-noThirdParty")).click();
        submit("referral-form");
        String sent = Browser.plain(browser.findElement(By.id("sent")).getText());
        Matcher reference = Pattern.compile("référence ([A-Za-z0-9-]+)").matcher(sent);
        assertThat(reference.find()).as(sent).isTrue();
        Browser.assertAccessible(browser);
        JsonNode referred = awaitEvents(client, "MatterReferred", referralsBefore + 1);
        JsonNode event = referred.get(referred.size() - 1);
        assertThat(event.path("payload").path("referralId").asText()).isEqualTo(reference.group(1));
        assertThat(event.path("actor").path("id").asText())
                .as("nobody's account")
                .isEqualTo("public");
        assertThat(event.toString()).as("the contact is sealed").doesNotContain("jeanne.martin");

        signIn("garant");
        browser.get(base + "/audit");
        browser.findElement(By.linkText(subject)).click();
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions.urlContains("/audit/referrals/"));
        assertThat(browser.getCurrentUrl()).endsWith("/audit/referrals/" + reference.group(1));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("reçue");
        submit("form-acknowledge");
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("Réception accusée.");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("accusée");

        fill("investigate-note", "Compte rendu de séance demandé à l'équipe d'animation.");
        submit("form-investigate");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("en instruction");
        assertThat(browser.findElement(By.id("investigations")).getText()).contains("Compte rendu de séance demandé");

        fill("answer-answer", "La séance a été close trop tôt ; le vote est reporté à la séance 6.");
        submit("form-answer");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("répondue");
        assertThat(browser.findElement(By.id("answer")).getText()).contains("reporté à la séance 6");
        assertThat(browser.findElements(By.id("form-answer")))
                .as("answered once")
                .isEmpty();
        Browser.assertAccessible(browser);
    }

    @Test
    @Order(Order.DEFAULT + 3)
    void aGarantPublishesASealAndHasATreeHeadSigned() throws Exception {
        LedgerClient client = new LedgerClient(accounts);
        int sealsBefore = events(client, "SealPublished").size();
        signIn("garant");
        browser.get(base + "/audit");
        fill("seal-reason", "Visite des garants");
        submit("form-seal");
        assertThat(Browser.plain(browser.findElement(By.id("done")).getText())).startsWith("Scellé publié : position");
        JsonNode seals = awaitEvents(client, "SealPublished", sealsBefore + 1);
        JsonNode seal = seals.get(seals.size() - 1);
        assertThat(seal.path("actor").path("id").asText()).isEqualTo("garant");
        assertThat(seal.path("payload").path("reason").asText()).isEqualTo("Visite des garants");
        Browser.assertAccessible(browser);

        fill("head-reason", "Visite des garants");
        submit("form-head");
        assertThat(Browser.plain(browser.findElement(By.id("done")).getText())).startsWith("Tête d'arbre signée");

        // the garant's own key, registered once, signs the head's text off the page; only the signature is pasted
        KeyPair own = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String publicKey = TreeHeads.encode(own.getPublic());
        String keyId = TreeHeads.fingerprint(publicKey);
        client.post(
                commandUrl + "/api/garant-keys",
                "garant",
                Map.of(
                        "publicKey",
                        publicKey,
                        "proof",
                        TreeHeads.sign(own.getPrivate(), TreeHeads.possessionText("garant", keyId))));
        int countersignedBefore = events(client, "TreeHeadCountersigned").size();
        clickAndWait(By.id("countersign-link"));
        String text = browser.findElement(By.id("head-text")).getAttribute("textContent");
        assertThat(text).startsWith("ledger-tree-v1 head\n");
        fill("cs-keyId", keyId);
        fill("cs-signature", TreeHeads.sign(own.getPrivate(), text));
        submit("form-countersign");
        assertThat(browser.findElement(By.id("done")).getText()).startsWith("Votre contresignature est enregistrée");
        JsonNode countersigned = awaitEvents(client, "TreeHeadCountersigned", countersignedBefore + 1);
        assertThat(countersigned
                        .get(countersigned.size() - 1)
                        .path("actor")
                        .path("id")
                        .asText())
                .isEqualTo("garant");
        Browser.assertAccessible(browser);

        // the seal published above, on the same form with the same key id
        int sealsCountersignedBefore = events(client, "SealCountersigned").size();
        browser.get(base + "/audit/countersign?sealId="
                + seal.path("payload").path("sealId").asText());
        String sealText = browser.findElement(By.id("head-text")).getAttribute("textContent");
        assertThat(sealText).startsWith("ledger-chain-v1\n");
        fill("cs-keyId", keyId);
        fill("cs-signature", TreeHeads.sign(own.getPrivate(), sealText));
        submit("form-countersign");
        assertThat(browser.findElement(By.id("done")).getText()).startsWith("Votre contresignature est enregistrée");
        JsonNode sealCountersigned = awaitEvents(client, "SealCountersigned", sealsCountersignedBefore + 1);
        assertThat(sealCountersigned
                        .get(sealCountersigned.size() - 1)
                        .path("payload")
                        .path("publicKey")
                        .asText())
                .isEqualTo(publicKey);
        Browser.assertAccessible(browser);
    }

    @Test
    @Order(Order.DEFAULT + 4)
    void badFormInputIsNamedAtItsFieldsAndWritesNothing() throws Exception {
        String votation = openVotation();
        LedgerClient client = new LedgerClient(accounts);
        int talliesBefore = events(client, "PaperTallyEntered").size();
        int referralsBefore = events(client, "MatterReferred").size();

        signIn("organiser");
        openDesks(votation);
        fill("enter-deskId", "bureau 9 !");
        fill("enter-deskName", " ");
        countedAt("enter-countedAt");
        List<WebElement> inputs = browser.findElements(By.cssSelector("#form-enter .counts input"));
        inputs.get(0).sendKeys("-1");
        inputs.get(1).sendKeys("douze");
        inputs.get(2).sendKeys("4");
        submit("form-enter");
        assertThat(browser.findElement(By.id("enter-deskId")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("enter-deskId-error")).getText()).startsWith("Donnez l'identifiant");
        assertThat(browser.findElement(By.id("enter-deskName-error")).getText()).isEqualTo("Donnez le nom du bureau.");
        String first = browser.findElements(By.cssSelector("#form-enter .counts input"))
                .get(0)
                .getAttribute("id");
        assertThat(browser.findElement(By.id(first + "-error")).getText()).contains("nombre entier, 0 ou plus");
        assertThat(browser.findElement(By.id("enter-deskId")).getAttribute("value"))
                .as("kept")
                .isEqualTo("bureau 9 !");
        assertThat(browser.findElement(By.id("error-summary")).getText()).startsWith("Rien n'a été enregistré");
        Browser.assertAccessible(browser);
        Browser.screenshot(browser, "badDeskInputNamedAtItsFields");

        signOut();
        signIn("voter");
        browser.get(base + "/referrals/new");
        fill("r-text", "  ");
        submit("referral-form");
        assertThat(browser.findElement(By.id("r-subject-error")).getText()).startsWith("Donnez un objet");
        assertThat(browser.findElement(By.id("r-text-error")).getText()).startsWith("Décrivez la question");
        assertThat(browser.findElement(By.id("r-noThirdParty-error")).getText()).startsWith("Cochez cette case");
        assertThat(browser.findElement(By.id("r-subject")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        Browser.assertAccessible(browser);

        assertThat(events(client, "PaperTallyEntered")).hasSize(talliesBefore);
        assertThat(events(client, "MatterReferred")).hasSize(referralsBefore);
    }

    /** Schedules and opens a votation over three of Clermont's final actions (once for the class). */
    private static synchronized String openVotation() {
        if (openVotation == null) {
            LedgerClient client = new LedgerClient(accounts);
            List<String> actionIds = new ArrayList<>();
            client.get(base + "/api/audit/events?limit=3&type=ActionFinalised", "garant")
                    .path("events")
                    .forEach(e ->
                            actionIds.add(e.path("payload").path("actionId").asText()));
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            openVotation = client.post(
                            commandUrl + "/api/conventions/" + clermont.conventionId() + "/votations",
                            "organiser",
                            Map.of(
                                    "title",
                                    "Vote complémentaire",
                                    "opensAt",
                                    now.minusSeconds(60).toString(),
                                    "closesAt",
                                    now.plus(1, ChronoUnit.DAYS).toString(),
                                    "actionIds",
                                    actionIds))
                    .path("votationId")
                    .asText();
            client.post(commandUrl + "/api/votations/" + openVotation + "/open", "organiser", Map.of());
        }
        return openVotation;
    }

    /**
     * The dashboard's double-entry cell for a votation, once the dashboard's own projection (a processor
     * apart from the desks page's) has caught up with the confirmation.
     */
    private String dashboardDeskStates(String votation) throws InterruptedException {
        String cell = "";
        for (int attempt = 0; attempt < 120; attempt++) {
            browser.get(base + "/conventions/" + clermont.conventionId());
            List<WebElement> found = browser.findElements(By.id("desk-states-" + votation));
            if (!found.isEmpty()) {
                cell = Browser.plain(found.get(0).getText());
                if (cell.contains("1 confirmés")) {
                    return cell;
                }
            }
            Thread.sleep(500);
        }
        return cell;
    }

    /** The desks page, once the read side shows the new votation's ballot. */
    private void openDesks(String votation) throws InterruptedException {
        for (int attempt = 0; attempt < 120; attempt++) {
            browser.get(base + "/votations/" + votation + "/desks");
            if (!browser.findElements(By.cssSelector("#form-enter .counts input"))
                    .isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the desks page never offered the ballot of " + votation);
    }

    private void fill(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** A datetime-local field, set as the browser's picker would (its typed format depends on the locale). */
    private void countedAt(String id) {
        String value = LocalDateTime.now(ZoneId.of("Europe/Paris"))
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), value);
    }

    private void counts(String formId, int... votes) {
        List<WebElement> inputs = browser.findElements(By.cssSelector("#" + formId + " .counts input"));
        assertThat(inputs).hasSize(votes.length);
        for (int i = 0; i < votes.length; i++) {
            inputs.get(i).clear();
            inputs.get(i).sendKeys(String.valueOf(votes[i]));
        }
    }

    /** Clicks a button or link that leads to another page, and waits until the browser has left this one. */
    private void clickAndWait(By target) {
        WebElement element = browser.findElement(target);
        clickLeaving(element);
    }

    /** Sends a form and waits for the page that answers it (the click returns before the browser navigates). */
    private void submit(String formId) {
        clickLeaving(browser.findElement(By.cssSelector("#" + formId + " button[type=submit]")));
    }

    /**
     * Clicks an element whose click leaves the page and waits until it has. Chromium may already have
     * replaced the document when the driver looks at the clicked node again: that answer means the click
     * did its work.
     */
    private void clickLeaving(WebElement element) {
        try {
            element.click();
        } catch (WebDriverException e) {
            if (!gone(e)) {
                throw e;
            }
        }
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (gone(e)) {
                    return true;
                }
                throw e;
            }
        });
    }

    /** Chromium's other way of saying that a node's page has been replaced. */
    private static boolean gone(WebDriverException e) {
        return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
    }

    private String state(String deskId) {
        return browser.findElement(By.cssSelector("#desk-row-" + deskId + " .state"))
                .getText();
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.cssSelector("th, td")).stream()
                .map(c -> Browser.plain(c.getText()))
                .toList();
    }

    private void signOut() {
        browser.manage().deleteAllCookies();
    }

    private static JsonNode events(LedgerClient client, String type) {
        return client.get(base + "/api/audit/events?limit=1000&type=" + type, "garant")
                .path("events");
    }

    private static JsonNode awaitEvents(LedgerClient client, String type, int count) throws InterruptedException {
        for (int attempt = 0; attempt < 120; attempt++) {
            JsonNode events = events(client, type);
            if (events.size() >= count) {
                return events;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("fewer than " + count + " " + type + " in the trail");
    }

    private void signIn(String username) {
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password(username));
        clickAndWait(By.cssSelector("form.form button"));
        assertThat(browser.findElement(By.cssSelector("header.site form.who")).getText())
                .contains(username);
    }

    /** A download the browser would make, fetched with its session cookie. */
    private HttpResponse<String> asSignedIn(String url) throws Exception {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Cookie", "JSESSIONID=" + session.getValue())
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String password(String username) {
        try {
            for (String line : Files.readAllLines(accounts)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 3 && parts[1].equals(username)) {
                    return parts[2];
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("no account " + username);
    }

    private static String french(long n) {
        return String.format(java.util.Locale.FRENCH, "%,d", n)
                .replace('\u202f', ' ')
                .replace('\u00a0', ' ');
    }

    /** The demo checks the ranking only; the dashboard's deliberation figures follow on their own processor. */
    private static void awaitDeliberationProjected() throws InterruptedException {
        LedgerClient client = new LedgerClient(accounts);
        for (int attempt = 0; attempt < 240; attempt++) {
            try {
                JsonNode d =
                        client.get(base + "/api/conventions/" + clermont.conventionId() + "/deliberation", "garant");
                List<Integer> finals = new ArrayList<>();
                d.path("actionsByStage").findValues("FINAL").forEach(v -> finals.add(v.asInt()));
                JsonNode trail = client.get(base + "/api/audit/events?limit=1000&type=ObjectionRaised", "garant");
                if (finals.stream().mapToInt(Integer::intValue).sum() == 40
                        && trail.path("events").size() == 8) {
                    return;
                }
            } catch (LedgerClient.Rejected notYet) {
                // not projected yet
            }
            Thread.sleep(500);
        }
    }
}
