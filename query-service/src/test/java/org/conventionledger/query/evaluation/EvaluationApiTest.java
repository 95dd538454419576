package org.conventionledger.query.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.actionDrafted;
import static org.conventionledger.query.platform.TestEvents.actionFinalised;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.memberSeated;
import static org.conventionledger.query.platform.TestEvents.objectionLifted;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.paperTally;
import static org.conventionledger.query.platform.TestEvents.votationClosed;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;
import static org.conventionledger.query.platform.TestEvents.votes;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.conventionledger.events.deliberation.ActionRevised;
import org.conventionledger.events.deliberation.ConsentReached;
import org.conventionledger.events.deliberation.ConsentRoundOpened;
import org.conventionledger.events.deliberation.ObjectionCategory;
import org.conventionledger.events.deliberation.ObjectionRaised;
import org.conventionledger.events.deliberation.ObjectionWithdrawn;
import org.conventionledger.events.organisation.AttendanceRecorded;
import org.conventionledger.events.organisation.Presence;
import org.conventionledger.events.organisation.SessionKind;
import org.conventionledger.events.organisation.SessionScheduled;
import org.conventionledger.events.privacy.SealedPersonalData;
import org.conventionledger.events.recruitment.MemberWithdrew;
import org.conventionledger.events.recruitment.VolunteerRegistered;
import org.conventionledger.events.recruitment.WithdrawalReason;
import org.conventionledger.platform.identity.Role;
import org.conventionledger.query.platform.ReadApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The evaluation view over HTTP on a small convention written to the embedded event store: four
 * members (one withdraws), two sessions, three actions (two finalised, 2 and 5 days after their draft,
 * one objection lifted, one withdrawn, one still open), and a votation with three online ballots on two
 * days and one desk.
 */
class EvaluationApiTest extends ReadApiTest {

