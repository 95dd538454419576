package org.conventionledger.query.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conventionledger.query.QueryServiceApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pages under {@code oidc} (ADR-007): the person signs in with the authorization code flow at the city's
 * provider, and their forms reach the command-service with their own access token. A tiny OpenID provider
 * runs in the test (discovery, JWKS, an authorize endpoint that approves at once, a token endpoint; tokens
 * signed with Nimbus JOSE), the query-service boots under the {@code oidc} profile pointed at it, and a plain
 * HTTP client that follows redirects and keeps cookies plays the browser. A real provider's consent screens,
 * refresh tokens and single logout are not exercised here.
 */
@SpringBootTest(classes = QueryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("oidc")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PagesOidcLoginHttpTest {

    private static final String CLIENT_ID = "ledger-pages";
    private static final String CLIENT_SECRET = "pages-secret";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CITY_LOGIN = Pattern.compile("href=\"(/oauth2/authorization/city)\"");

    @TempDir
    static Path dataDir;

    private static final Provider PROVIDER = new Provider();
    private static final StandInCommandService COMMANDS = StandInCommandService.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> dataDir.toString());
        registry.add("ledger.read-store.uri", () -> "");
        registry.add("ledger.command-url", COMMANDS::url);
        registry.add("OIDC_ISSUER_URI", PROVIDER::issuer);
        registry.add("OIDC_AUDIENCE", () -> "ledger-api");
        registry.add("OIDC_CLIENT_ID", () -> CLIENT_ID);
        registry.add("OIDC_CLIENT_SECRET", () -> CLIENT_SECRET);
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        PROVIDER.server.stop(0);
        COMMANDS.stop();
    }

    @BeforeEach
    void reset() {
        COMMANDS.reset();
    }

    @Test
    void aGarantSignsInByTheCodeFlowTheirOwnAccessTokenIsRelayedAndTheyLogOut() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> console = signIn(browser, "garant-7", List.of("GARANT"));
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.uri().getPath()).as("back where they were going").isEqualTo("/audit");
        String accessToken = PROVIDER.accessTokens.get("garant-7");

        COMMANDS.answer(200, "{\"size\":12,\"position\":12,\"root\":\"ab\"}");
        HttpResponse<String> signed =
                browser.send(post("/audit/tree-heads", "_csrf=" + enc(csrf(console)) + "&reason=visite"), ofString());
        assertThat(signed.uri().getPath()).isEqualTo("/audit");
        assertThat(COMMANDS.received).hasSize(1);
        StandInCommandService.Received sent = COMMANDS.received.peek();
        assertThat(sent.path()).isEqualTo("/api/tree-heads");
        assertThat(sent.authorization()).as("the person's own token").isEqualTo("Bearer " + accessToken);
        assertThat(sent.body().path("reason").asText()).isEqualTo("visite");

        HttpResponse<String> out = browser.send(post("/logout", "_csrf=" + enc(csrf(signed))), ofString());
        assertThat(out.uri().getPath()).isEqualTo("/");
        assertThat(out.uri().getQuery()).isEqualTo("loggedOut");
        HttpResponse<String> again = browser.send(get("/audit"), ofString());
        assertThat(again.uri().getPath())
                .as("signed out: asked to sign in again")
                .isEqualTo("/login");
        assertThat(COMMANDS.received).hasSize(1);
    }

    @Test
    void aPersonWithoutTheRoleGetsTheDeniedPageAndNothingIsRelayed() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> console = signIn(browser, "resident-3", List.of("VOTER"));
        assertThat(console.statusCode()).isEqualTo(403);
        assertThat(console.body()).contains("<h1");
        HttpResponse<String> form = browser.send(get("/referrals/new"), ofString());
        assertThat(form.body()).contains("referral-form");
        HttpResponse<String> refused =
                browser.send(post("/audit/tree-heads", "_csrf=" + enc(csrf(form)) + "&reason=x"), ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(COMMANDS.received).isEmpty();
    }

    @Test
    void aCodeIsGoodForOneExchangeOnlyAndAForgedStateIsRefused() throws Exception {
        HttpClient browser = browser();
        browser.send(get("/audit"), ofString());
        HttpResponse<String> forged =
                browser.send(get("/login/oauth2/code/city?code=made-up&state=made-up"), ofString());
        assertThat(forged.uri().getPath()).isEqualTo("/login");
        assertThat(browser.send(get("/audit"), ofString()).uri().getPath())
                .as("still not signed in")
                .isEqualTo("/login");
    }

    /** Opens the console, follows the login page's link to the provider and back, and answers the last page. */
    private HttpResponse<String> signIn(HttpClient browser, String subject, List<String> roles) throws Exception {
        HttpResponse<String> login = browser.send(get("/audit"), ofString());
        assertThat(login.uri().getPath()).isEqualTo("/login");
        Matcher link = CITY_LOGIN.matcher(login.body());
        assertThat(link.find()).as("the login page offers the city's provider").isTrue();
        PROVIDER.next = new Person(subject, roles);
        return browser.send(get(link.group(1)), ofString());
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a CSRF field in " + page.uri()).isTrue();
        return m.group(1);
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET()
                .build();
    }

    private HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private static HttpResponse.BodyHandler<String> ofString() {
        return HttpResponse.BodyHandlers.ofString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record Person(String subject, List<String> roles) {}

    /**
     * The city's provider, as small as the code flow allows: discovery, the signing key, an authorize
     * endpoint that approves {@link #next} at once, and a token endpoint that checks the client's secret and
     * takes each code once.
     */
    static final class Provider {

        private static final ObjectMapper JSON = new ObjectMapper();

        final HttpServer server;
        final RSAKey key;
        final Map<String, String> accessTokens = new ConcurrentHashMap<>();
        private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
        volatile Person next;

        Provider() {
            try {
                key = new RSAKeyGenerator(2048).keyID("city-1").generate();
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException | JOSEException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/.well-known/openid-configuration", this::discovery);
            server.createContext("/jwks", e -> send(e, 200, new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/authorize", this::authorize);
            server.createContext("/token", this::token);
            server.start();
        }

        String issuer() {
            return "http://localhost:" + server.getAddress().getPort();
        }

        private void discovery(HttpExchange exchange) throws IOException {
            Map<String, Object> metadata = new HashMap<>();
            metadata.put("issuer", issuer());
            metadata.put("authorization_endpoint", issuer() + "/authorize");
            metadata.put("token_endpoint", issuer() + "/token");
            metadata.put("jwks_uri", issuer() + "/jwks");
            metadata.put("response_types_supported", List.of("code"));
            metadata.put("subject_types_supported", List.of("public"));
            metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
            metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
            metadata.put("grant_types_supported", List.of("authorization_code"));
            metadata.put("scopes_supported", List.of("openid", "profile"));
            send(exchange, 200, JSON.writeValueAsString(metadata));
        }

        private void authorize(HttpExchange exchange) throws IOException {
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))) {
                send(exchange, 400, "{\"error\":\"invalid_request\"}");
                return;
            }
            String code = UUID.randomUUID().toString();
            Person person = next;
            codes.put(
                    code,
                    Map.of(
                            "subject", person.subject(),
                            "roles", String.join(",", person.roles()),
                            "nonce", query.getOrDefault("nonce", ""),
                            "redirect", query.get("redirect_uri")));
            exchange.getResponseHeaders()
                    .add(
                            "Location",
                            query.get("redirect_uri") + "?code=" + code + "&state="
                                    + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        }

        private void token(HttpExchange exchange) throws IOException {
            Map<String, String> form =
                    form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String basic = "Basic "
                    + Base64.getEncoder()
                            .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
            Map<String, String> grant = codes.remove(form.getOrDefault("code", ""));
            if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            if (grant == null || !grant.get("redirect").equals(form.get("redirect_uri"))) {
                send(exchange, 400, "{\"error\":\"invalid_grant\"}");
                return;
            }
            List<String> roles = grant.get("roles").isEmpty()
                    ? List.of()
                    : List.of(grant.get("roles").split(","));
            String subject = grant.get("subject");
            String idToken = sign(claims(subject, CLIENT_ID, roles)
                    .claim("nonce", grant.get("nonce"))
                    .build());
            String accessToken = sign(claims(subject, "ledger-api", roles)
                    .claim("scope", "openid profile")
                    .build());
            accessTokens.put(subject, accessToken);
            send(
                    exchange,
                    200,
                    JSON.writeValueAsString(Map.of(
                            "access_token",
                            accessToken,
                            "token_type",
                            "Bearer",
                            "expires_in",
                            300,
                            "scope",
                            "openid profile",
                            "id_token",
                            idToken)));
        }

        private JWTClaimsSet.Builder claims(String subject, String audience, List<String> roles) {
            Instant now = Instant.now();
            return new JWTClaimsSet.Builder()
                    .issuer(issuer())
                    .subject(subject)
                    .audience(audience)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(300)))
                    .claim("roles", roles);
        }

        private String sign(JWTClaimsSet claims) {
            try {
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(key.getKeyID())
                                .build(),
                        claims);
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Map<String, String> form(String encoded) {
            Map<String, String> fields = new HashMap<>();
            for (String pair : (encoded == null ? "" : encoded).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return fields;
        }

        private static void send(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
