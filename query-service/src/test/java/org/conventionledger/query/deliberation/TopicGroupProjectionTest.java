package org.conventionledger.query.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.query.deliberation.DeliberationEvents.DAY;

import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.conventionledger.query.deliberation.TopicGroupController.CacSheetView;
import org.conventionledger.query.deliberation.TopicGroupController.HearingView;
import org.conventionledger.query.deliberation.TopicGroupController.OpinionView;
import org.conventionledger.query.deliberation.TopicGroupController.TopicGroupView;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.ReadStore;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class TopicGroupProjectionTest {

    private static final String CONVENTION = "conv-clermont";
    private static final String TOPIC = "t-mobility";

    private final DeliberationEvents events = new DeliberationEvents(CONVENTION);

    @AutoClose
    private DeliberationReadSide readSide;

    private TopicGroupView topic() {
        return readSide.topicController.topic(TOPIC);
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void showsHearingsEveryCacSheetVersionAndOpinionsOnTheTopic(ReadStore.Backend backend) {
        readSide = DeliberationReadSide.start(backend, EventLog.jdbc());
        readSide.append(
                events.topicChosen(TOPIC, ECOLOGICAL, "Mobility"),
                events.expertHeard(TOPIC, "h-1", "A. Martin"),
                events.topicChosen("t-other", ECOLOGICAL, "Food"),
                events.expertHeard("t-other", "h-2", "B. Roux"));
        TrackedEventMessage<?> first = readSide.appendOne(events.cacSheet(TOPIC, 1));
        TrackedEventMessage<?> second = readSide.appendOne(events.cacSheet(TOPIC, 2));
        readSide.append(
                events.opinion("op-1", "TOPIC", TOPIC),
                events.opinion("op-2", "TOPIC", "t-other"),
                events.actionDrafted("a-1", 1, ECOLOGICAL, TOPIC, "Mobility", "One", "1"),
                events.opinion("op-3", "ACTION", "a-1"));

        TopicGroupView view = topic();

        assertThat(view.topicId()).isEqualTo(TOPIC);
        assertThat(view.conventionId()).isEqualTo(CONVENTION);
        assertThat(view.title()).isEqualTo("Mobility");
        assertThat(view.assembly()).isEqualTo("ECOLOGICAL");
        assertThat(view.hearings())
                .containsExactly(new HearingView(
                        "h-1",
                        "A. Martin",
                        "Université Clermont Auvergne",
                        "SCIENTIFIC",
                        true,
                        "the members",
                        DAY,
                        "What A. Martin brought",
                        List.of("doc-h-1")));
        CacSheetView v1 = new CacSheetView(
                1,
                "Findings v1",
                "Analysis v1",
                List.of("Feasible within the mandate"),
                List.of("Specific criterion v1"),
                first.getTimestamp());
        CacSheetView v2 = new CacSheetView(
                2,
                "Findings v2",
                "Analysis v2",
                List.of("Feasible within the mandate"),
                List.of("Specific criterion v2"),
                second.getTimestamp());
        assertThat(view.cacSheet()).isEqualTo(v2);
        assertThat(view.cacSheets()).containsExactly(v1, v2);
        assertThat(view.opinions())
                .containsExactly(new OpinionView("op-1", "ADVISORY_COUNCIL", "Opinion op-1", DAY.plusDays(30)));
    }

    @Test
    void aTopicWithoutCacSheetHasNone() {
        readSide = DeliberationReadSide.start();
        readSide.append(events.topicChosen(TOPIC, ECOLOGICAL, "Mobility"));

        assertThat(topic().cacSheet()).isNull();
        assertThat(topic().cacSheets()).isEmpty();
        assertThat(topic().hearings()).isEmpty();
        assertThat(topic().opinions()).isEmpty();
    }

    @Test
    void reDeliveringEventsChangesNothing() {
        readSide = DeliberationReadSide.start();
        readSide.append(
                events.topicChosen(TOPIC, ECOLOGICAL, "Mobility"),
                events.expertHeard(TOPIC, "h-1", "A. Martin"),
                events.expertHeard(TOPIC, "h-2", "B. Roux"),
                events.cacSheet(TOPIC, 1),
                events.opinion("op-1", "TOPIC", TOPIC));
        TopicGroupView before = topic();

        readSide.redeliverEverything();
        readSide.log
                .restartFrom(readSide.log.delivered().get(1).trackingToken())
                .forEach(readSide::deliver);

        assertThat(topic()).isEqualTo(before);
        assertThat(before.hearings()).hasSize(2);
    }

    @Test
    void anUnknownTopicIsNotFoundAndItsHearingsFailTheirBatch() {
        readSide = DeliberationReadSide.start();

        assertThatThrownBy(() -> readSide.topicController.topic("nowhere"))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.getBody().getProperties()).containsEntry("code", "unknown-topic");
                });
        assertThatThrownBy(() -> readSide.append(events.expertHeard("nowhere", "h-1", "A. Martin")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(readSide.mongo().findById("nowhere", TopicGroup.class)).isNull();
    }

    @Test
    void resetForgetsEveryTopicGroup() {
        readSide = DeliberationReadSide.start();
        readSide.append(events.topicChosen(TOPIC, ECOLOGICAL, "Mobility"));

        readSide.reset();

        assertThatThrownBy(this::topic).isInstanceOf(ErrorResponseException.class);
    }
}
