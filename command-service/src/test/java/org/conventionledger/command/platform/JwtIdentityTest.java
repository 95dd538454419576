package org.conventionledger.command.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.command.platform.ApiClient.CONVENTION;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.willReturn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Production identity ({@code oidc} mode): the city's identity provider issues JWTs whose role claim
 * decides what the caller may do, and whose subject becomes the actor in every event's metadata (a vote
 * records its channel instead: {@code BallotSecrecyApiTest}).
 */
class JwtIdentityTest extends WriteApiTest {

    @Autowired
    EventStore eventStore;

    @Test
    void theTokenSubjectAndRoleAreRecordedOnTheEvent() throws Exception {
        willReturn(jwt("alice@city", List.of("ORGANISER"))).given(jwtDecoder).decode(anyString());

        String body = http.perform(post("/api/conventions")
                        .header("Authorization", "Bearer token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CONVENTION))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();

        String conventionId =
                new ObjectMapper().readTree(body).path("conventionId").asText();
        DomainEventMessage<?> opened = eventStore.readEvents(conventionId).next();
        assertThat(opened.getMetaData()).containsEntry("actorId", "alice@city").containsEntry("actorRole", "ORGANISER");
        assertThat(opened.getMetaData()).containsKeys("correlationId", "traceId");
    }

    @Test
    void aRoleThatMayNotWriteIsForbidden() throws Exception {
        willReturn(jwt("bob@city", List.of("GARANT"))).given(jwtDecoder).decode(anyString());

        http.perform(post("/api/conventions")
                        .header("Authorization", "Bearer token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CONVENTION))
                .andExpect(status().isForbidden());
    }

    @Test
    void noTokenIsUnauthorised() throws Exception {
        http.perform(post("/api/conventions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CONVENTION))
                .andExpect(status().isUnauthorized());
    }

    private static Jwt jwt(String subject, List<String> roles) {
        return new Jwt(
                "token",
                Instant.now(),
                Instant.now().plusSeconds(300),
                Map.of("alg", "RS256"),
                Map.of("sub", subject, "roles", roles));
    }
}
