package org.conventionledger.command.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.command.platform.ApiClient.CONVENTION;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Production identity ({@code oidc} mode): the city's identity provider issues JWTs whose role claim
 * decides what the caller may do, and whose subject becomes the actor in every event's metadata (a vote
 * records its channel instead: {@code BallotSecrecyApiTest}).
 */
@SpringBootTest(properties = "ledger.security.mode=oidc")
@AutoConfigureMockMvc
@DirtiesContext
class JwtIdentityTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", dataDir::toString);
    }

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Autowired
    MockMvc http;

    @Autowired
    EventStore eventStore;

    @Test
    void theTokenSubjectAndRoleAreRecordedOnTheEvent() throws Exception {
        given(jwtDecoder.decode(anyString())).willReturn(jwt("alice@city", List.of("ORGANISER")));

        String body = http.perform(post("/api/conventions").header("Authorization", "Bearer token")
                        .contentType(MediaType.APPLICATION_JSON).content(CONVENTION))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();

        String conventionId = new ObjectMapper().readTree(body).path("conventionId").asText();
        DomainEventMessage<?> opened = eventStore.readEvents(conventionId).next();
        assertThat(opened.getMetaData()).containsEntry("actorId", "alice@city").containsEntry("actorRole", "ORGANISER");
        assertThat(opened.getMetaData()).containsKeys("correlationId", "traceId");
    }

    @Test
    void aRoleThatMayNotWriteIsForbidden() throws Exception {
        given(jwtDecoder.decode(anyString())).willReturn(jwt("bob@city", List.of("GARANT")));

        http.perform(post("/api/conventions").header("Authorization", "Bearer token")
                        .contentType(MediaType.APPLICATION_JSON).content(CONVENTION))
                .andExpect(status().isForbidden());
    }

    @Test
    void noTokenIsUnauthorised() throws Exception {
        http.perform(post("/api/conventions").contentType(MediaType.APPLICATION_JSON).content(CONVENTION))
                .andExpect(status().isUnauthorized());
    }

    private static Jwt jwt(String subject, List<String> roles) {
        return new Jwt("token", Instant.now(), Instant.now().plusSeconds(300), Map.of("alg", "RS256"),
                Map.of("sub", subject, "roles", roles));
    }
}
