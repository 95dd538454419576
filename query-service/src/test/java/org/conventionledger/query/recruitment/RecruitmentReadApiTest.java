package org.conventionledger.query.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.events.organisation.ExpenseKind.TRAVEL;
import static org.conventionledger.events.organisation.Presence.ABSENT;
import static org.conventionledger.events.organisation.Presence.PRESENT;
import static org.conventionledger.events.organisation.SessionKind.PLENARY;
import static org.conventionledger.events.recruitment.Answer.ACCEPTED;
import static org.conventionledger.query.platform.ProcessorAssertions.assertPooledAndFailingBatches;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.recruitment.RecruitmentEvents.quota;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.conventionledger.events.recruitment.WithdrawalReason;
import org.conventionledger.platform.identity.Role;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.conventionledger.query.platform.ProjectionRebuild;
import org.conventionledger.query.platform.ReadApiTest;
import org.conventionledger.query.platform.ReadStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The recruitment read side as the service runs it by default: its own pooled processor sequenced by
 * convention, events written to the log (JSON-serialized) reaching the three endpoints over HTTP, who
 * may read them, unknown ids as {@code application/problem+json}, and a rebuild from zero.
 */
class RecruitmentReadApiTest extends ReadApiTest {

    private static final List<String> COLLECTIONS =
            List.of("recruitments", "recruitment_listed", "recruitment_invitations", "session_books");

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ProjectionRebuild rebuild;

    @Autowired
    MongoTemplate mongo;

    /** With this {@code Accept} header; none when it is null. */
    private HttpResponse<String> get(String path, Role as, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        return send(accept == null ? request : request.header("Accept", accept), as);
    }

    /** As the monitor, who reads every recruitment view. */
    private JsonNode await(String path, Predicate<JsonNode> ready) {
        return await(path, Role.MONITOR, ready);
    }

