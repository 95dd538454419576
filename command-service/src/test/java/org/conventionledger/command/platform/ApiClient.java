package org.conventionledger.command.platform;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.willAnswer;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The write API as the HTTP tests call it ({@code oidc} mode, on MockMvc): the mocked JWT decoder takes
 * the bearer token for the caller, {@code ROLE} or {@code ROLE.subject}, so that a test names who acts
 * instead of minting tokens.
 */
public final class ApiClient {

    /** The body that opens a convention: most tests need one to work in, and none its details. */
    public static final String CONVENTION = """
            {"title":"Convention","city":"Clermont-Ferrand","plannedSessions":6,
             "transitions":["ECOLOGICAL","SOCIAL","DEMOCRATIC"],
             "mandate":{"deliberationReference":"D-1","startsOn":"2021-10-01","endsOn":"2022-06-30",
                        "indemnityPerSession":20}}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockMvc http;

    private ApiClient(MockMvc http) {
        this.http = http;
    }

    /**
     * A client whose tokens name the caller. Stubs {@code decoder}, a {@code @MockitoBean} reset after
     * each test, so call it in {@code @BeforeEach}.
     */
    public static ApiClient withRoleTokens(MockMvc http, JwtDecoder decoder) {
        return withRoleTokens(http, decoder, Map.of());
    }

    /**
     * As {@link #withRoleTokens(MockMvc, JwtDecoder)}, and a subject's token also carries these claims, as
     * the identity provider attests them. The subject is {@code role@city} unless the token names one.
     */
    public static ApiClient withRoleTokens(
            MockMvc http, JwtDecoder decoder, Map<String, Map<String, Object>> claimsBySubject) {
        // stubbed without calling the mock, so that a test may stub it again over this
        willAnswer(call -> {
                    String token = call.getArgument(0);
                    String[] parts = token.split("\\.");
                    String subject = parts.length > 1 ? parts[1] : parts[0].toLowerCase(Locale.ROOT) + "@city";
                    Map<String, Object> claims = new HashMap<>(claimsBySubject.getOrDefault(subject, Map.of()));
                    claims.put("sub", subject);
                    claims.put("roles", List.of(parts[0]));
                    return new Jwt(
                            token, Instant.now(), Instant.now().plusSeconds(300), Map.of("alg", "RS256"), claims);
                })
                .given(decoder)
                .decode(anyString());
        return new ApiClient(http);
    }

    /** Performs the request as the caller the token names; anonymously when it is null. */
    public ResultActions perform(String token, MockHttpServletRequestBuilder request) throws Exception {
        return http.perform(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    /** POSTs a JSON body; none at all when it is null. */
    public ResultActions post(String token, String path, String body) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return perform(token, request);
    }

    public ResultActions get(String token, String path) throws Exception {
        return perform(token, MockMvcRequestBuilders.get(path));
    }

    /** POSTs, expects 201 Created, and answers the new resource's id, read from {@code idField}. */
    public String created(String token, String path, String body, String idField) throws Exception {
        return json(post(token, path, body).andExpect(status().isCreated()))
                .path(idField)
                .asText();
    }

    /** Opens {@link #CONVENTION} as an organiser and answers its id. */
    public String openConvention() throws Exception {
        return created("ORGANISER", "/api/conventions", CONVENTION, "conventionId");
    }

    /** The response body as JSON, read as UTF-8 whatever charset the response declares. */
    public static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** Refused with this status and code, as {@code application/problem+json}. */
    public static ResultMatcher problem(int status, String code) {
        return ResultMatcher.matchAll(
                status().is(status),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.code").value(code));
    }
}
