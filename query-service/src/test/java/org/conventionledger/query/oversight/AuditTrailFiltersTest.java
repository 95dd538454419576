package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.oversight.TrailFixture.JSON;
import static org.conventionledger.query.oversight.TrailFixture.auditTrailController;
import static org.conventionledger.query.platform.TestEvents.actionDrafted;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.invitationSent;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.conventionledger.csv.Table;
import org.conventionledger.csv.TableReader;
import org.conventionledger.csv.TableRow;
import org.conventionledger.events.oversight.SealPublished;
import org.conventionledger.query.oversight.AuditTrailController.Causes;
import org.conventionledger.query.oversight.AuditTrailController.Page;
import org.conventionledger.query.platform.EventLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The trail's filters (actor, role, time range, part of the process, request), its exports (JSON Lines
 * and CSV) and an event's correlation chain, driven without Spring as {@link AuditTrailProjectionTest}.
 */
class AuditTrailFiltersTest extends TrailTest {

    private static final String LYON = "conv-lyon";

    /** Not in the catalogue: of no part of the process. */
    record Unlisted(String text) {}

    private AuditTrailController controller;
    private final List<TrackedEventMessage<?>> appended = new ArrayList<>();

    @BeforeEach
    void start() {
        controller = auditTrailController(store.mongo());
    }

    private static Map<String, String> origin(String actorId, String role, String command, String request) {
        Map<String, String> meta = new HashMap<>();
        meta.put("actorId", actorId);
        meta.put("actorRole", role);
        meta.put("correlationId", command); // Axon's correlationId: the causing message (the trail's causationId)
        meta.put("traceId", request); // Axon's traceId: the request (the trail's correlationId)
        return meta;
    }

    private TrackedEventMessage<?> append(Object payload, Map<String, String> origin) {
        TrackedEventMessage<?> message = log.append(payload, origin);
        projection.on(message, message.trackingToken());
        appended.add(message);
        return message;
    }

    /**
     * Positions 1..9, recorded at {@link EventLog#START} plus their position in seconds:
     * <pre>
     * 1 ConventionOpened   organisation  organiser ORGANISER  cmd-1 req-1
     * 2 InvitationSent     recruitment   organiser ORGANISER  cmd-2 req-2
     * 3 InvitationSent     recruitment   organiser ORGANISER  cmd-2 req-2
     * 4 VotationScheduled  votation      alice     ORGANISER  cmd-3 req-3
     * 5 VotationOpened     votation      platform  PLATFORM   cmd-4 req-3
     * 6 OnlineBallotCast   votation      voter-signing-in VOTER cmd-5 req-4 (a vote names its channel)
     * 7 ActionDrafted      deliberation  organiser ORGANISER  cmd-6 req-5
     * 8 SealPublished      oversight     garant    GARANT     cmd-7 req-6
     * 9 Unlisted           (none)        no origin
     * </pre>
     */
    private void theConvention() {
        append(conventionOpened(LYON, "C", "Lyon", SOCIAL), origin("organiser", "ORGANISER", "cmd-1", "req-1"));
        append(invitationSent(LYON, "inv-1"), origin("organiser", "ORGANISER", "cmd-2", "req-2"));
        append(invitationSent(LYON, "inv-2"), origin("organiser", "ORGANISER", "cmd-2", "req-2"));
        append(votationScheduled(LYON, "vot-1", "V", item(1, SOCIAL)), origin("alice", "ORGANISER", "cmd-3", "req-3"));
        append(votationOpened(LYON, "vot-1"), origin("platform", "PLATFORM", "cmd-4", "req-3"));
        append(onlineBallot(LYON, "vot-1", "b-1", 1), origin("voter-signing-in", "VOTER", "cmd-5", "req-4"));
        append(actionDrafted(LYON, "act-1", 1, SOCIAL), origin("organiser", "ORGANISER", "cmd-6", "req-5"));
        append(
                new SealPublished("seal-1", "v1", 7, "abc", 7, EventLog.START, "weekly"),
                origin("garant", "GARANT", "cmd-7", "req-6"));
        append(new Unlisted("x"), Map.of());
    }

