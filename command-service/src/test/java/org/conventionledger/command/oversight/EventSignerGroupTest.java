package org.conventionledger.command.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.conventionledger.events.integrity.EventSignatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit of many events (a group of ballots) is signed in parallel: every event gets the very signature
 * it gets alone (Ed25519 is deterministic), at its own index, and one the interceptor chain changed in
 * between is signed as it now is.
 */
class EventSignerGroupTest {

    @TempDir
    Path dir;

    record Cast(String votationId, List<Integer> choices) {}

    private static List<EventMessage<?>> ballots(int count) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(new GenericDomainEventMessage<>(
                    "OnlineBallot",
                    "ballot-" + i,
                    0L,
                    new Cast("v-1", List.of(1 + i % 5)),
                    Map.of("channel", "PLATFORM")));
        }
        return messages;
    }

    private static Object signature(EventMessage<?> message) {
        return message.getMetaData().get(EventSignatures.SIGNATURE);
    }

    @Test
    void aLargeCommitIsSignedInParallelExactlyAsEachEventAlone() throws Exception {
        EventSigner signer = new EventSigner(
                new LedgerSigningKey(dir.resolve("ledger.key")),
                JacksonSerializer.defaultSerializer(),
                mock(EventBus.class));
        List<EventMessage<?>> messages = ballots(3 * EventSigner.PARALLEL_FROM);
        BiFunction<Integer, EventMessage<?>, EventMessage<?>> group = signer.signAll(messages);
        EventMessage<?> changed = messages.get(5).andMetaData(Map.of("traceId", "changed"));
        for (int i = 0; i < messages.size(); i++) {
            EventMessage<?> given = i == 5 ? changed : messages.get(i);
            EventMessage<?> signed = group.apply(i, given);
            EventMessage<?> alone = signer.sign(given);
            assertThat(signed.getIdentifier()).isEqualTo(given.getIdentifier());
            assertThat(signature(signed)).as("event " + i).isNotNull().isEqualTo(signature(alone));
            assertThat(signed.getMetaData().get(EventSignatures.KEY_ID))
                    .isEqualTo(alone.getMetaData().get(EventSignatures.KEY_ID));
        }
        assertThat(signature(group.apply(5, changed))).isNotEqualTo(signature(signer.sign(messages.get(5))));
    }

    @Test
    void aSmallCommitIsSignedOneByOne() throws Exception {
        EventSigner signer = new EventSigner(
                new LedgerSigningKey(dir.resolve("ledger.key")),
                JacksonSerializer.defaultSerializer(),
                mock(EventBus.class));
        List<EventMessage<?>> messages = ballots(EventSigner.PARALLEL_FROM - 1);
        BiFunction<Integer, EventMessage<?>, EventMessage<?>> group = signer.signAll(messages);
        for (int i = 0; i < messages.size(); i++) {
            assertThat(signature(group.apply(i, messages.get(i)))).isEqualTo(signature(signer.sign(messages.get(i))));
        }
    }
}
