package org.conventionledger.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.conventionledger.tools.demo.ClermontDemo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The pages in a real browser (Debian's headless Chromium), as a person uses them, on the Clermont
 * demo loaded once into both services started from their jars. Each test leaves a screenshot under
 * {@code target/screenshots/} and checks its pages with axe-core (no serious or critical violation).
 */
class PagesBrowserTest {

    private static LedgerServices services;
    private static ClermontDemo.Result clermont;
    private static String base;

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
        String commandUrl;
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
        clermont = new ClermontDemo(commandUrl, base, accounts, line -> { }).run();
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
                    .map(c -> Browser.plain(c.getText())).toList();
            JsonNode entry = published.path(i);
            assertThat(cells.get(1)).as("row %d", i + 1).isEqualTo(entry.path("actionNumber").asText());
            assertThat(cells.get(2)).isEqualTo(entry.path("title").asText());
            assertThat(cells.subList(4, 7)).as("paper, online, total of action %s", cells.get(1)).containsExactly(
                    french(entry.path("paperVotes").asLong()), french(entry.path("onlineVotes").asLong()),
                    french(entry.path("totalVotes").asLong()));
        }
        assertThat(browser.findElements(By.cssSelector("svg[role=img] title"))).hasSizeGreaterThanOrEqualTo(1);
        assertThat(browser.findElement(By.id("rules-h")).isDisplayed()).isTrue();
        Browser.assertAccessible(browser);

        new Select(browser.findElement(By.id("transition"))).selectByValue("SOCIAL");
        browser.findElement(By.cssSelector("form.filter button")).click();
        List<WebElement> social = browser.findElements(By.cssSelector("#ranking tbody tr td:nth-child(4)"));
        assertThat(social).isNotEmpty().hasSizeLessThan(40)
                .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("sociale"));
    }

    @Test
    void theFollowUpIsPublicWithTheTimelineForTheMonitoringBody() throws Exception {
        browser.get(base + "/");
        browser.findElement(By.partialLinkText("Suivi des actions")).click();
        assertThat(browser.findElements(By.cssSelector("#followup tbody tr"))).hasSize(40);
        assertThat(browser.findElements(By.id("timeline-h"))).as("no timeline for the public").isEmpty();
        Browser.assertAccessible(browser);
        String page = browser.getCurrentUrl();
        signIn("monitor");
        browser.get(page);
        assertThat(browser.findElements(By.id("timeline-h"))).hasSize(1);
        Browser.assertAccessible(browser);
    }

    @Test
    void theApiExplorerListsBothServicesOperations() {
        browser.get(base + "/");
        browser.findElement(By.partialLinkText("Explorateur de l'API")).click();
        List<String> commands = browser.findElements(By.cssSelector("[id='ops-command-service'] tbody th"))
                .stream().map(WebElement::getText).toList();
        List<String> reads = browser.findElements(By.cssSelector("[id='ops-query-service'] tbody th"))
                .stream().map(WebElement::getText).toList();
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
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(csvLink)).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(41);
        assertThat(lines.get(0)).isEqualTo("rank,actionNumber,title,transition,paperVotes,onlineVotes,totalVotes");
        JsonNode first = clermont.ranking().path("entries").path(0);
        assertThat(lines.get(1)).startsWith("1," + first.path("actionNumber").asInt() + ",")
                .endsWith("," + first.path("totalVotes").asLong());
    }

    @Test
    void theOrganisersDashboardShowsClermontsFigures() {
        signIn("organiser");
        browser.get(base + "/conventions/" + clermont.conventionId());
        assertThat(Browser.plain(browser.findElement(By.id("invitations")).getText())).isEqualTo("2 000");
        assertThat(browser.findElement(By.id("members")).getText()).isEqualTo("70");
        assertThat(browser.findElement(By.id("members-ECOLOGICAL")).getText()).isEqualTo("24");
        assertThat(browser.findElement(By.id("members-SOCIAL")).getText()).isEqualTo("24");
        assertThat(browser.findElement(By.id("members-DEMOCRATIC")).getText()).isEqualTo("22");
        assertThat(browser.findElement(By.id("topics")).getText()).isEqualTo("9");
        assertThat(browser.findElement(By.id("actions-final")).getText()).isEqualTo("40");
        assertThat(browser.findElements(By.cssSelector("#topics-table tbody tr"))).hasSize(9);
        assertThat(browser.findElements(By.cssSelector("#funnel tbody tr"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#health button"))).as("rebuild, for organisers").isNotEmpty();
        Browser.assertAccessible(browser);
    }

    @Test
    void aGarantFiltersTheTrailOpensAnEventAndItsCausesAndExports() throws Exception {
        signIn("garant");
        browser.get(base + "/audit");
        browser.findElement(By.id("f-type")).sendKeys("ObjectionRaised");
        browser.findElement(By.cssSelector("#filters button")).click();
        List<WebElement> types = browser.findElements(By.cssSelector("#trail tbody td:nth-child(3)"));
        assertThat(types).hasSize(8).allSatisfy(t -> assertThat(t.getText()).isEqualTo("ObjectionRaised"));
        Browser.assertAccessible(browser);

        String exportCsv = browser.findElement(By.id("export-csv")).getAttribute("href");
        browser.findElement(By.cssSelector("#trail tbody th a")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("ObjectionRaised");
        assertThat(browser.findElement(By.id("payload")).getText()).contains("elected official");

        // an objection lifted by an amendment: its cause is the revision the same command recorded
        browser.navigate().back();
        browser.findElement(By.id("f-type")).clear();
        browser.findElement(By.id("f-type")).sendKeys("ObjectionLifted");
        browser.findElement(By.cssSelector("#filters button")).click();
        browser.findElement(By.cssSelector("#trail tbody th a")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("ObjectionLifted");
        List<WebElement> causes = browser.findElements(By.cssSelector("#causes tbody td:nth-child(2)"));
        assertThat(causes).extracting(WebElement::getText).contains("ActionRevised");
        Browser.assertAccessible(browser);
        browser.findElement(By.cssSelector("#causes tbody th a")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("ActionRevised");

        HttpResponse<String> export = asSignedIn(exportCsv);
        assertThat(export.statusCode()).isEqualTo(200);
        List<String> lines = export.body().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines.get(0)).startsWith("position,recordedAt,type");
        assertThat(lines.subList(1, lines.size())).hasSize(8)
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
        browser.findElement(By.cssSelector("#filters button")).click();
        assertThat(browser.findElement(By.id("filter-error")).getText()).contains("from");
        assertThat(browser.findElement(By.id("f-from")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("f-from")).getAttribute("value")).isEqualTo("yesterday");
        assertThat(browser.findElements(By.cssSelector("#trail tbody tr"))).isEmpty();
        Browser.assertAccessible(browser);
    }

    private void signIn(String username) {
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password(username));
        browser.findElement(By.cssSelector("form.form button")).click();
        assertThat(browser.findElement(By.cssSelector("header.site form.who")).getText()).contains(username);
    }

    /** A download the browser would make, fetched with its session cookie. */
    private HttpResponse<String> asSignedIn(String url) throws Exception {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "JSESSIONID=" + session.getValue()).timeout(Duration.ofSeconds(60)).build(),
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
        return String.format(java.util.Locale.FRENCH, "%,d", n).replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    /** The demo checks the ranking only; the dashboard's deliberation figures follow on their own processor. */
    private static void awaitDeliberationProjected() throws InterruptedException {
        LedgerClient client = new LedgerClient(accounts);
        for (int attempt = 0; attempt < 240; attempt++) {
            try {
                JsonNode d = client.get(base + "/api/conventions/" + clermont.conventionId() + "/deliberation",
                        "garant");
                List<Integer> finals = new ArrayList<>();
                d.path("actionsByStage").findValues("FINAL").forEach(v -> finals.add(v.asInt()));
                JsonNode trail = client.get(base + "/api/audit/events?limit=1000&type=ObjectionRaised", "garant");
                if (finals.stream().mapToInt(Integer::intValue).sum() == 40 && trail.path("events").size() == 8) {
                    return;
                }
            } catch (LedgerClient.Rejected notYet) {
                // not projected yet
            }
            Thread.sleep(500);
        }
    }
}