    private List<Long> positions(String actor, String role, String from, String to, String part, String correlationId) {
        return positions(null, null, actor, role, from, to, part, correlationId);
    }

    private List<Long> positions(
            String type,
            String aggregateId,
            String actor,
            String role,
            String from,
            String to,
            String part,
            String correlationId) {
        return controller
                .events(-1, 100, type, aggregateId, actor, role, from, to, part, correlationId)
                .events()
                .stream()
                .map(AuditEvent::position)
                .toList();
    }

    private static String at(long position) {
        return EventLog.START.plusSeconds(position).toString();
    }

    @Test
    void filtersByActor() {
        theConvention();

        assertThat(positions("organiser", null, null, null, null, null)).containsExactly(1L, 2L, 3L, 7L);
        assertThat(positions("alice", null, null, null, null, null)).containsExactly(4L);
        assertThat(positions("nobody", null, null, null, null, null)).isEmpty();
    }

    @Test
    void filtersByRole() {
        theConvention();

        assertThat(positions(null, "ORGANISER", null, null, null, null)).containsExactly(1L, 2L, 3L, 4L, 7L);
        assertThat(positions(null, "VOTER", null, null, null, null)).containsExactly(6L);
        assertThat(positions(null, "GARANT", null, null, null, null)).containsExactly(8L);
        assertThat(positions("alice", "ORGANISER", null, null, null, null)).containsExactly(4L);
        assertThat(positions("alice", "VOTER", null, null, null, null)).isEmpty();
    }

    @Test
    void filtersByTimeRangeFromInclusiveToExclusive() {
        theConvention();

        assertThat(positions(null, null, at(3), at(6), null, null)).containsExactly(3L, 4L, 5L);
        assertThat(positions(null, null, at(8), null, null, null)).containsExactly(8L, 9L);
        assertThat(positions(null, null, null, at(3), null, null)).containsExactly(1L, 2L);
        assertThat(positions(null, null, at(4), at(4), null, null))
                .as("an empty range")
                .isEmpty();
        assertThat(positions(null, null, "2025-03-02T10:00:03+01:00", "2025-03-02T09:00:05Z", null, null))
                .as("an offset is an instant too")
                .containsExactly(3L, 4L);
    }

    @Test
    void filtersByPartOfTheProcess() {
        theConvention();

        assertThat(positions(null, null, null, null, "organisation", null)).containsExactly(1L);
        assertThat(positions(null, null, null, null, "recruitment", null)).containsExactly(2L, 3L);
        assertThat(positions(null, null, null, null, "votation", null)).containsExactly(4L, 5L, 6L);
        assertThat(positions(null, null, null, null, "deliberation", null)).containsExactly(7L);
        assertThat(positions(null, null, null, null, "oversight", null)).containsExactly(8L);
        assertThat(positions(null, null, null, null, "VOTATION", null))
                .as("any case")
                .containsExactly(4L, 5L, 6L);
    }

    @Test
    void thePartIsTheCataloguePackage() {
        assertThat(AuditFilter.partOf("org.conventionledger.events.votation.OnlineBallotCast"))
                .isEqualTo("votation");
        assertThat(AuditFilter.partOf("org.conventionledger.events.ConventionEvent"))
                .isNull();
        assertThat(AuditFilter.partOf("org.conventionledger.query.oversight.AuditTrailFiltersTest$Unlisted"))
                .isNull();
        assertThat(AuditFilter.partOf(null)).isNull();
    }

    @Test
    void filtersByRequest() {
        theConvention();

        assertThat(positions(null, null, null, null, null, "req-3")).containsExactly(4L, 5L);
        assertThat(positions(null, null, null, null, null, "req-0")).isEmpty();
    }

