package org.conventionledger.command.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.conventionledger.events.recruitment.DrawPlanned;
import org.conventionledger.events.recruitment.EntropySourceUpcaster;
import org.conventionledger.events.recruitment.InvitationsClosed;
import org.conventionledger.events.recruitment.ListQuota;
import org.conventionledger.events.recruitment.LotteryPanel;
import org.conventionledger.events.recruitment.PanelLotteryComputed;
import org.conventionledger.events.recruitment.RecruitmentUpcasters;
import org.conventionledger.events.recruitment.ResidentsDrawn;
import org.conventionledger.events.recruitment.SelectionChance;
import org.conventionledger.events.recruitment.VolunteerRegistered;
import org.junit.jupiter.api.Test;

/**
 * The event store reads old revisions through {@link RecruitmentUpcasters} (see EventStoreConfiguration): draw
 * events of revision 1 through {@link EntropySourceUpcaster}, lotteries with their panels inline (ADR-010).
 */
class RecruitmentUpcastersTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    /** A stored event as the store hands it to the upcasters: its bytes and its type's name and revision. */
    private IntermediateEventRepresentation stored(Class<?> type, String revision, String json) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                "Draw",
                "draw-1",
                0,
                "evt-1",
                Instant.parse("2021-09-03T10:00:00Z"),
                type.getName(),
                revision,
                json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return new InitialEventRepresentation(entry, serializer);
    }

    private Object read(IntermediateEventRepresentation stored) {
        List<IntermediateEventRepresentation> upcast =
                RecruitmentUpcasters.chain().upcast(Stream.of(stored)).toList();
        assertThat(upcast).hasSize(1);
        SerializedObject<?> data = upcast.get(0).getData();
        assertThat(data.getType().getRevision()).isEqualTo("2");
        return serializer.deserialize(data);
    }

    @Test
    void aPlanLoggedBeforeTheSourceWasCommittedReadsWithTheSourceNull() {
        Object plan = read(stored(DrawPlanned.class, "1", """
                {"conventionId":"conv-1","drawId":"draw-1","lists":[{"listId":"roll","count":2}],"overall":0,
                 "seedCommitment":"ab","algorithm":"draw-v1"}"""));

        assertThat(plan)
                .isEqualTo(new DrawPlanned(
                        "conv-1", "draw-1", List.of(new ListQuota("roll", 2)), 0, "ab", "draw-v1", null));
    }

    @Test
    void aDrawLoggedBeforeTheSourceWasCommittedReadsWithTheSourceNull() {
        ResidentsDrawn drawn = (ResidentsDrawn) read(stored(ResidentsDrawn.class, "1", """
                {"conventionId":"conv-1","drawId":"draw-1","seed":"s","publicEntropy":"dice 3","algorithm":"draw-v1",
                 "lists":[],"drawn":[]}"""));

        assertThat(drawn.publicEntropy()).isEqualTo("dice 3");
        assertThat(drawn.publicEntropySource()).isNull();
    }

    /** A lottery of revision 1 lists its panels; read as revision 2, it keeps them and names no record. */
    @Test
    void aLotteryLoggedWithItsPanelsInlineReadsWithoutARecord() {
        PanelLotteryComputed lottery = (PanelLotteryComputed) read(stored(PanelLotteryComputed.class, "1", """
                {"conventionId":"conv-1","selectionId":"sel-1","algorithm":"leximin-v1","minProbability":0.5,
                 "chances":[{"personId":"p-1","invitationId":"inv-1","probability":1.0},
                            {"personId":"p-2","invitationId":"inv-2","probability":0.5},
                            {"personId":"p-3","invitationId":"inv-3","probability":0.5}],
                 "panels":[{"probability":0.5,"personIds":["p-1","p-2"]},
                           {"probability":0.5,"personIds":["p-1","p-3"]}]}"""));

        assertThat(lottery.panelRecord()).isNull();
        assertThat(lottery.panels())
                .containsExactly(
                        new LotteryPanel(0.5, List.of("p-1", "p-2")), new LotteryPanel(0.5, List.of("p-1", "p-3")));
        assertThat(lottery.chances()).extracting(SelectionChance::personId).containsExactly("p-1", "p-2", "p-3");
    }

    @Test
    void aVolunteerRegisteredBeforeHouseholdsReadsWithoutOne() {
        VolunteerRegistered volunteer = (VolunteerRegistered) read(stored(VolunteerRegistered.class, "1", """
                {"conventionId":"conv-1","invitationId":"inv-1","personId":"p-1","profile":{"gender":"f"},
                 "preferredTransition":null,"needs":null}"""));

        assertThat(volunteer)
                .isEqualTo(new VolunteerRegistered("conv-1", "inv-1", "p-1", Map.of("gender", "f"), null, null, null));
    }

    @Test
    void currentEventsAreLeftAlone() {
        IntermediateEventRepresentation current = stored(DrawPlanned.class, "2", """
                {"conventionId":"conv-1","drawId":"draw-1","lists":[],"overall":3,"seedCommitment":"ab",
                 "algorithm":"draw-v1","publicEntropySource":"national lottery draw of 2021-09-04"}""");

        assertThat(new EntropySourceUpcaster().upcast(Stream.of(current)).toList())
                .containsExactly(current);
        assertThat(new EntropySourceUpcaster()
                        .upcast(Stream.of(stored(
                                InvitationsClosed.class,
                                "1",
                                "{\"conventionId\":\"conv-1\",\"deadline\":\"2021-10-08\",\"unanswered\":0}")))
                        .toList())
                .singleElement()
                .satisfies(e -> assertThat(e.getType().getRevision()).isEqualTo("1"));
    }
}
