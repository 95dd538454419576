package org.conventionledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.invitationSent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.events.recruitment.InvitationSent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class LogReplayTest {

    private static final Instant T0 = Instant.parse("2025-06-14T08:00:00Z");
    private static final Set<Class<?>> INVITATIONS = Set.of(InvitationSent.class);

    private final InMemoryLog log = new InMemoryLog();

    @AfterEach
    void close() {
        log.close();
    }

    private static Instant minutes(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    private List<String> invitationsAsOf(LogReplay replay, LogReplay.Bound bound, List<LogReplay.Replayed> outcome) {
        List<String> seen = new ArrayList<>();
        outcome.add(replay.replay(
                bound,
                INVITATIONS,
                p -> ((InvitationSent) p).conventionId().equals("c1"),
                e -> seen.add(((InvitationSent) e.getPayload()).invitationId())));
        return seen;
    }

    @Test
    void includesTheEventsRecordedUpToTheInstantInclusiveAndOfTheWantedConvention() {
        log.append(conventionOpened("c1", "C", "Lyon", SOCIAL), minutes(0));
        log.append(invitationSent("c1", "i1"), minutes(1));
        log.append(invitationSent("c2", "other"), minutes(2));
        long third = log.append(invitationSent("c1", "i2"), minutes(3));
        log.append(invitationSent("c1", "i3"), minutes(4));

        List<LogReplay.Replayed> outcome = new ArrayList<>();
        List<String> seen =
                invitationsAsOf(log.replay(Duration.ofMinutes(10)), new LogReplay.Bound(minutes(3), null), outcome);

        assertThat(seen).containsExactly("i1", "i2");
        assertThat(outcome.get(0).lastPosition()).isEqualTo(third);
        assertThat(outcome.get(0).eventsApplied()).isEqualTo(2);
        assertThat(outcome.get(0).eventsRead()).isEqualTo(5);
    }

    @Test
    void aPositionBoundStopsAtThatPosition() {
        log.append(conventionOpened("c1", "C", "Lyon", SOCIAL), minutes(0));
        long first = log.append(invitationSent("c1", "i1"), minutes(1));
        log.append(invitationSent("c1", "i2"), minutes(2));
        log.append(invitationSent("c1", "i3"), minutes(3));

        List<LogReplay.Replayed> outcome = new ArrayList<>();
        List<String> seen =
                invitationsAsOf(log.replay(Duration.ofMinutes(10)), new LogReplay.Bound(null, first), outcome);

        assertThat(seen).containsExactly("i1");
        assertThat(outcome.get(0).lastPosition()).isEqualTo(first);
        assertThat(outcome.get(0).eventsRead())
                .as("stops at the first position beyond")
                .isEqualTo(3);
        assertThat(invitationsAsOf(
                        log.replay(Duration.ofMinutes(10)),
                        new LogReplay.Bound(minutes(2), first + 5),
                        new ArrayList<>()))
                .containsExactly("i1", "i2");
        assertThat(invitationsAsOf(
                        log.replay(Duration.ofMinutes(10)), new LogReplay.Bound(minutes(2), 0L), new ArrayList<>()))
                .isEmpty();
    }

    /**
     * Concurrent writers commit out of order: an event recorded before the instant may follow one
     * recorded after it. Within the slack it is still found; the scan stops past the slack.
     */
    @Test
    void recordingTimesOutOfLogOrderAreFoundWithinTheSlack() {
        log.append(invitationSent("c1", "i1"), minutes(1));
        log.append(invitationSent("c1", "late-in-time"), minutes(8));
        log.append(invitationSent("c1", "committed-late"), minutes(4));
        log.append(invitationSent("c1", "far-beyond"), minutes(30));
        log.append(invitationSent("c1", "never-read"), minutes(2));

        List<LogReplay.Replayed> outcome = new ArrayList<>();
        List<String> seen =
                invitationsAsOf(log.replay(Duration.ofMinutes(10)), new LogReplay.Bound(minutes(5), null), outcome);

        assertThat(seen).containsExactly("i1", "committed-late");
        assertThat(outcome.get(0).eventsRead()).isEqualTo(4);
        assertThat(outcome.get(0).lastPosition()).isEqualTo(2);
    }

    @Test
    void aBoundBeforeTheFirstEventIncludesNothing() {
        log.append(invitationSent("c1", "i1"), minutes(1));

        List<LogReplay.Replayed> outcome = new ArrayList<>();
        assertThat(invitationsAsOf(log.replay(Duration.ofMinutes(10)), new LogReplay.Bound(minutes(0), null), outcome))
                .isEmpty();
        assertThat(outcome.get(0).lastPosition()).isNull();
        assertThat(outcome.get(0).eventsApplied()).isZero();
    }

    @Test
    void onlyTheWantedTypesAreDeserialized() {
        log.append(conventionOpened("c1", "C", "Lyon", SOCIAL), minutes(0));
        log.append(invitationSent("c1", "i1"), minutes(1));
        List<Object> applied = new ArrayList<>();
        log.replay(Duration.ZERO)
                .replay(
                        new LogReplay.Bound(minutes(5), null),
                        Set.of(ConventionOpened.class),
                        p -> true,
                        e -> applied.add(e.getPayload()));
        assertThat(applied).singleElement().isInstanceOf(ConventionOpened.class);
    }

    @Test
    void replaysBeyondTheAllowedConcurrencyAreBusy() {
        log.append(invitationSent("c1", "i1"), minutes(1));
        LogReplay replay = new LogReplay(log.store(), null, Duration.ofMinutes(10), 1, Duration.ofMillis(50));
        LogReplay.Bound bound = new LogReplay.Bound(minutes(5), null);
        List<Integer> refused = new ArrayList<>();

        replay.replay(bound, INVITATIONS, p -> true, e -> {
            try {
                replay.replay(bound, INVITATIONS, p -> true, inner -> {});
            } catch (ErrorResponseException busy) {
                refused.add(busy.getStatusCode().value());
                assertThat(busy.getBody().getProperties()).containsEntry("code", "replays-busy");
                assertThat(busy.getHeaders().getFirst("Retry-After")).isEqualTo("10");
            }
        });

        assertThat(refused).containsExactly(503);
        assertThat(replay.replay(bound, INVITATIONS, p -> true, e -> {}).eventsApplied())
                .as("the permit is given back")
                .isEqualTo(1);
    }

    @Test
    void parsesTheRequestParameters() {
        assertThat(LogReplay.Bound.parse(null, null)).isNull();
        assertThat(LogReplay.Bound.parse("2022-06-10T12:00:00Z", null))
                .isEqualTo(new LogReplay.Bound(Instant.parse("2022-06-10T12:00:00Z"), null));
        assertThat(LogReplay.Bound.parse("2022-06-10T14:00:00+02:00", " 42 "))
                .isEqualTo(new LogReplay.Bound(Instant.parse("2022-06-10T12:00:00Z"), 42L));
        assertThat(LogReplay.Bound.parse(null, "0")).isEqualTo(new LogReplay.Bound(null, 0L));
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        for (String[] bad : new String[][] {
            {"yesterday", null, "asOf"},
            {"2022-06-10", null, "asOf"},
            {"", null, "asOf"},
            {null, "-1", "asOfPosition"},
            {null, "ten", "asOfPosition"},
            {"2022-06-10T12:00:00Z", "", "asOfPosition"}
        }) {
            assertThatThrownBy(() -> LogReplay.Bound.parse(bad[0], bad[1]))
                    .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                        assertThat(e.getStatusCode().value()).isEqualTo(400);
                        assertThat(e.getBody().getProperties())
                                .containsEntry("parameter", bad[2])
                                .containsEntry("code", "invalid-" + bad[2]);
                        assertThat(e.getBody().getDetail()).contains("'" + bad[2] + "'");
                    });
        }
    }
}