    @Test
    void filtersCombineWithEachOtherAndWithTypeAggregateAndPaging() {
        theConvention();

        assertThat(positions("InvitationSent", null, "organiser", "ORGANISER", at(3), at(9), "recruitment", "req-2"))
                .containsExactly(3L);
        assertThat(positions(null, "vot-1", null, "PLATFORM", null, null, "votation", null))
                .containsExactly(5L);
        assertThat(positions("VotationOpened", null, "alice", null, null, null, null, null))
                .isEmpty();

        Page first = controller.events(-1, 2, null, null, null, "ORGANISER", at(2), null, null, null);
        assertThat(first.events()).extracting(AuditEvent::position).containsExactly(2L, 3L);
        Page second = controller.events(first.next(), 2, null, null, null, "ORGANISER", at(2), null, null, null);
        assertThat(second.events()).extracting(AuditEvent::position).containsExactly(4L, 7L);
        Page end = controller.events(second.next(), 2, null, null, null, "ORGANISER", at(2), null, null, null);
        assertThat(end.events()).isEmpty();
        assertThat(end.next()).isEqualTo(7L);
    }

    @Test
    void blankValuesAreNoFilter() {
        theConvention();

        assertThat(positions("", " ", "", "", "", "", "", "")).hasSize(9);
    }

