package org.conventionledger.query.platform;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Writes a projection gathers over an event processor's batch and performs in one go when the batch
 * commits, before its token, like the documents of {@link Projections}: for projections that append
 * (the garants' trail) rather than fold events into documents.
 */
public final class BatchWrites {

    /** A write gathered over a batch; performed once, and may be performed again after a crash. */
    public interface Write {
        void writeTo(MongoTemplate mongo);
    }

    private BatchWrites() {}

    /** The current batch's write of this kind, created on first use; empty outside a batch. */
    public static <W extends Write> Optional<W> ofCurrentBatch(MongoTemplate mongo, Class<W> kind, Supplier<W> create) {
        return PendingDocuments.ofCurrentBatch(mongo).map(batch -> batch.write(kind, create));
    }
}
