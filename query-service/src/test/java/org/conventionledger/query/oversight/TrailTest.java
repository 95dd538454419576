package org.conventionledger.query.oversight;

import static org.conventionledger.query.oversight.TrailFixture.JSON;
import static org.conventionledger.query.oversight.TrailFixture.SERIALIZER;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.ReadStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh read store with the audit trail projected on it, fed from a simulated JDBC log, for each test. */
abstract class TrailTest {

    ReadStore store;
    AuditTrailProjection projection;
    EventLog log;

    @BeforeEach
    void startTrail() {
        store = ReadStore.start();
        projection = new AuditTrailProjection(store.mongo(), JSON, SERIALIZER);
        log = EventLog.jdbc();
    }

    @AfterEach
    void stopTrail() {
        store.close();
    }

    /** Hands {@code m} to the trail projection, as its processor would, and returns it. */
    TrackedEventMessage<?> deliver(TrackedEventMessage<?> m) {
        projection.on(m, m.trackingToken());
        return m;
    }
}
