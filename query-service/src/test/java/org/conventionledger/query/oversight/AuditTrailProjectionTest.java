package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.oversight.TrailFixture.auditTrailController;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.invitationSent;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.memberSeated;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;

import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.conventionledger.query.oversight.AuditTrailController.Page;
import org.conventionledger.query.platform.EventLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class AuditTrailProjectionTest extends TrailTest {

    private static final String LYON = "conv-lyon";
    private static final Map<String, String> ORGANISER = Map.of(
            "actorId", "organiser", "actorRole", "ORGANISER", "correlationId", "command-42", "traceId", "request-7");

    /** Any payload is copied, not only those of the catalogue. */
    record Unlisted(String text) {}

    private AuditTrailController controller;

    @BeforeEach
    void start() {
        controller = auditTrailController(store.mongo());
    }

    private TrackedEventMessage<?> append(Object payload) {
        TrackedEventMessage<?> message = log.append(payload, ORGANISER);
        deliver(message);
        return message;
    }

    private Page all() {
        return controller.events(-1, 100, null, null);
    }

    @Test
    void everyEventIsCopiedWithItsPositionOriginActorAndPayload() {
        TrackedEventMessage<?> opened = append(conventionOpened(LYON, "Convention citoyenne", "Lyon", ECOLOGICAL));

        AuditEvent event = all().events().get(0);

        assertThat(event.position()).isEqualTo(1L);
        assertThat(event.eventId()).isEqualTo(opened.getIdentifier());
        assertThat(event.type()).isEqualTo("ConventionOpened");
        assertThat(event.payloadType()).isEqualTo("org.conventionledger.events.organisation.ConventionOpened");
        assertThat(event.revision()).isEqualTo("1");
        assertThat(event.aggregateType()).isEqualTo("Convention");
        assertThat(event.aggregateId()).isEqualTo(LYON);
        assertThat(event.sequence()).isZero();
        assertThat(event.recordedAt()).isEqualTo(opened.getTimestamp());
        assertThat(event.actor()).isEqualTo(new AuditEvent.Actor("organiser", "ORGANISER"));
        assertThat(event.causationId()).isEqualTo("command-42");
        assertThat(event.correlationId()).isEqualTo("request-7");
        assertThat(event.payload())
                .containsEntry("conventionId", LYON)
                .containsEntry("title", "Convention citoyenne")
                .containsEntry("transitions", List.of("ECOLOGICAL"))
                .containsEntry("plannedSessions", 8);
        @SuppressWarnings("unchecked")
        Map<String, Object> mandate = (Map<String, Object>) event.payload().get("mandate");
        assertThat(mandate)
                .containsEntry("startsOn", "2025-03-02")
                .containsEntry("deliberationReference", "DEL-2025-014");
        // amounts keep their scale (the store keeps BigDecimal as text, so it reads back as "25.00")
        assertThat(String.valueOf(mandate.get("indemnityPerSession"))).isEqualTo("25.00");
    }

    @Test
    void thePositionIsTheStampedGlobalIndexNotTheTokensIndex() {
        append(invitationSent(LYON, "inv-1"));
        long slow = log.reserve();
        append(invitationSent(LYON, "inv-2"));
        TrackedEventMessage<?> late = log.fill(slow, invitationSent(LYON, "inv-3"));
        assertThat(late.trackingToken().position()).hasValue(3);

        deliver(late);

        assertThat(all().events()).extracting(AuditEvent::position).containsExactly(1L, 2L, 3L);
        assertThat(controller.events(1, 1, null, null).events().get(0).payload())
                .containsEntry("invitationId", "inv-3");
    }

    @Test
    void withAxonServerThePositionIsTheTokenIndexStartingAtZero() {
        EventLog axonServer = EventLog.axonServer();
        deliver(axonServer.append(conventionOpened(LYON, "C", "Lyon", SOCIAL)));
        deliver(axonServer.append(invitationSent(LYON, "inv-1")));

        assertThat(all().events()).extracting(AuditEvent::position).containsExactly(0L, 1L);
        assertThat(all().events().get(0).type()).isEqualTo("ConventionOpened");
    }

    @Test
    void anEventWithoutActorOrOriginHasAnEmptyActor() {
        deliver(log.append(invitationSent(LYON, "inv-1")));

        AuditEvent event = all().events().get(0);
        assertThat(event.actor()).isEqualTo(new AuditEvent.Actor(null, null));
        assertThat(event.causationId()).isNull();
        assertThat(event.correlationId()).isNull();
    }

    @Test
    void anEventThatIsNotADomainEventHasNoAggregate() {
        TrackedEventMessage<?> message = new GenericTrackedEventMessage<>(
                new GlobalSequenceTrackingToken(9), GenericEventMessage.asEventMessage(invitationSent(LYON, "inv-1")));
        deliver(message);

        AuditEvent event = all().events().get(0);
        assertThat(event.position()).isEqualTo(9L);
        assertThat(event.aggregateId()).isNull();
        assertThat(event.aggregateType()).isNull();
        assertThat(event.sequence()).isNull();
    }

    @Test
    void reDeliveryWritesTheSameEntryAgain() {
        append(conventionOpened(LYON, "C", "Lyon", SOCIAL));
        append(invitationSent(LYON, "inv-1"));
        Page before = all();

        log.delivered().forEach(this::deliver);
        log.restreamFrom(null).forEach(this::deliver);

        assertThat(all()).isEqualTo(before);
        assertThat(store.mongo().count(new Query(), AuditEvent.class)).isEqualTo(2);
    }

    @Test
    void pagesFollowEachOtherThroughNext() {
        for (int i = 1; i <= 7; i++) {
            append(invitationSent(LYON, "inv-" + i));
        }

        Page first = controller.events(-1, 3, null, null);
        assertThat(first.events()).extracting(AuditEvent::position).containsExactly(1L, 2L, 3L);
        assertThat(first.next()).isEqualTo(3L);

        Page second = controller.events(first.next(), 3, null, null);
        assertThat(second.events()).extracting(AuditEvent::position).containsExactly(4L, 5L, 6L);
        assertThat(second.next()).isEqualTo(6L);

        Page third = controller.events(second.next(), 3, null, null);
        assertThat(third.events()).extracting(AuditEvent::position).containsExactly(7L);
        assertThat(third.next()).isEqualTo(7L);

        Page end = controller.events(third.next(), 3, null, null);
        assertThat(end.events()).isEmpty();
        assertThat(end.next())
                .as("nothing new yet: ask again from the same place")
                .isEqualTo(7L);
    }

    @Test
    void theTrailIsInLogOrderWhateverTheOrderOfWriting() {
        List<TrackedEventMessage<?>> messages = List.of(
                log.append(invitationSent(LYON, "inv-1")),
                log.append(invitationSent(LYON, "inv-2")),
                log.append(invitationSent(LYON, "inv-3")));
        deliver(messages.get(2));
        deliver(messages.get(0));
        deliver(messages.get(1));

        assertThat(all().events()).extracting(AuditEvent::position).containsExactly(1L, 2L, 3L);
    }

    @Test
    void theFirstPageByDefaultStartsAtTheBeginningOfTheLog() {
        append(invitationSent(LYON, "inv-1"));

        Page page = all();
        assertThat(page.events()).hasSize(1);
        assertThat(page.next()).isEqualTo(1L);
        assertThat(controller.events(-1, 100, null, null).events()).hasSize(1);
    }

    @Test
    void filtersByTypeAndByAggregate() {
        append(conventionOpened(LYON, "C", "Lyon", ECOLOGICAL, SOCIAL));
        append(votationScheduled(LYON, "vot-1", "V", item(1, SOCIAL)));
        append(invitationSent(LYON, "inv-1"));
        append(votationOpened(LYON, "vot-1"));
        append(onlineBallot(LYON, "vot-1", "b-1", 1));
        append(memberSeated(LYON, "m-1", SOCIAL));
        append(invitationSent(LYON, "inv-2"));

        assertThat(controller.events(-1, 100, "InvitationSent", null).events())
                .extracting(AuditEvent::position)
                .containsExactly(3L, 7L);
        assertThat(controller.events(-1, 100, null, "vot-1").events())
                .extracting(AuditEvent::position)
                .containsExactly(2L, 4L);
        assertThat(controller.events(-1, 100, null, LYON).events())
                .extracting(AuditEvent::position)
                .containsExactly(1L, 3L, 6L, 7L);
        assertThat(controller.events(-1, 100, "VotationOpened", "vot-1").events())
                .extracting(AuditEvent::position)
                .containsExactly(4L);
        assertThat(controller.events(-1, 100, "VotationOpened", LYON).events()).isEmpty();

        Page filteredFirst = controller.events(-1, 1, "InvitationSent", null);
        assertThat(filteredFirst.next()).isEqualTo(3L);
        assertThat(controller
                        .events(filteredFirst.next(), 1, "InvitationSent", null)
                        .events())
                .extracting(AuditEvent::position)
                .containsExactly(7L);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void anInvalidLimitIsRejected(int limit) {
        assertThatThrownBy(() -> controller.events(-1, limit, null, null))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getBody().getProperties()).containsEntry("code", "invalid-limit");
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1000})
    void theLimitsThemselvesAreAccepted(int limit) {
        append(invitationSent(LYON, "inv-1"));
        append(invitationSent(LYON, "inv-2"));

        assertThat(controller.events(-1, limit, null, null).events()).hasSize(limit == 1 ? 1 : 2);
    }

    @Test
    void resetEmptiesTheTrail() {
        append(invitationSent(LYON, "inv-1"));

        projection.reset();

        assertThat(all().events()).isEmpty();
    }

    @Test
    void axonRoutesEveryEventToTheCatchAllHandler() throws Exception {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        handlers.handle(log.append(conventionOpened(LYON, "C", "Lyon", SOCIAL), ORGANISER));
        handlers.handle(new GenericTrackedEventMessage<>(
                GapAwareTrackingToken.newInstance(5, List.of()),
                GenericEventMessage.asEventMessage(new Unlisted("not in the catalogue"))));

        assertThat(all().events()).extracting(AuditEvent::type).containsExactly("ConventionOpened", "Unlisted");
    }
}
