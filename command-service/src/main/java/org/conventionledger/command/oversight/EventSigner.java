package org.conventionledger.command.oversight;

import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    private final LedgerSigningKey key;
    private final Serializer serializer;
    private volatile Fingerprinted current;

    private record Fingerprinted(KeyPair keys, String keyId) {}

    public EventSigner(LedgerSigningKey key, @Qualifier("eventSerializer") Serializer serializer, EventBus events) {
        this.key = key;
        this.serializer = serializer;
        events.registerDispatchInterceptor(
                (List<? extends EventMessage<?>> messages) -> (index, message) -> sign(message));
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
