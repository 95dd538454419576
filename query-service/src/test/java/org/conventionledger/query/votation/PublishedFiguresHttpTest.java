package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.conventionledger.events.votation.BallotRule;
import org.conventionledger.events.votation.Eligibility;
import org.conventionledger.events.votation.PaperBallotRecorded;
import org.conventionledger.events.votation.VotationClosed;
import org.conventionledger.events.votation.VotationOpened;
import org.conventionledger.events.votation.VotationRules;
import org.conventionledger.events.votation.VotationScheduled;
import org.conventionledger.platform.identity.Role;
import org.conventionledger.query.platform.AsOfCache;
import org.conventionledger.query.platform.ReadApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the public sees of a votation's counts over HTTP (Europe/Paris checkpoints, minimum 10 ballots),
 * on a log recorded in June 2025:
 *
 * <ul>
 *   <li>a votation (results hidden while open) with 12 online ballots on 10 June, 3 paper ballots on
 *       11 June, 15 online ballots on 12 June, 11 online ballots on 13 June, then closed; its checkpoints
 *       at the ends of 10 and 12 June are published, that of 11 June is not (3 ballots added);</li>
 *   <li>a votation with running results visible, 12 online ballots on 10 June and none since, still
 *       open: the public sees it as of the latest checkpoint.</li>
 * </ul>
 */
