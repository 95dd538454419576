package org.conventionledger.query.platform;

import java.nio.file.Path;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every test of the whole query service stands on: its own data directory (event store, accounts),
 * removed after the context closed, the embedded read store, and the log to write events to. A subclass
 * declares its {@code @SpringBootTest}, and its other properties in a {@code @DynamicPropertySource} of
 * another name.
 */
public abstract class ReadServiceTest {

    @TempDir
    protected static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> dataDir.toString());
        registry.add("ledger.read-store.uri", () -> "");
    }

    @Autowired
    protected EventStore eventStore;
}
