package org.conventionledger.command.votation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.conventionledger.events.Transition;
import org.conventionledger.events.votation.BallotItem;
import org.conventionledger.events.votation.BallotRule;
import org.conventionledger.events.votation.Eligibility;
import org.conventionledger.events.votation.VotationOpened;
import org.conventionledger.events.votation.VotationRules;
import org.conventionledger.events.votation.VotationScheduled;
import org.junit.jupiter.api.Test;

/**
 * Revision 2 of the votation's schedule and opening: written with their rules and seed, and revision-1
 * payloads of older logs still read (no rules, no seed), with the strict reading the services use.
 */
class VotationEventsSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper()
                    .findAndRegisterModules()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();

    @Test
    void aScheduleRoundTripsWithItsRulesAsRevision2() {
        VotationScheduled event = new VotationScheduled(
                "c",
                "v",
                "t",
                Instant.parse("2025-09-01T06:00:00Z"),
                Instant.parse("2025-09-21T18:00:00Z"),
                List.of(new BallotItem("a", 3, "A", Transition.SOCIAL, "Food")),
                new VotationRules(
                        new Eligibility(16, LocalDate.parse("2025-09-21"), true, List.of()),
                        BallotRule.UP_TO_N,
                        3,
                        true));
        SerializedObject<byte[]> written = serializer.serialize(event, byte[].class);
        assertThat(written.getType().getRevision()).isEqualTo("2");
        assertThat(new String(written.getData(), StandardCharsets.UTF_8))
                .contains("\"ballotRule\":\"UP_TO_N\"", "\"ageOn\":")
                .doesNotContain("BEFORE_RULES", "NONE");
        assertThat((Object) serializer.deserialize(written)).isEqualTo(event);
    }

    @Test
    void aRevision1ScheduleReadsWithoutRulesWhichMeansTheRulesOfBefore() {
        String json =
                "{\"conventionId\":\"c\",\"votationId\":\"v\",\"title\":\"t\",\"opensAt\":\"2022-06-01T06:00:00Z\","
                        + "\"closesAt\":\"2022-06-19T16:00:00Z\",\"items\":[{\"actionId\":\"a\","
                        + "\"actionNumber\":3,\"title\":\"A\","
                        + "\"transition\":\"SOCIAL\",\"topic\":\"Food\"}]}";
        VotationScheduled old = serializer.deserialize(new SimpleSerializedObject<>(
                json.getBytes(StandardCharsets.UTF_8), byte[].class, VotationScheduled.class.getName(), "1"));
        assertThat(old.rules()).isNull();
        assertThat(VotationRules.inForce(old.rules())).isEqualTo(VotationRules.BEFORE_RULES);
        assertThat(old.items()).hasSize(1);
    }

    @Test
    void aRevision1OpeningReadsWithoutSeed() {
        String json = "{\"conventionId\":\"c\",\"votationId\":\"v\",\"openedAt\":\"2022-06-01T06:00:00Z\"}";
        VotationOpened old = serializer.deserialize(new SimpleSerializedObject<>(
                json.getBytes(StandardCharsets.UTF_8), byte[].class, VotationOpened.class.getName(), "1"));
        assertThat(old).isEqualTo(new VotationOpened("c", "v", Instant.parse("2022-06-01T06:00:00Z")));
        assertThat(old.displaySeed()).isNull();
    }
}