class PublishedFiguresHttpTest extends ReadApiTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String CONVENTION = "conv-" + UUID.randomUUID();
    private static final String CLOSED = "vot-closed-" + UUID.randomUUID();
    private static final String RUNNING = "vot-running-" + UUID.randomUUID();
    private static final Instant END_OF_10_JUNE = Instant.parse("2025-06-10T22:00:00Z");
    private static final Instant END_OF_11_JUNE = Instant.parse("2025-06-11T22:00:00Z");
    private static final Instant END_OF_12_JUNE = Instant.parse("2025-06-12T22:00:00Z");

    @Autowired
    AsOfCache cache;

    private static final class Log {
        final List<EventMessage<?>> events = new ArrayList<>();
        final Map<String, Long> sequences = new HashMap<>();

        void add(String type, String aggregate, Object payload, Instant at) {
            events.add(new GenericDomainEventMessage<>(
                    type,
                    aggregate,
                    sequences.merge(aggregate, 1L, Long::sum) - 1,
                    payload,
                    Map.of("actorRole", "ORGANISER"),
                    UUID.randomUUID().toString(),
                    at));
        }

        void online(String votation, int ballots, Instant from) {
            for (int i = 0; i < ballots; i++) {
                String id = "b-" + UUID.randomUUID();
                add("OnlineBallot", id, onlineBallot(CONVENTION, votation, id, 1 + i % 2), from.plusSeconds(60L * i));
            }
        }
    }

    private static VotationScheduled scheduled(String votation, boolean visible) {
        return new VotationScheduled(
                CONVENTION,
                votation,
                "V",
                Instant.parse("2025-06-10T06:00:00Z"),
                Instant.parse("2025-06-13T18:00:00Z"),
                List.of(item(1, SOCIAL), item(2, SOCIAL)),
                new VotationRules(Eligibility.NONE, BallotRule.APPROVAL, null, visible));
    }

    @BeforeAll
    static void writeTheLog(@Autowired EventStore eventStore) {
        Log log = new Log();
        log.add(
                "Convention",
                CONVENTION,
                conventionOpened(CONVENTION, "C", "Clermont-Ferrand", SOCIAL),
                Instant.parse("2025-06-01T08:00:00Z"));
        log.add("Votation", CLOSED, scheduled(CLOSED, false), Instant.parse("2025-06-09T10:00:00Z"));
        log.add("Votation", RUNNING, scheduled(RUNNING, true), Instant.parse("2025-06-09T10:00:00Z"));
        log.add(
                "Votation",
                CLOSED,
                new VotationOpened(CONVENTION, CLOSED, Instant.parse("2025-06-10T06:00:00Z")),
                Instant.parse("2025-06-10T06:00:00Z"));
        log.add(
                "Votation",
                RUNNING,
                new VotationOpened(CONVENTION, RUNNING, Instant.parse("2025-06-10T06:00:00Z")),
                Instant.parse("2025-06-10T06:00:00Z"));
        log.online(CLOSED, 12, Instant.parse("2025-06-10T09:00:00Z"));
        log.online(RUNNING, 12, Instant.parse("2025-06-10T09:00:00Z"));
        for (int i = 0; i < 3; i++) {
            String id = "p-" + UUID.randomUUID();
            log.add(
                    "OnlineBallot",
                    id,
                    new PaperBallotRecorded(CONVENTION, CLOSED, id, "desk-1", "pseudo-" + id, List.of(1)),
                    Instant.parse("2025-06-11T09:00:00Z").plusSeconds(60L * i));
        }
        log.online(CLOSED, 15, Instant.parse("2025-06-12T09:00:00Z"));
        log.online(CLOSED, 11, Instant.parse("2025-06-13T09:00:00Z"));
        log.add(
                "Votation",
                CLOSED,
                new VotationClosed(CONVENTION, CLOSED, Instant.parse("2025-06-13T18:00:00Z")),
                Instant.parse("2025-06-13T18:00:00Z"));
        eventStore.publish(log.events);
    }

    private JsonNode ok(String path, Role as) throws Exception {
        HttpResponse<String> response = get(path, as);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String asOf(Instant instant) {
        return "?asOf=" + URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    private static String ranking(String votation) {
        return "/api/votations/" + votation + "/ranking";
    }

    private void awaitProjected() {
        await(
                ranking(CLOSED),
                Role.GARANT,
                closed -> closed.path("status").asText().equals("CLOSED"));
        await(
                ranking(RUNNING),
                Role.GARANT,
                running -> running.path("onlineBallots").asInt() == 12);
    }

    @Test
    void anAsOfByPositionOrArbitraryInstantIsRefusedToThePublicAndGivenToTheOversight() throws Exception {
        awaitProjected();
        String byPosition = ranking(CLOSED) + "?asOfPosition=20";
        HttpResponse<String> anonymous = get(byPosition, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(problem(anonymous).path("rule").asText()).isEqualTo("published-checkpoints-only");
        assertThat(anonymous.body()).doesNotContain("onlineVotes");
        assertThat(get(ranking("nowhere") + "?asOfPosition=3", null).statusCode())
                .as("refused before the votation is looked up")
                .isEqualTo(401);

        String midday = ranking(CLOSED) + asOf(Instant.parse("2025-06-12T10:00:00Z"));
        HttpResponse<String> arbitrary = get(midday, null);
        assertThat(arbitrary.statusCode()).isEqualTo(401);
        assertThat(problem(arbitrary).path("rule").asText()).isEqualTo("published-checkpoints-only");
        for (Role role : List.of(Role.VOTER, Role.PLATFORM, Role.ORGANISER, Role.OPERATOR)) {
            HttpResponse<String> refused = get(midday, role);
            assertThat(refused.statusCode()).as(role.name()).isEqualTo(403);
            assertThat(problem(refused).path("rule").asText()).isEqualTo("published-checkpoints-only");
            assertThat(get(byPosition, role).statusCode()).as(role.name()).isEqualTo(403);
        }
        for (Role role : List.of(Role.GARANT, Role.MONITOR)) {
            assertThat(ok(midday, role).path("onlineBallots").asInt())
                    .as(role.name())
                    .isEqualTo(27);
            assertThat(ok(byPosition, role).path("asOfPosition").asInt()).isEqualTo(20);
        }
    }

    @Test
    void thePublicSeesTheCheckpointsThatAddedEnoughBallotsWithSmallChannelsMerged() throws Exception {
        awaitProjected();
        JsonNode first = ok(ranking(CLOSED) + asOf(END_OF_10_JUNE), null);
        assertThat(first.path("status").asText()).isEqualTo("OPEN");
        assertThat(first.path("onlineBallots").asInt()).isEqualTo(12);
        assertThat(first.path("onlineVotes").asInt()).isEqualTo(12);
        assertThat(first.path("withheld").isNull()).isTrue();
        assertThat(first.path("minimumBallots").asInt()).isEqualTo(10);
        assertThat(Instant.parse(first.path("asOf").asText())).isEqualTo(END_OF_10_JUNE);
        // the same checkpoint written with the city's offset
        String local = END_OF_10_JUNE.atZone(PARIS).toOffsetDateTime().toString();
        assertThat(ok(ranking(CLOSED) + "?asOf=" + URLEncoder.encode(local, StandardCharsets.UTF_8), null)
                        .path("entries"))
                .isEqualTo(first.path("entries"));

        HttpResponse<String> second = get(ranking(CLOSED) + asOf(END_OF_11_JUNE), null);
        assertThat(second.statusCode()).isEqualTo(401);
        assertThat(problem(second).path("rule").asText()).isEqualTo("minimum-ballots");
        assertThat(second.body()).doesNotContain("paperVotes");
        assertThat(get(ranking(CLOSED) + asOf(END_OF_11_JUNE), Role.VOTER).statusCode())
                .isEqualTo(403);
        assertThat(ok(ranking(CLOSED) + asOf(END_OF_11_JUNE), Role.GARANT)
                        .path("paperBallots")
                        .asInt())
                .as("the garants see it")
                .isEqualTo(3);

        JsonNode third = ok(ranking(CLOSED) + asOf(END_OF_12_JUNE), null);
        assertThat(third.path("withheld").asText()).isEqualTo("CHANNELS");
        assertThat(third.path("totalVotes").asInt()).isEqualTo(30);
        assertThat(third.path("paperVotes").isNull()).isTrue();
        assertThat(third.path("onlineVotes").isNull()).isTrue();
        assertThat(third.path("paperBallots").isNull()).isTrue();
        assertThat(third.path("entries")).allSatisfy(e -> {
            assertThat(e.path("paperVotes").isNull()).isTrue();
            assertThat(e.path("totalVotes").isNumber()).isTrue();
        });

        JsonNode close = ok(ranking(CLOSED), null);
        assertThat(close.path("status").asText()).isEqualTo("CLOSED");
        assertThat(close.path("totalVotes").asInt()).isEqualTo(41);
        assertThat(close.path("withheld").asText())
                .as("3 paper ballots stay merged")
                .isEqualTo("CHANNELS");
        assertThat(close.path("paperVotes").isNull()).isTrue();
        assertThat(ok(ranking(CLOSED), Role.ORGANISER).path("paperVotes").asInt())
                .as("staff see all")
                .isEqualTo(3);

        assertThat(problem(get(ranking(CLOSED) + asOf(Instant.parse("2025-06-08T22:00:00Z")), null))
                        .path("code")
                        .asText())
                .isEqualTo("unknown-votation");
        assertThat(problem(get(ranking(CLOSED) + asOf(Instant.parse("2099-06-08T22:00:00Z")), null))
                        .path("code")
                        .asText())
                .isEqualTo("checkpoint-not-reached");
    }

    @Test
    void theRunningResultsTheRulesMakePublicAreShownAsOfTheLatestPublishedCheckpoint() throws Exception {
        awaitProjected();
        JsonNode running = ok(ranking(RUNNING), null);
        Instant latest =
                Instant.now().atZone(PARIS).toLocalDate().atStartOfDay(PARIS).toInstant();
        assertThat(Instant.parse(running.path("asOf").asText())).isEqualTo(latest);
        assertThat(running.path("status").asText()).isEqualTo("OPEN");
        assertThat(running.path("onlineBallots").asInt()).isEqualTo(12);
        assertThat(running.has("asOfPosition")).isTrue();
        assertThat(ok(ranking(RUNNING), Role.VOTER).path("asOf").asText())
                .isEqualTo(running.path("asOf").asText());
        JsonNode staff = ok(ranking(RUNNING), Role.ORGANISER);
        assertThat(staff.has("asOf")).as("the staff see the live count").isFalse();
    }

    @Test
    void anAsOfViewAskedAgainIsServedFromTheCacheWhateverItsSpelling() throws Exception {
        awaitProjected();
        Instant instant = Instant.parse("2025-06-12T10:30:00Z");
        String utc = ranking(CLOSED) + asOf(instant);
        String offset = ranking(CLOSED) + "?asOf="
                + URLEncoder.encode(
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.ofHours(2))),
                        StandardCharsets.UTF_8);
        JsonNode first = ok(utc, Role.GARANT);
        long cached = cache.size();
        JsonNode again = ok(offset, Role.MONITOR);
        assertThat(cache.size()).isEqualTo(cached);
        assertThat(again).isEqualTo(first);
        ok(ranking(CLOSED) + asOf(instant.plus(Duration.ofMinutes(1))), Role.GARANT);
        assertThat(cache.size()).isEqualTo(cached + 1);
    }
}
