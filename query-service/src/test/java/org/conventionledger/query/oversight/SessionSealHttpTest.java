package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.conventionledger.events.Transition;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.events.integrity.ChainVerifier;
import org.conventionledger.events.organisation.AttendanceRecorded;
import org.conventionledger.events.organisation.Presence;
import org.conventionledger.events.organisation.SessionClosed;
import org.conventionledger.events.organisation.SessionKind;
import org.conventionledger.events.organisation.SessionScheduled;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.MemberSeated;
import org.conventionledger.platform.identity.Role;
import org.conventionledger.query.platform.ReadApiTest;
import org.conventionledger.query.platform.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Seals at each session's end and the per-person view on the real H2 log: events appended through the
 * event store, the trail chained in the background, the session seals served over HTTP to garants and
 * the monitoring body, and an export of the log verified against each of them as {@code ledger
 * verify-log} does (the seal's fields are the ones it reads: see {@code SessionSealVerificationTest} in
 * the tools for the tool itself on this shape).
 */
class SessionSealHttpTest extends ReadApiTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("ledger.audit.chain-interval", () -> "PT0.2S");
    }

    private static final String CONVENTION = "conv-" + UUID.randomUUID();
    private static final LocalDate DAY = LocalDate.of(2021, 10, 16);

    @Autowired
    AuditTrailController trail;

    /** How many events {@link #publish} appended, once for the class. */
    private static int published;

    /** Two sessions and their closes among other events, in a few transactions; returns the events' count. */
    private synchronized int publish() {
        if (published > 0) {
            return published;
        }
        List<Object> payloads = new ArrayList<>();
        payloads.add(TestEvents.conventionOpened(CONVENTION, "Convention", "Clermont-Ferrand", Transition.SOCIAL));
        payloads.add(new InvitationSent(CONVENTION, "letter-1", "p-http", "roll", DAY.minusDays(40)));
        payloads.add(new MemberSeated(CONVENTION, "m-1", "letter-1", Transition.SOCIAL, "v1", DAY.minusDays(10)));
        for (int session = 1; session <= 2; session++) {
            payloads.add(
                    new SessionScheduled(CONVENTION, "s-" + session, session, SessionKind.PLENARY, null, DAY, DAY));
            payloads.add(new AttendanceRecorded(CONVENTION, "s-" + session, "m-1", Presence.PRESENT));
            payloads.add(new SessionClosed(CONVENTION, "s-" + session, DAY.plusDays(14L * session)));
            payloads.add(TestEvents.invitationSent(CONVENTION, "letter-after-" + session));
        }
        Map<String, Long> sequences = new HashMap<>();
        List<EventMessage<?>> events = new ArrayList<>();
        for (Object payload : payloads) {
            long sequence = sequences.merge(CONVENTION, 1L, Long::sum) - 1;
            events.add(new GenericDomainEventMessage<>(
                    "Convention",
                    CONVENTION,
                    sequence,
                    payload,
                    MetaData.with("actorId", "organiser").and("actorRole", "ORGANISER")));
        }
        for (int from = 0; from < events.size(); from += 4) {
            eventStore.publish(events.subList(from, Math.min(from + 4, events.size())));
        }
        published = events.size();
        return published;
    }

    @Test
    void sessionSealsAreServedToGarantsAndMonitorsAndAnExportVerifiesAgainstThem() throws Exception {
        int events = publish();
        JsonNode seals = awaitSeals(2);
        assertThat(trail.seal().length()).isGreaterThanOrEqualTo(events);

        List<JsonNode> lines = ExportedLog.lines(trail);
        for (JsonNode seal : seals) {
            long position = seal.path("position").asLong();
            JsonNode closed = lines.stream()
                    .filter(l -> l.path("position").asLong() == position)
                    .findFirst()
                    .orElseThrow();
            assertThat(closed.path("payloadType").asText()).endsWith(".SessionClosed");
            assertThat(closed.path("chainHash").asText())
                    .as("the head at that position")
                    .isEqualTo(seal.path("head").asText());
            assertThat(seal.path("chain").asText()).isEqualTo(ChainLink.VERSION);
            assertThat(seal.path("length").asLong())
                    .isEqualTo(lines.stream()
                            .filter(l -> l.path("position").asLong() <= position)
                            .count());

            ChainVerifier.Result result = ChainVerifier.verify(
                    ExportedLog.verifierLines(lines, true),
                    position,
                    seal.path("head").asText());
            assertThat(result.intact()).as(result.reason()).isTrue();
            ChainVerifier.Result sealOnly = ChainVerifier.verify(
                    ExportedLog.verifierLines(lines, false),
                    position,
                    seal.path("head").asText());
            assertThat(sealOnly.intact())
                    .as("against the seal alone: " + sealOnly.reason())
                    .isTrue();
        }
        assertThat(seals.get(0).path("sessionNumber").asInt()).isEqualTo(1);
        assertThat(seals.get(1).path("sessionNumber").asInt()).isEqualTo(2);
        assertThat(seals.get(1).path("reason").asText()).isEqualTo("end of session 2");

        HttpResponse<String> monitor = get("/api/audit/seals/sessions?conventionId=" + CONVENTION, Role.MONITOR);
        assertThat(monitor.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(monitor.body())).isEqualTo(seals);
        for (Role role : List.of(Role.ORGANISER, Role.VOTER, Role.PLATFORM)) {
            assertThat(get("/api/audit/seals/sessions", role).statusCode())
                    .as(role.name())
                    .isEqualTo(403);
        }
    }

    @Test
    void aPersonsTrailIsForGarantsOnly() throws Exception {
        publish();
        awaitSeals(2);

        HttpResponse<String> garant = get("/api/audit/persons/p-http", Role.GARANT);
        assertThat(garant.statusCode()).isEqualTo(200);
        JsonNode view = JSON.readTree(garant.body());
        assertThat(view.path("personId").asText()).isEqualTo("p-http");
        assertThat(view.path("summary").path("invitationId").asText()).isEqualTo("letter-1");
        assertThat(view.path("summary").path("memberId").asText()).isEqualTo("m-1");
        assertThat(view.path("summary").path("status").asText()).isEqualTo("SEATED");
        List<String> types = new ArrayList<>();
        view.path("events").forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).startsWith("InvitationSent", "MemberSeated", "AttendanceRecorded", "AttendanceRecorded");
        assertThat(view.path("events").get(0).path("actor").path("role").asText())
                .isEqualTo("ORGANISER");
        assertThat(view.path("events").get(0).has("subjects")).isFalse();
        HttpResponse<String> page = get("/api/audit/events?limit=5", Role.GARANT);
        assertThat(JSON.readTree(page.body()).path("events"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.has("subjects"))
                        .as("the trail's shape is unchanged")
                        .isFalse());

        assertThat(get("/api/audit/persons/p-nobody", Role.GARANT).statusCode()).isEqualTo(404);
        for (Role role : List.of(Role.ORGANISER, Role.MONITOR, Role.VOTER, Role.PLATFORM)) {
            assertThat(get("/api/audit/persons/p-http", role).statusCode())
                    .as(role.name())
                    .isEqualTo(403);
        }
    }

    /** The garant's list of session seals once it holds at least {@code count} of this convention. */
    private JsonNode awaitSeals(int count) {
        return await(
                "/api/audit/seals/sessions?conventionId=" + CONVENTION, Role.GARANT, seals -> seals.size() >= count);
    }
}
