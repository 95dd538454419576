package org.conventionledger.query.platform;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;

/**
 * The tracking tokens in the read store, never ahead of the projection documents: the pending
 * documents of the batch are written before the batch's token.
 *
 * <p>Registering the flush on the unit of work is not enough: the pooled processor stores the token in
 * a prepare-commit handler that it registers before the batch runs, and Axon runs prepare-commit
 * handlers in registration order, so the token would be stored first, and a crash in between would lose
 * the batch's changes for good.
 */
class ProjectionsFirstTokenStore extends MongoTokenStore {

    ProjectionsFirstTokenStore(Builder builder) {
        super(builder);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        PendingDocuments.flushCurrentBatch();
        super.storeToken(token, processorName, segment);
    }
}