    private static void assertBadRequest(ThrowingCallable call, String code, String parameter) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.getBody().getProperties()).containsEntry("code", code).containsEntry("parameter", parameter);
            assertThat(e.getBody().getDetail()).contains("'" + parameter + "'");
        });
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "2025-03-02", "2025-03-02T09:00:00", "1740906000"})
    void anUnparseableInstantIsRejected(String value) {
        assertBadRequest(
                () -> controller.events(-1, 100, null, null, null, null, value, null, null, null),
                "invalid-from",
                "from");
        assertBadRequest(
                () -> controller.events(-1, 100, null, null, null, null, null, value, null, null), "invalid-to", "to");
        assertBadRequest(
                () -> controller.exportEvents("csv", -1, null, null, null, null, value, null, null, null),
                "invalid-from",
                "from");
    }

    @Test
    void fromAfterToIsRejected() {
        assertBadRequest(
                () -> controller.events(-1, 100, null, null, null, null, at(5), at(4), null, null),
                "invalid-from",
                "from");
        assertBadRequest(
                () -> controller.exportEvents("jsonl", -1, null, null, null, null, at(5), at(4), null, null),
                "invalid-from",
                "from");
    }

    @ParameterizedTest
    @CsvSource({"finance", "events", "integrity", "org.conventionledger.events.votation"})
    void anUnknownPartIsRejected(String part) {
        assertBadRequest(
                () -> controller.events(-1, 100, null, null, null, null, null, null, part, null),
                "invalid-part",
                "part");
        assertBadRequest(
                () -> controller.exportEvents("csv", -1, null, null, null, null, null, null, part, null),
                "invalid-part",
                "part");
    }

    @Test
    void anUnknownExportFormatIsRejected() {
        assertBadRequest(
                () -> controller.exportEvents("xlsx", -1, null, null, null, null, null, null, null, null),
                "invalid-format",
                "format");
    }

    private static String body(ResponseEntity<StreamingResponseBody> response) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        response.getBody().writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theJsonLinesExportHasOneEntryPerLineInLogOrderWithTheFilters() throws Exception {
        theConvention();

        ResponseEntity<StreamingResponseBody> response =
                controller.exportEvents("jsonl", -1, null, null, null, null, null, null, "votation", null);

        assertThat(response.getHeaders().getContentType()).hasToString("application/x-ndjson");
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"audit-events.jsonl\"");
        String body = body(response);
        assertThat(body).endsWith("\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).extracting(l -> l.path("position").asLong()).containsExactly(4L, 5L, 6L);
        JsonNode ballot = lines.get(2);
        assertThat(ballot.path("type").asText()).isEqualTo("OnlineBallotCast");
        assertThat(ballot.path("payloadType").asText())
                .isEqualTo("org.conventionledger.events.votation.OnlineBallotCast");
        assertThat(ballot.path("recordedAt").asText()).isEqualTo(at(6));
        assertThat(ballot.path("actor").path("id").asText()).isEqualTo("voter-signing-in");
        assertThat(ballot.path("actor").path("role").asText()).isEqualTo("VOTER");
        assertThat(ballot.path("causationId").asText()).isEqualTo("cmd-5");
        assertThat(ballot.path("correlationId").asText()).isEqualTo("req-4");
        assertThat(ballot.path("payload").path("ballotId").asText()).isEqualTo("b-1");
        assertThat(ballot.has("storedPayload")).isFalse();
        assertThat(ballot.has("metaData")).isFalse();
        assertThat(ballot.has("chainHash")).isTrue();
    }

    @Test
    void theExportIsWrittenPageByPageAndHasNoLimit() throws Exception {
        int count = 2 * AuditTrailExport.PAGE + 3;
        for (int i = 1; i <= count; i++) {
            append(invitationSent(LYON, "inv-" + i), origin("organiser", "ORGANISER", "cmd-" + i, "req-" + i));
        }
        append(votationOpened(LYON, "vot-1"), origin("platform", "PLATFORM", "cmd-x", "req-x"));

        String jsonl =
                body(controller.exportEvents("jsonl", -1, "InvitationSent", null, null, null, null, null, null, null));
        List<String> lines = jsonl.lines().toList();
        assertThat(lines).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(JSON.readTree(lines.get(i)).path("position").asLong()).isEqualTo(i + 1L);
        }

        List<List<String>> rows =
                Csv.parse(body(controller.exportEvents("csv", 10, null, null, null, null, null, null, null, null)));
        assertThat(rows).hasSize(1 + count + 1 - 10);
        assertThat(rows.get(1).get(0)).isEqualTo("11");
        assertThat(rows.get(rows.size() - 1).get(2)).isEqualTo("VotationOpened");
    }

    @Test
    void theCsvExportParsesBackWithItsQuoting() throws Exception {
        String tricky = "Say \"yes\", then\r\nwait";
        append(
                conventionOpened("conv,lyon", tricky, "Lyon, \"69\"", SOCIAL),
                origin("organiser \"one\",\nsecond line", "ORGANISER", "cmd-1", "req-1"));
        append(invitationSent("conv,lyon", "inv-1"), Map.of());

        ResponseEntity<StreamingResponseBody> response =
                controller.exportEvents("CSV", -1, null, null, null, null, null, null, null, null);

        assertThat(response.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"audit-events.csv\"");
        String body = body(response);
        assertThat(body).startsWith(AuditTrailExport.CSV_HEADER + "\r\n").endsWith("\r\n");
        List<List<String>> rows = Csv.parse(body);
        assertThat(rows.get(0))
                .containsExactly(
                        "position",
                        "recordedAt",
                        "type",
                        "aggregateId",
                        "sequence",
                        "actorId",
                        "actorRole",
                        "causationId",
                        "correlationId",
                        "payload");
        assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row).hasSize(10));

        List<String> opened = rows.get(1);
        assertThat(opened.subList(0, 9))
                .containsExactly(
                        "1",
                        at(1),
                        "ConventionOpened",
                        "conv,lyon",
                        "0",
                        "organiser \"one\",\nsecond line",
                        "ORGANISER",
                        "cmd-1",
                        "req-1");
        assertThat(opened.get(9)).doesNotContain("\n").startsWith("{");
        JsonNode payload = JSON.readTree(opened.get(9));
        assertThat(payload.path("title").asText()).isEqualTo(tricky);
        assertThat(payload.path("city").asText()).isEqualTo("Lyon, \"69\"");
        assertThat(payload.path("conventionId").asText()).isEqualTo("conv,lyon");
        assertThat(JSON.readTree(opened.get(9)))
                .isEqualTo(JSON.valueToTree(
                        store.mongo().findById(1L, AuditEvent.class).payload()));

        assertThat(rows.get(2))
                .containsExactly(
                        "2",
                        at(2),
                        "InvitationSent",
                        "conv,lyon",
                        "1",
                        "",
                        "",
                        "",
                        "",
                        rows.get(2).get(9));
    }

    @Test
    void theExcelFrExportUsesSemicolonsAndABomAndNeutralisesFormulas() throws Exception {
        append(
                conventionOpened("conv-1", "=HYPERLINK(\"http://evil\",\"clic\")", "Lyon", SOCIAL),
                origin("@SUM(1+1)*cmd|' /C calc'!A0", "ORGANISER", "cmd-1", "req-1"));

        String body = body(controller.exportEvents("excel-fr", -1, null, null, null, null, null, null, null, null));

        assertThat(body).startsWith("\uFEFF" + String.join(";", AuditTrailExport.CSV_COLUMNS) + "\r\n");
        List<List<String>> rows = Csv.parse(body);
        assertThat(rows.get(1).subList(0, 7))
                .containsExactly(
                        "1", at(1), "ConventionOpened", "conv-1", "0", "'@SUM(1+1)*cmd|' /C calc'!A0", "ORGANISER");
        assertThat(rows.get(1).get(9))
                .as("the payload is JSON, a cell no spreadsheet evaluates")
                .startsWith("{");
        String standard = body(controller.exportEvents("csv", -1, null, null, null, null, null, null, null, null));
        assertThat(Csv.parse(standard).get(1).get(5)).startsWith("'@SUM");
    }

    @Test
    void theCausesAreTheEventsOfTheSameCommandAndOfTheSameRequestInLogOrder() {
        theConvention();

        Causes sameCommand = controller.causes(3);
        assertThat(sameCommand.event().position()).isEqualTo(3L);
        assertThat(sameCommand.causedBy()).extracting(AuditEvent::position).containsExactly(2L);
        assertThat(sameCommand.truncated()).isFalse();

        assertThat(controller.causes(4).causedBy())
                .as("the same request, another command")
                .extracting(AuditEvent::position)
                .containsExactly(5L);
        assertThat(controller.causes(5).causedBy())
                .extracting(AuditEvent::position)
                .containsExactly(4L);
        assertThat(controller.causes(6).causedBy()).as("alone in its request").isEmpty();
        assertThat(controller.causes(9).causedBy())
                .as("no origin: not every event without one")
                .isEmpty();
    }

    @Test
    void theChainFollowsACausationThatIsAnEventOfTheLog() {
        TrackedEventMessage<?> opened =
                append(conventionOpened(LYON, "C", "Lyon", SOCIAL), origin("organiser", "ORGANISER", "cmd-1", "req-1"));
        append(invitationSent(LYON, "inv-1"), origin("organiser", "ORGANISER", "cmd-1", "req-1"));
        TrackedEventMessage<?> reaction =
                append(invitationSent(LYON, "inv-2"), origin("platform", "PLATFORM", opened.getIdentifier(), "req-1"));
        append(invitationSent(LYON, "inv-3"), origin("platform", "PLATFORM", reaction.getIdentifier(), "req-9"));
        append(invitationSent(LYON, "inv-4"), origin("organiser", "ORGANISER", "cmd-2", "req-2"));

        assertThat(controller.causes(4).causedBy())
                .as("inv-2, which opened caused, with opened's own command")
                .extracting(AuditEvent::position)
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void anUnknownPositionHasNoCauses() {
        theConvention();

        assertThatThrownBy(() -> controller.causes(42)).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(e.getBody().getProperties()).containsEntry("code", "unknown-event");
        });
    }

    @Test
    void anEventOutsideTheCatalogueIsStillExported() throws Exception {
        TrackedEventMessage<?> message = new GenericTrackedEventMessage<>(
                new GlobalSequenceTrackingToken(3), GenericEventMessage.asEventMessage(new Unlisted("a, \"b\"")));
        projection.on(message, message.trackingToken());

        List<List<String>> rows =
                Csv.parse(body(controller.exportEvents("csv", -1, null, null, null, null, null, null, null, null)));

        assertThat(rows.get(1).get(0)).isEqualTo("3");
        assertThat(Instant.parse(rows.get(1).get(1)))
                .isEqualTo(store.mongo().findById(3L, AuditEvent.class).recordedAt());
        assertThat(rows.get(1).subList(2, 9)).containsExactly("Unlisted", "", "", "", "", "", "");
        assertThat(JSON.readTree(rows.get(1).get(9)).path("text").asText()).isEqualTo("a, \"b\"");
    }

    /** The shared reader, to read the export back. */
    static final class Csv {

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            try (Table table = TableReader.bounded().open(text)) {
                rows.add(table.header().cells());
                for (TableRow row = table.next(); row != null; row = table.next()) {
                    rows.add(row.cells());
                }
            }
            return rows;
        }
    }
}
