package org.conventionledger.query.platform;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * One segment of a pooled streaming processor, as Axon 4.13's {@code WorkPackage} processes a batch:
 * one {@link BatchingUnitOfWork} for all its events, and the batch's token stored in a prepare-commit
 * handler registered before the handlers run. Tokens live in the read store, as in the service.
 */
public final class WorkPackageDouble {

    private final String processor = "tallies-" + UUID.randomUUID();
    private final TokenStore tokens;
    private TrackingToken lastStored;

    public WorkPackageDouble(ReadStore store) {
        tokens = new ProjectionsFirstTokenStore(MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(store.client(), "ledger-test")
                        .build())
                .serializer(JacksonSerializer.defaultSerializer()));
        tokens.initializeTokenSegments(processor, 1);
        tokens.fetchToken(processor, 0);
    }

    /** Processes the batch; fails as the processor does, with nothing committed, if a handler or the commit fails. */
    public void process(List<? extends TrackedEventMessage<?>> batch, Consumer<TrackedEventMessage<?>> handler) {
        // a unit of work left active would quietly buffer the direct calls of later tests
        if (CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException(
                    "A unit of work is still active on this thread: " + CurrentUnitOfWork.get());
        }
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.copyOf(batch));
        TrackingToken last = batch.get(batch.size() - 1).trackingToken();
        unitOfWork.onPrepareCommit(u -> storeToken(last));
        ResultMessage<?> result;
        try {
            result = unitOfWork.executeWithResult(() -> {
                handler.accept(unitOfWork.getMessage());
                return null;
            });
        } catch (RuntimeException e) {
            throw new BatchFailed(e);
        }
        if (result.isExceptional()) {
            throw new BatchFailed(result.exceptionResult());
        }
    }

    /**
     * Like the processor, which stores a token when it moved on: the Mongo token store refuses to store
     * the same token twice within a millisecond (the update modifies nothing, which it takes for a lost
     * claim), which re-deliveries of the same batch would otherwise hit.
     */
    private void storeToken(TrackingToken token) {
        if (!token.equals(lastStored)) {
            tokens.storeToken(token, processor, 0);
            lastStored = token;
        }
    }

    public TrackingToken storedToken() {
        return tokens.fetchToken(processor, 0);
    }

    public static final class BatchFailed extends RuntimeException {
        BatchFailed(Throwable cause) {
            super(cause);
        }
    }
}
