package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.query.oversight.TrailFixture.JSON;
import static org.conventionledger.query.oversight.TrailFixture.SIMULATED_JDBC_LOG;
import static org.conventionledger.query.oversight.TrailFixture.recomputedLinks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.events.organisation.AttendanceRecorded;
import org.conventionledger.events.organisation.Presence;
import org.conventionledger.events.organisation.SessionClosed;
import org.conventionledger.events.organisation.SessionKind;
import org.conventionledger.events.organisation.SessionScheduled;
import org.conventionledger.events.oversight.SealPublished;
import org.conventionledger.query.platform.EventPosition;
import org.conventionledger.query.platform.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seals at each session's end: when {@link ChainSealer} reaches a {@code SessionClosed} event it records
 * the chain's head at that position, which is the link a verifier recomputes from the events up to it.
 */
class SessionSealTest extends TrailTest {

    private static final Map<String, String> ORGANISER = Map.of("actorId", "organiser", "actorRole", "ORGANISER");
    private static final String C = "conv-clermont";
    private static final LocalDate DAY = LocalDate.of(2021, 10, 16);

    private MutableClock clock;
    private ChainSealer sealer;
    private SessionSealController controller;

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2021-10-16T18:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void start() {
        clock = new MutableClock();
        sealer = new ChainSealer(store.mongo(), JSON, SIMULATED_JDBC_LOG, clock);
        controller = new SessionSealController(store.mongo(), sealer);
    }

    private long append(Object payload) {
        return EventPosition.of(
                deliver(log.append(payload, ORGANISER)), log.last().trackingToken());
    }

    private void session(String sessionId, int number) {
        append(new SessionScheduled(C, sessionId, number, SessionKind.PLENARY, null, DAY, DAY));
        append(new AttendanceRecorded(C, sessionId, "m-1", Presence.PRESENT));
    }

    @Test
    void eachSessionsEndIsSealedAtItsPositionWithTheHeadThere() {
        append(TestEvents.conventionOpened(
                C, "Convention", "Clermont-Ferrand", org.conventionledger.events.Transition.SOCIAL));
        session("s-1", 1);
        long firstClose = append(new SessionClosed(C, "s-1", DAY));
        session("s-2", 2);
        append(TestEvents.invitationSent(C, "letter-9"));
        clock.now = clock.now.plusSeconds(3600);
        long secondClose = append(new SessionClosed(C, "s-2", DAY.plusDays(14)));
        append(TestEvents.invitationSent(C, "letter-10"));

        List<SessionSealController.SessionSealView> seals = controller.sessionSeals(null);

        Map<Long, String> links = recomputedLinks(log.delivered());
        assertThat(seals)
                .extracting(SessionSealController.SessionSealView::position)
                .containsExactly(firstClose, secondClose);
        SessionSealController.SessionSealView first = seals.get(0);
        assertThat(first.chain()).isEqualTo(ChainLink.VERSION);
        assertThat(first.head())
                .isEqualTo(links.get(firstClose))
                .isEqualTo(store.mongo().findById(firstClose, AuditEvent.class).chainHash());
        assertThat(first.length()).isEqualTo(firstClose);
        assertThat(first.sessionId()).isEqualTo("s-1");
        assertThat(first.sessionNumber()).isEqualTo(1);
        assertThat(first.conventionId()).isEqualTo(C);
        assertThat(first.reason()).isEqualTo("end of session 1");
        assertThat(first.sealId()).isNull();
        assertThat(seals.get(1).head()).isEqualTo(links.get(secondClose));
        assertThat(seals.get(1).sessionNumber()).isEqualTo(2);
        assertThat(controller.sessionSeals("conv-elsewhere")).isEmpty();
        assertThat(controller.sessionSeals(C)).isEqualTo(seals);
    }

    @Test
    void theSealIsTakenOnceAndKeepsItsTimeWhenTheChainIsWalkedAgain() {
        session("s-1", 1);
        long close = append(new SessionClosed(C, "s-1", DAY));
        SessionSealController.SessionSealView taken =
                controller.sessionSeals(null).get(0);

        clock.now = clock.now.plusSeconds(60);
        log.delivered().forEach(this::deliver); // re-delivered after a crash
        store.mongo().remove(new org.springframework.data.mongodb.core.query.Query(), ChainHead.class); // chain again

        assertThat(controller.sessionSeals(null)).containsExactly(taken);
        assertThat(taken.position()).isEqualTo(close);
        assertThat(taken.sealedAt()).isEqualTo(Instant.parse("2021-10-16T18:00:00Z"));
    }

    @Test
    void aSessionClosedBeyondAGapIsSealedOnlyOnceTheGapIsFilled() {
        session("s-1", 1);
        long slow = log.reserve();
        long close = append(new SessionClosed(C, "s-1", DAY));

        assertThat(controller.sessionSeals(null))
                .as("the chain waits below the gap")
                .isEmpty();

        deliver(log.fill(slow, new AttendanceRecorded(C, "s-1", "m-2", Presence.EXCUSED)));
        List<SessionSealController.SessionSealView> seals = controller.sessionSeals(null);

        assertThat(seals).hasSize(1);
        assertThat(seals.get(0).position()).isEqualTo(close);
        assertThat(seals.get(0).head())
                .isEqualTo(recomputedLinks(log.delivered()).get(close));
    }

    @Test
    void aPublishedSealWithTheSamePositionAndHeadIsNamed() {
        session("s-1", 1);
        append(new SessionClosed(C, "s-1", DAY));
        SessionSealController.SessionSealView seal =
                controller.sessionSeals(null).get(0);

        append(new SealPublished(
                "seal-other",
                seal.chain(),
                seal.position(),
                "0".repeat(64),
                seal.length(),
                seal.sealedAt(),
                "on demand"));
        append(new SealPublished(
                "seal-7", seal.chain(), seal.position(), seal.head(), seal.length(), seal.sealedAt(), seal.reason()));

        assertThat(controller.sessionSeals(null).get(0).sealId()).isEqualTo("seal-7");
    }

    @Test
    void aRebuildTakesTheSameSealsAgain() {
        session("s-1", 1);
        append(new SessionClosed(C, "s-1", DAY));
        String head = controller.sessionSeals(null).get(0).head();

        projection.reset();
        assertThat(controller.sessionSeals(null)).isEmpty();
        log.restreamFrom(null).forEach(this::deliver);

        assertThat(controller.sessionSeals(null))
                .extracting(SessionSealController.SessionSealView::head)
                .containsExactly(head);
    }

    @Test
    void theSealsJsonIsASealAsVerifyLogAndPostSealsReadIt() throws Exception {
        session("s-3", 3);
        append(new SessionClosed(C, "s-3", DAY));

        JsonNode json = JSON.readTree(
                JSON.writeValueAsString(controller.sessionSeals(null).get(0)));

        assertThat(json.path("chain").asText()).isEqualTo(ChainLink.VERSION);
        assertThat(json.path("position").isIntegralNumber()).isTrue();
        assertThat(json.path("head").asText()).matches("[0-9a-f]{64}");
        assertThat(json.path("length").isIntegralNumber()).isTrue();
        assertThat(Instant.parse(json.path("sealedAt").asText())).isNotNull();
        assertThat(json.path("reason").asText()).isEqualTo("end of session 3");
        assertThat(json.path("sessionNumber").asInt()).isEqualTo(3);
    }
}
