package org.conventionledger.command.oversight;

import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.events.integrity.EventSignatures;
import org.conventionledger.events.integrity.TreeHeads;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Signs every event as it is appended, on every event store: the ledger key signs the event's content as
 * the store will keep it ({@link EventSignatures}: the payload serialized by the event serializer, the
 * metadata, the aggregate's id, type and sequence, the timestamp), and the signature rides in the event's
 * own metadata. A database operator without the key can then change no stored event without its check
 * naming it. The key is the one current at append time; after a rotation, the next events carry the new
 * key's id. The signature says nothing about who acted, so a ballot stays as anonymous as before.
 *
 * <p>It intercepts the event bus itself (the event store), where aggregates' events pass; Axon would put an
 * interceptor bean on the event gateway only. It runs after the correlation data (actor, trace) is in the
 * metadata, at the unit of work's commit, just before the store serializes the events.
 */
@Component
public class EventSigner {

    /** The smallest commit whose events are signed in parallel. */
    static final int PARALLEL_FROM = 8;

    private final LedgerSigningKey key;
    private final Serializer serializer;
    private volatile Fingerprinted current;

    private record Fingerprinted(KeyPair keys, String keyId) {}

    public EventSigner(LedgerSigningKey key, @Qualifier("eventSerializer") Serializer serializer, EventBus events) {
        this.key = key;
        this.serializer = serializer;
        events.registerDispatchInterceptor(this::signAll);
    }

    /**
     * The messages of one commit, signed. A group of ballots (ADR-008) puts up to 256 events in one commit,
     * all signed on the intake's single writer thread, where the Ed25519 signatures were 22 % of its time
     * (docs/performance.md): from {@value #PARALLEL_FROM} messages on, they are signed in parallel first.
     * Each signature covers its own event only, so the order they are made in changes nothing.
     */
    BiFunction<Integer, EventMessage<?>, EventMessage<?>> signAll(List<? extends EventMessage<?>> messages) {
        if (messages.size() < PARALLEL_FROM) {
            return (index, message) -> sign(message);
        }
        List<? extends EventMessage<?>> given = List.copyOf(messages);
        EventMessage<?>[] signed = new EventMessage<?>[given.size()];
        IntStream.range(0, given.size()).parallel().forEach(i -> signed[i] = sign(given.get(i)));
        // the interceptor's contract passes each message back by its index; one changed since is signed anew
        return (index, message) -> message == given.get(index) ? signed[index] : sign(message);
    }

    EventMessage<?> sign(EventMessage<?> message) {
        Fingerprinted signing = keys();
        SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
        Map<String, String> metaData = new TreeMap<>();
        message.getMetaData().forEach((name, value) -> metaData.put(name, value == null ? null : value.toString()));
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        ChainLink.Entry entry = new ChainLink.Entry(
                0,
                message.getIdentifier(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(),
                payload.getType().getName(),
                payload.getType().getRevision(),
                message.getTimestamp().toString(),
                metaData,
                payload.getData(),
                domain == null ? null : domain.getType());
        return message.andMetaData(EventSignatures.sign(signing.keys().getPrivate(), signing.keyId(), entry));
    }

    private Fingerprinted keys() {
        KeyPair keys = key.keys();
        Fingerprinted known = current;
        if (known == null || known.keys() != keys) {
            known = new Fingerprinted(keys, TreeHeads.fingerprint(TreeHeads.encode(keys.getPublic())));
            current = known;
        }
        return known;
    }
}
