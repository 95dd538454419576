package org.conventionledger.query.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.votationOpened;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.conventionledger.events.votation.BallotRule;
import org.conventionledger.events.votation.Eligibility;
import org.conventionledger.events.votation.PaperBallotRecorded;
import org.conventionledger.events.votation.VotationRules;
import org.conventionledger.events.votation.VotationScheduled;
import org.conventionledger.platform.identity.Role;
import org.conventionledger.query.platform.ReadApiTest;
import org.conventionledger.query.platform.TestAccounts;
import org.junit.jupiter.api.Test;

/**
 * The pages' own security chain beside the API's: a login form with CSRF and a session for the pages,
 * while the JSON API keeps answering problem+json to HTTP Basic, statelessly; roles as in the API.
 */
class PagesSecurityHttpTest extends ReadApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void homeIsPublicAndFrenchByDefaultEnglishOnRequestAndTheChoiceSticks() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> home = browser.send(get("/").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(home.body()).contains("<html lang=\"fr\"").contains("Conventions citoyennes");

        HttpResponse<String> english = browser.send(get("/?lang=en").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(english.body()).contains("<html lang=\"en\"").contains("Citizens&#39; conventions");
        HttpResponse<String> again =
                browser.send(get("/").header("Accept-Language", "fr-FR").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.body()).as("the cookie outweighs Accept-Language").contains("<html lang=\"en\"");

        HttpResponse<String> german = HttpClient.newHttpClient()
                .send(get("/").header("Accept-Language", "de-DE").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(german.body()).contains("<html lang=\"fr\"");
    }

    @Test
    void theApiKeepsItsStatelessProblemAnswers() throws Exception {
        HttpResponse<String> anonymous =
                HttpClient.newHttpClient().send(get("/api/conventions").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");

        HttpResponse<String> basic = HttpClient.newHttpClient()
                .send(
                        get("/api/conventions")
                                .header("Authorization", basic(Role.ORGANISER))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(basic.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));

        HttpResponse<String> basicOnPage = HttpClient.newHttpClient()
                .send(
                        get("/audit")
                                .header("Authorization", basic(Role.GARANT))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(basicOnPage.statusCode())
                .as("the pages sign in through their form only")
                .isEqualTo(302);
    }

    @Test
    void signingInNeedsTheFormsCsrfTokenAndTheRightPassword() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> anonymous = browser.send(get("/audit").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        HttpResponse<String> withoutToken = browser.send(
                post("/login", "username=garant&password=" + enc(password(Role.GARANT))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).as("no CSRF token: refused").isEqualTo(403);

        HttpResponse<String> wrong = signIn(browser, Role.GARANT, "wrong-password");
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(browser.send(get("/audit").build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(302);

        HttpResponse<String> right = signIn(browser, Role.GARANT, password(Role.GARANT));
        assertThat(right.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        HttpResponse<String> console = browser.send(get("/audit").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("Console des garants");

        HttpResponse<String> logoutWithoutToken =
                browser.send(post("/logout", ""), HttpResponse.BodyHandlers.ofString());
        assertThat(logoutWithoutToken.statusCode()).isEqualTo(403);
        assertThat(browser.send(get("/audit").build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("still signed in")
                .isEqualTo(200);
        HttpResponse<String> logout = browser.send(
                post("/logout", "_csrf=" + enc(token(console.body()))), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(browser.send(get("/audit").build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("signed out")
                .isEqualTo(302);
    }

    @Test
    void rolesAreTheApisAndUnknownIdsAreThe404Page() throws Exception {
        HttpClient monitor = browser();
        signIn(monitor, Role.MONITOR, password(Role.MONITOR));
        HttpResponse<String> audit = monitor.send(get("/audit").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(audit.statusCode()).isEqualTo(403);
        assertThat(audit.body()).contains("Accès refusé");
        HttpResponse<String> unknown =
                monitor.send(get("/conventions/nope").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Page introuvable");
        HttpResponse<String> rebuild = monitor.send(
                post("/conventions/nope/projections/dashboard/rebuild", "_csrf=" + enc(token(audit.body()))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rebuild.statusCode()).as("rebuilding is for organisers").isEqualTo(403);

        HttpClient voter = browser();
        signIn(voter, Role.VOTER, password(Role.VOTER));
        assertThat(voter.send(get("/conventions/nope").build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> votation =
                HttpClient.newHttpClient().send(get("/votations/nope").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(votation.statusCode()).isEqualTo(404);
        assertThat(votation.body()).contains("Page introuvable");
    }

    /**
     * Running figures stay off the page for the public even where the rules make them visible (the API
     * may publish them at checkpoints only): the public is asked to sign in, staff see the live count.
     */
    @Test
    void runningResultsAreForStaffOnThePage() throws Exception {
        String convention = "conv-" + UUID.randomUUID();
        String votation = "vot-" + UUID.randomUUID();
        Instant opens = Instant.parse("2025-06-15T00:00:00Z");
        eventStore.publish(
                new GenericDomainEventMessage<>(
                        "Convention", convention, 0, conventionOpened(convention, "C", "Clermont-Ferrand", SOCIAL)),
                new GenericDomainEventMessage<>(
                        "Votation",
                        votation,
                        0,
                        new VotationScheduled(
                                convention,
                                votation,
                                "Running",
                                opens,
                                opens.plusSeconds(86_400),
                                List.of(item(1, SOCIAL)),
                                new VotationRules(Eligibility.NONE, BallotRule.APPROVAL, null, true))),
                new GenericDomainEventMessage<>("Votation", votation, 1, votationOpened(convention, votation)),
                new GenericDomainEventMessage<>(
                        "OnlineBallot",
                        "ballot-" + votation,
                        0,
                        new PaperBallotRecorded(convention, votation, "ballot-" + votation, "desk", "p", List.of(1))));
        HttpClient monitor = browser();
        signIn(monitor, Role.MONITOR, password(Role.MONITOR));
        HttpResponse<String> staff = awaitValue(
                "the votation page with its paper ballot",
                () -> monitor.send(get("/votations/" + votation).build(), HttpResponse.BodyHandlers.ofString()),
                page -> page.statusCode() == 200 && page.body().contains("1 papier"));
        assertThat(staff.body()).contains("1 votes : 1 papier, 0 en ligne");

        for (String path : List.of("/votations/" + votation, "/votations/" + votation + "/results.csv")) {
            HttpResponse<String> anonymous =
                    HttpClient.newHttpClient().send(get(path).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
            assertThat(anonymous.body()).doesNotContain("papier");
        }
        HttpClient voter = browser();
        signIn(voter, Role.VOTER, password(Role.VOTER));
        HttpResponse<String> resident =
                voter.send(get("/votations/" + votation).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(resident.statusCode()).isEqualTo(403);
        assertThat(resident.body()).contains("Accès refusé").doesNotContain("1 papier");
    }

    private HttpResponse<String> signIn(HttpClient browser, Role role, String password) throws Exception {
        HttpResponse<String> form = browser.send(get("/login").build(), HttpResponse.BodyHandlers.ofString());
        String username = TestAccounts.account(dataDir, role).username();
        HttpResponse<String> answer = browser.send(
                post(
                        "/login",
                        "username=" + enc(username) + "&password=" + enc(password) + "&_csrf="
                                + enc(token(form.body()))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer;
    }

    @Test
    void aLinkFromAnotherSiteOpensAPageWithItsCookiesButTheApiRefusesCrossSiteCredentials() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        HttpResponse<String> page = plain.send(
                get("/").header("Cookie", "ledger-lang=en")
                        .header("Sec-Fetch-Site", "cross-site")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode())
                .as("a safe GET of a page followed from a link")
                .isEqualTo(200);

        HttpResponse<String> api = plain.send(
                get("/api/conventions")
                        .header("Cookie", "JSESSIONID=x")
                        .header("Sec-Fetch-Site", "cross-site")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("cross-site-request");

        HttpResponse<String> form = plain.send(
                HttpRequest.newBuilder(uri("/logout"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Sec-Fetch-Site", "cross-site")
                        .POST(HttpRequest.BodyPublishers.ofString("a=b"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).as("a form posted from another site").isEqualTo(403);
    }

    private static String token(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private static String password(Role role) throws Exception {
        return TestAccounts.account(dataDir, role).password();
    }

    private static String basic(Role role) throws Exception {
        return TestAccounts.basic(dataDir, role);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