    /** A small convention's recruitment and first session, all on the convention's aggregate. */
    private void publish(String convention) {
        RecruitmentEvents e = new RecruitmentEvents(convention);
        List<Object> payloads = List.of(
                conventionOpened(convention, "Convention e2e", "Clermont-Ferrand", ECOLOGICAL, SOCIAL),
                e.listRegistered("electoral", "Electoral roll", "electoral-roll"),
                e.listed("electoral", 1, "p1", "p2", "p3"),
                e.frozen("electoral", 3),
                e.drawn("d-1", "p1", "electoral", "p2", "electoral"),
                e.invited("inv-1", "p1", "electoral"),
                e.invited("inv-2", "p2", "electoral"),
                e.reminded("inv-2"),
                e.answered("inv-1", ACCEPTED),
                e.answered("inv-2", ACCEPTED),
                e.volunteer("inv-1", "p1", ECOLOGICAL, "gender", "F"),
                e.volunteer("inv-2", "p2", SOCIAL, "gender", "M"),
                e.selection("sel-1", 2, quota("gender", "F", 1, 1), quota("gender", "M", 1, 1)),
                e.lottery("sel-1", "leximin-v1", 1.0),
                e.panelDrawn("sel-1", List.of("p1", "p2"), List.of()),
                e.capacities(Map.of(ECOLOGICAL, 1, SOCIAL, 1)),
                e.seated("m-1", "inv-1", ECOLOGICAL, "2025-03-01"),
                e.seated("m-2", "inv-2", SOCIAL, "2025-03-01"),
                e.session("s-1", 1, PLENARY, null, "2025-03-08", "2025-03-09"),
                e.attendance("s-1", "m-1", PRESENT),
                e.attendance("s-1", "m-2", ABSENT),
                e.claim("c-1", "s-1", "m-1", TRAVEL, "7.5"),
                e.approved("c-1"),
                e.sessionClosed("s-1", "2025-03-09"),
                e.withdrew("m-2", WithdrawalReason.PROFESSIONAL, "2025-03-15"));
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            messages.add(new GenericDomainEventMessage<>(
                    "Convention",
                    convention,
                    i,
                    payloads.get(i),
                    Map.of("actorId", "organiser", "actorRole", "ORGANISER"),
                    UUID.randomUUID().toString(),
                    Instant.now()));
        }
        eventStore.publish(messages);
    }

    @Test
    void theRecruitmentProcessorIsPooledSequencedByConventionAndFailsBatchesOnErrors() {
        assertPooledAndFailingBatches(processing, ProcessingConfiguration.RECRUITMENT, "recruitment");

        var policy = processing.sequencingPolicy(ProcessingConfiguration.RECRUITMENT);
        RecruitmentEvents e = new RecruitmentEvents("conv-seq");
        EventMessage<?> listed = new GenericDomainEventMessage<>("Convention", "conv-seq", 0, e.listed("l", 1, "p1"));
        EventMessage<?> paid =
                new GenericDomainEventMessage<>("Convention", "conv-seq", 1, e.paid("s-1", "1", "2025-03-01"));
        assertThat(policy.getSequenceIdentifierFor(listed))
                .isEqualTo("conv-seq")
                .isEqualTo(policy.getSequenceIdentifierFor(paid));
    }

    @Test
    void eventsWrittenToTheLogReachTheRecruitmentAndSessionViews() throws Exception {
        String convention = "conv-" + UUID.randomUUID();
        publish(convention);

        JsonNode recruitment = await(
                "/api/conventions/" + convention + "/recruitment",
                r -> r.path("funnel").path("active").asLong() == 1);
        JsonNode funnel = recruitment.path("funnel");
        assertThat(funnel.path("listed").asLong()).isEqualTo(3);
        assertThat(funnel.path("drawn").asLong()).isEqualTo(2);
        assertThat(funnel.path("reminded").asLong()).isEqualTo(1);
        assertThat(funnel.path("answered").path("accepted").asLong()).isEqualTo(2);
        assertThat(funnel.path("selected").asLong()).isEqualTo(2);
        assertThat(funnel.path("seated").asLong()).isEqualTo(2);
        assertThat(recruitment.path("sourceLists").get(0).path("seated").asLong())
                .isEqualTo(2);
        JsonNode male = recruitment.path("panel").path("quotas").get(1);
        assertThat(male.path("value").asText()).isEqualTo("M");
        assertThat(male.path("active").asLong()).isZero();
        assertThat(male.path("outsideQuota").asBoolean()).isTrue();
        assertThat(recruitment.path("attrition").path("points").toString())
                .isEqualTo("[{\"date\":\"2025-03-01\",\"active\":2},{\"date\":\"2025-03-15\",\"active\":1}]");

        JsonNode sessions = await(
                "/api/conventions/" + convention + "/sessions",
                s -> s.size() == 1 && s.get(0).path("closed").asBoolean());
        JsonNode session = sessions.get(0);
        assertThat(session.path("attendance").path("present").asLong()).isEqualTo(1);
        assertThat(session.path("attendanceRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(session.path("indemnities").path("due").decimalValue()).isEqualByComparingTo("32.50");
        // amounts go out as written, with two decimals (a JsonNode would drop the trailing zero)
        assertThat(get("/api/conventions/" + convention + "/sessions", Role.MONITOR)
                        .body())
                .contains("\"due\":32.50")
                .contains("\"approved\":7.50");

        for (Role staff : List.of(Role.ORGANISER, Role.GARANT, Role.MONITOR)) {
            HttpResponse<String> csv = get("/api/conventions/" + convention + "/sessions/s-1/payable.csv", staff);
            assertThat(csv.statusCode()).as(staff.name()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
            assertThat(csv.headers().firstValue("Content-Disposition"))
                    .hasValueSatisfying(
                            v -> assertThat(v).startsWith("attachment").contains("payable-session-1.csv"));
            assertThat(csv.body())
                    .isEqualTo("memberId,present,indemnity,expensesApproved,total,paid\r\n"
                            + "m-1,yes,25.00,7.50,32.50,no\r\n");
        }
    }

    @Test
    void unknownIdsAreProblemsAndTheViewsAreForStaffOnly() throws Exception {
        String convention = "conv-" + UUID.randomUUID();
        publish(convention);
        await("/api/conventions/" + convention + "/sessions", s -> s.size() == 1);

        Map<String, String> unknown = Map.of(
                "/api/conventions/nowhere/recruitment",
                "unknown-convention",
                "/api/conventions/nowhere/sessions",
                "unknown-convention",
                "/api/conventions/nowhere/sessions/s-1/payable.csv",
                "unknown-convention",
                "/api/conventions/" + convention + "/sessions/s-404/payable.csv",
                "unknown-session");
        for (Map.Entry<String, String> path : unknown.entrySet()) {
            for (String accept : new String[] {null, "text/csv"}) {
                HttpResponse<String> response = get(path.getKey(), Role.GARANT, accept);
                assertThat(response.statusCode()).as(path.getKey()).isEqualTo(404);
                assertThat(response.headers().firstValue("Content-Type"))
                        .as(path.getKey())
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo(path.getValue());
            }
        }
        for (String path : List.of(
                "/api/conventions/" + convention + "/recruitment",
                "/api/conventions/" + convention + "/sessions",
                "/api/conventions/" + convention + "/sessions/s-1/payable.csv")) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, Role.VOTER).statusCode()).as(path).isEqualTo(403);
            assertThat(get(path, Role.ORGANISER).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void aRebuildFromZeroGivesTheSameDocuments() throws Exception {
        String convention = "conv-" + UUID.randomUUID();
        publish(convention);
        await(
                "/api/conventions/" + convention + "/recruitment",
                r -> r.path("funnel").path("active").asLong() == 1);
        await(
                "/api/conventions/" + convention + "/sessions",
                s -> s.size() == 1 && s.get(0).path("closed").asBoolean());
        Map<String, Map<Object, Document>> before = snapshot();
        assertThat(before.get("recruitment_listed")).isNotEmpty();
        // what only a reset drops: the rebuild must start from empty collections, not merely re-apply
        for (String collection : COLLECTIONS) {
            mongo.getCollection(collection).insertOne(new Document("_id", "stale-" + collection));
        }

        ProjectionRebuild.Progress started = rebuild.rebuild(ProcessingConfiguration.RECRUITMENT);

        assertThat(started.processor()).isEqualTo("recruitment");
        Awaitility.await("the rebuilt documents to equal the ones before")
                .atMost(CATCH_UP)
                .until(() -> Objects.equals(snapshot(), before));
        assertThat(rebuild.progress())
                .extracting(ProjectionRebuild.Progress::processor)
                .contains("recruitment");
    }

    private Map<String, Map<Object, Document>> snapshot() {
        return ReadStore.documents(mongo, COLLECTIONS);
    }
}