    private static final String C = "conv-" + UUID.randomUUID();
    private static final String VOTATION = "vot-" + UUID.randomUUID();
    private static final Instant BASE =
            Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(30));
    private static final Instant FIRST_BALLOTS = BASE.plus(Duration.ofDays(10)).plusSeconds(3600);
    private static final Instant LAST_BALLOT = BASE.plus(Duration.ofDays(11)).plusSeconds(3600);

    @BeforeAll
    static void writeTheLog(@Autowired EventStore eventStore) {
        List<Object[]> log = new ArrayList<>();
        Map<String, String> profiles = new LinkedHashMap<>();
        profiles.put("m1", "F/18-34");
        profiles.put("m2", "M/35-64");
        profiles.put("m3", "F/65+");
        profiles.put("m4", "M/18-34");
        log.add(new Object[] {"Convention", C, conventionOpened(C, "Convention", "Lyon", ECOLOGICAL, SOCIAL), BASE});
        int second = 1;
        for (Map.Entry<String, String> p : profiles.entrySet()) {
            String[] traits = p.getValue().split("/");
            log.add(new Object[] {
                "Convention",
                C,
                new VolunteerRegistered(
                        C,
                        "inv-" + p.getKey(),
                        "person-" + p.getKey(),
                        Map.of("gender", traits[0], "age", traits[1]),
                        SOCIAL,
                        new SealedPersonalData("person-" + p.getKey(), "v1:sealed")),
                BASE.plusSeconds(second++)
            });
        }
        log.add(new Object[] {"Convention", C, memberSeated(C, "m1", SOCIAL), BASE.plusSeconds(second++)});
        log.add(new Object[] {"Convention", C, memberSeated(C, "m2", SOCIAL), BASE.plusSeconds(second++)});
        log.add(new Object[] {"Convention", C, memberSeated(C, "m3", ECOLOGICAL), BASE.plusSeconds(second++)});
        log.add(new Object[] {"Convention", C, memberSeated(C, "m4", ECOLOGICAL), BASE.plusSeconds(second++)});
        log.add(new Object[] {
            "Convention",
            C,
            new SessionScheduled(
                    C,
                    "s1",
                    1,
                    SessionKind.PLENARY,
                    null,
                    LocalDate.parse("2025-04-05"),
                    LocalDate.parse("2025-04-05")),
            BASE.plusSeconds(second++)
        });
        Presence[] presences = {Presence.PRESENT, Presence.PRESENT, Presence.ABSENT, Presence.EXCUSED};
        for (int m = 1; m <= 4; m++) {
            log.add(new Object[] {
                "Convention", C, new AttendanceRecorded(C, "s1", "m" + m, presences[m - 1]), BASE.plusSeconds(second++)
            });
        }
        log.add(new Object[] {
            "Convention",
            C,
            new MemberWithdrew(C, "m2", WithdrawalReason.PERSONAL, LocalDate.parse("2025-05-01")),
            BASE.plusSeconds(second++)
        });
        log.add(new Object[] {
            "Convention",
            C,
            new SessionScheduled(
                    C,
                    "s2",
                    2,
                    SessionKind.ASSEMBLY,
                    SOCIAL,
                    LocalDate.parse("2025-05-10"),
                    LocalDate.parse("2025-05-10")),
            BASE.plusSeconds(second++)
        });
        log.add(new Object[] {
            "Convention", C, new AttendanceRecorded(C, "s2", "m1", Presence.PRESENT), BASE.plusSeconds(second++)
        });

        Instant drafted = BASE.plus(Duration.ofDays(1));
        for (int a = 1; a <= 3; a++) {
            log.add(new Object[] {
                "Action", "a" + a, actionDrafted(C, "a" + a, a, a == 2 ? ECOLOGICAL : SOCIAL), drafted.plusSeconds(a)
            });
        }
        Instant later = drafted.plusSeconds(3600);
        log.add(new Object[] {
            "Action", "a1", new ConsentRoundOpened(C, "a1", "r1", 1, List.of("m1", "elected official")), later
        });
        log.add(new Object[] {
            "Action",
            "a1",
            new ObjectionRaised(C, "a1", "o1", ObjectionCategory.NEEDS_LARGE_MEANS, "Costly", "elected official", null),
            later.plusSeconds(1)
        });
        log.add(new Object[] {"Action", "a1", objectionLifted(C, "a1", "o1"), later.plusSeconds(2)});
        log.add(new Object[] {
            "Action", "a1", new ActionRevised(C, "a1", 2, "Action 1", "Phased", "amendment"), later.plusSeconds(3)
        });
        log.add(new Object[] {
            "Action", "a2", new ConsentRoundOpened(C, "a2", "r2", 1, List.of("m3")), later.plusSeconds(4)
        });
        log.add(new Object[] {
            "Action",
            "a2",
            new ObjectionRaised(C, "a2", "o2", ObjectionCategory.NOT_CITY_COMPETENCE, "Region's", "m3", "Region"),
            later.plusSeconds(5)
        });
        log.add(new Object[] {"Action", "a2", new ObjectionWithdrawn(C, "a2", "o2", "Convinced"), later.plusSeconds(6)
        });
        log.add(new Object[] {
            "Action",
            "a3",
            new ObjectionRaised(C, "a3", "o3", ObjectionCategory.OTHER, "Unclear", "m4", null),
            later.plusSeconds(7)
        });
        log.add(new Object[] {"Action", "a1", new ConsentReached(C, "a1", "r1", 2), drafted.plus(Duration.ofDays(2))});
        log.add(new Object[] {
            "Action",
            "a1",
            actionFinalised(C, "a1", 1),
            drafted.plus(Duration.ofDays(2)).plusSeconds(1)
        });
        log.add(new Object[] {"Action", "a2", new ConsentReached(C, "a2", "r2", 1), drafted.plus(Duration.ofDays(5))});
        log.add(new Object[] {
            "Action",
            "a2",
            actionFinalised(C, "a2", 2),
            drafted.plus(Duration.ofDays(5)).plusSeconds(2)
        });

        log.add(new Object[] {
            "Votation",
            VOTATION,
            votationScheduled(C, VOTATION, "Votation", item(1, SOCIAL), item(2, ECOLOGICAL)),
            FIRST_BALLOTS.minusSeconds(60)
        });
        log.add(new Object[] {"Votation", VOTATION, votationOpened(C, VOTATION), FIRST_BALLOTS.minusSeconds(30)});
        log.add(new Object[] {"OnlineBallot", "b1", onlineBallot(C, VOTATION, "b1", 1, 2), FIRST_BALLOTS});
        log.add(new Object[] {"OnlineBallot", "b2", onlineBallot(C, VOTATION, "b2", 2), FIRST_BALLOTS.plusSeconds(1)});
        log.add(new Object[] {"OnlineBallot", "b3", onlineBallot(C, VOTATION, "b3", 1), LAST_BALLOT});
        log.add(new Object[] {
            "Votation", VOTATION, paperTally(C, VOTATION, "d1", votes(1, 4), votes(2, 7)), LAST_BALLOT.plusSeconds(60)
        });
        log.add(new Object[] {"Votation", VOTATION, votationClosed(C, VOTATION), LAST_BALLOT.plusSeconds(120)});

        Map<String, Long> sequences = new HashMap<>();
        List<EventMessage<?>> events = new ArrayList<>();
        for (Object[] e : log) {
            String aggregate = (String) e[1];
            events.add(new GenericDomainEventMessage<>(
                    (String) e[0],
                    aggregate,
                    sequences.merge(aggregate, 1L, Long::sum) - 1,
                    e[2],
                    Map.of("actorId", "organiser", "actorRole", "ORGANISER"),
                    UUID.randomUUID().toString(),
                    (Instant) e[3]));
        }
        eventStore.publish(events);
    }

    /** The evaluation once every projection it reads has absorbed the scenario. */
    private JsonNode evaluation() {
        return await(
                "/api/conventions/" + C + "/evaluation",
                Role.MONITOR,
                view -> view.path("attrition").path("left").asInt() == 1
                        && view.path("attendance").path("present").asInt() == 3
                        && view.path("draftToFinal").path("actions").findValues("finalisedAt").stream()
                                        .filter(JsonNode::isTextual)
                                        .count()
                                == 2
                        && view.path("objections").path("withdrawn").asInt() == 1
                        && view.path("turnout").path(0).path("status").asText().equals("CLOSED")
                        && view.path("turnout").path(0).path("byDay").findValues("onlineBallots").stream()
                                        .mapToInt(JsonNode::asInt)
                                        .sum()
                                == 3
                        && view.path("turnout").path(0).path("byDay").findValues("desksTallied").stream()
                                        .mapToInt(JsonNode::asInt)
                                        .sum()
                                == 1);
    }

    @Test
    void composesTheFiguresOfTheProcess() throws Exception {
        JsonNode view = evaluation();

        JsonNode attrition = view.path("attrition");
        assertThat(attrition.path("seated").asInt()).isEqualTo(4);
        assertThat(attrition.path("active").asInt()).isEqualTo(3);
        assertThat(attrition.path("withdrawn").asInt()).isEqualTo(1);
        assertThat(attrition.path("lost").asInt()).isZero();
        assertThat(attrition.path("rate").decimalValue()).isEqualByComparingTo("0.250");
        assertThat(attrition.path("withdrawnByReason").path("PERSONAL").asInt()).isEqualTo(1);
        Map<String, String> byProfile = new LinkedHashMap<>();
        attrition
                .path("byProfile")
                .forEach(p -> byProfile.put(
                        p.path("category").asText() + "=" + p.path("value").asText(),
                        p.path("seated").asInt() + "/" + p.path("left").asInt()));
        assertThat(byProfile)
                .containsExactly(
                        Map.entry("age=18-34", "2/0"),
                        Map.entry("age=35-64", "1/1"),
                        Map.entry("age=65+", "1/0"),
                        Map.entry("gender=F", "2/0"),
                        Map.entry("gender=M", "2/1"));

        JsonNode attendance = view.path("attendance");
        assertThat(attendance.path("sessions")).hasSize(2);
        assertThat(attendance.path("sessions").path(0).path("expected").asInt()).isEqualTo(4);
        assertThat(attendance.path("sessions").path(0).path("present").asInt()).isEqualTo(2);
        assertThat(attendance.path("sessions").path(0).path("rate").decimalValue())
                .isEqualByComparingTo("0.5");
        assertThat(attendance.path("sessions").path(1).path("expected").asInt())
                .as("m2 left before")
                .isEqualTo(1);
        assertThat(attendance.path("expected").asInt()).isEqualTo(5);
        assertThat(attendance.path("present").asInt()).isEqualTo(3);
        assertThat(attendance.path("excused").asInt()).isEqualTo(1);
        assertThat(attendance.path("absent").asInt()).isEqualTo(1);
        assertThat(attendance.path("rate").decimalValue()).isEqualByComparingTo("0.600");

        JsonNode delays = view.path("draftToFinal");
        assertThat(delays.path("drafted").asInt()).isEqualTo(3);
        assertThat(delays.path("finalised").asInt()).isEqualTo(2);
        assertThat(delays.path("actions").findValuesAsText("number")).containsExactly("1", "2", "3");
        assertThat(delays.path("actions").path(0).path("days").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(delays.path("actions").path(1).path("days").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(delays.path("actions").path(2).path("days").isNull()).isTrue();
        assertThat(delays.path("actions").path(2).path("stage").asText()).isEqualTo("DRAFT");
        assertThat(delays.path("medianDays").decimalValue()).isEqualByComparingTo("3.50");
        assertThat(delays.path("maxDays").decimalValue()).isEqualByComparingTo("5.00");

        JsonNode objections = view.path("objectionsByCategory");
        assertThat(objections.fieldNames())
                .toIterable()
                .containsExactly("NOT_CITY_COMPETENCE", "NEEDS_LARGE_MEANS", "ALREADY_IN_PROGRAMME", "OTHER");
        assertThat(objections.path("NEEDS_LARGE_MEANS").toString())
                .isEqualTo("{\"raised\":1,\"lifted\":1,\"withdrawn\":0,\"open\":0}");
        assertThat(objections.path("NOT_CITY_COMPETENCE").toString())
                .isEqualTo("{\"raised\":1,\"lifted\":0,\"withdrawn\":1,\"open\":0}");
        assertThat(objections.path("OTHER").toString())
                .isEqualTo("{\"raised\":1,\"lifted\":0,\"withdrawn\":0,\"open\":1}");
        assertThat(objections.path("ALREADY_IN_PROGRAMME").path("raised").asInt())
                .isZero();
        assertThat(view.path("objections").toString())
                .isEqualTo("{\"raised\":3,\"lifted\":1,\"withdrawn\":1,\"open\":1}");

        assertThat(view.has("consultationParticipation")).isTrue();
        assertThat(view.path("consultationParticipation").isNull()).isTrue();
        assertThat(view.path("consultationNote").asText()).contains("No call for proposals");

        JsonNode turnout = view.path("turnout").path(0);
        assertThat(turnout.path("votationId").asText()).isEqualTo(VOTATION);
        assertThat(turnout.path("paperVotes").asInt()).isEqualTo(11);
        assertThat(turnout.path("onlineVotes").asInt()).isEqualTo(4);
        assertThat(turnout.path("totalVotes").asInt()).isEqualTo(15);
        assertThat(turnout.path("onlineBallots").asInt()).isEqualTo(3);
        assertThat(turnout.path("onlineShare").decimalValue()).isEqualByComparingTo("0.267");
        Map<String, String> byDay = new LinkedHashMap<>();
        turnout.path("byDay")
                .forEach(d -> byDay.put(
                        d.path("day").asText(),
                        d.path("onlineBallots").asInt() + "/"
                                + d.path("onlineVotes").asInt() + "/"
                                + d.path("paperVotes").asInt() + "/"
                                + d.path("desksTallied").asInt()));
        assertThat(byDay)
                .containsExactly(
                        Map.entry("2025-06-14", "0/0/11/1"), // the desk's countedAt
                        Map.entry(day(FIRST_BALLOTS), "2/3/0/0"),
                        Map.entry(day(LAST_BALLOT), "1/1/0/0"));

        assertThat(view.path("sources").fieldNames())
                .toIterable()
                .contains(
                        "attrition",
                        "attendance",
                        "draftToFinal",
                        "objectionsByCategory",
                        "consultationParticipation",
                        "turnout",
                        "turnout.byDay");
    }

    @Test
    void isForStaffAndKnowsItsConventions() throws Exception {
        evaluation();
        String path = "/api/conventions/" + C + "/evaluation";
        assertThat(get(path, Role.ORGANISER).statusCode()).isEqualTo(200);
        assertThat(get(path, Role.GARANT).statusCode()).isEqualTo(200);
        assertThat(get(path, Role.VOTER).statusCode()).isEqualTo(403);
        assertThat(get(path, null).statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = get("/api/conventions/nowhere/evaluation", Role.MONITOR);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("code").asText()).isEqualTo("unknown-convention");
    }

    private static String day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
