package org.conventionledger.query.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The projection documents a batch (one Axon unit of work) has changed so far, each loaded once and
 * written once, when the batch commits, and the writes it has gathered ({@link BatchWrites}), done
 * after the documents.
 *
 * <p>A document is written with all the changes of the batch and the position that covers exactly
 * them, so a write is as atomic as one event's write was. Nothing is written before the batch's token
 * ({@link ProjectionsFirstTokenStore}), and a batch one of whose absorptions failed is never written:
 * it is retried as a whole from the last stored token.
 */
final class PendingDocuments {

    private static final String RESOURCE = PendingDocuments.class.getName();

    private record Key(Class<?> type, String id) {}

    private static final class Pending {
        Absorbing document;
        boolean changed;

        Pending(Absorbing document) {
            this.document = document;
        }
    }

    private final MongoTemplate mongo;
    private final Map<Key, Pending> documents = new LinkedHashMap<>();
    private final Map<Class<?>, BatchWrites.Write> writes = new LinkedHashMap<>();
    private boolean failed;

    private PendingDocuments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Those of the batch being processed on this thread, if any; the first call registers the flush. */
    static Optional<PendingDocuments> ofCurrentBatch(MongoTemplate mongo) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return Optional.of(batch.getOrComputeResource(RESOURCE, key -> {
            PendingDocuments pending = new PendingDocuments(mongo);
            batch.onPrepareCommit(u -> pending.flush());
            return pending;
        }));
    }

    /** Writes the pending documents of the batch processed on this thread, if any. */
    static void flushCurrentBatch() {
        if (CurrentUnitOfWork.isStarted()) {
            PendingDocuments pending = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (pending != null) {
                pending.flush();
            }
        }
    }

    /** The document as this batch has it: loaded from the store on first use, or created. */
    <T extends Absorbing> T load(Class<T> type, String id, Supplier<T> create) {
        Key key = new Key(type, id);
        Pending pending = documents.get(key);
        if (pending == null) {
            T stored = mongo.findById(id, type);
            pending = new Pending(stored == null ? create.get() : stored);
            documents.put(key, pending);
        }
        return type.cast(pending.document);
    }

    void changed(Class<?> type, String id) {
        documents.get(new Key(type, id)).changed = true;
    }

    /** The batch's gathered write of this kind, created on first use. */
    <W extends BatchWrites.Write> W write(Class<W> kind, Supplier<W> create) {
        return kind.cast(writes.computeIfAbsent(kind, k -> create.get()));
    }

    boolean holds(Class<?> type, String id) {
        return documents.containsKey(new Key(type, id));
    }

    /** A change failed half-way: its document may hold part of it, so the batch must never be written. */
    void fail() {
        failed = true;
    }

    private void flush() {
        if (failed) {
            throw new IllegalStateException("A projection change of this batch failed; the batch is not written");
        }
        for (Pending pending : documents.values()) {
            if (pending.changed) {
                // the saved instance carries the new @Version, should the batch write it again
                pending.document = mongo.save(pending.document);
                pending.changed = false;
            }
        }
        for (BatchWrites.Write write : writes.values()) {
            write.writeTo(mongo);
        }
        writes.clear();
    }
}
