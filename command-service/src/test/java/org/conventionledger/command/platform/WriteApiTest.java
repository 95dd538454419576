package org.conventionledger.command.platform;

import java.nio.file.Path;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every HTTP test of the write API stands on: the whole service in {@code oidc} mode on MockMvc, with a
 * data directory (event store, vault, keys) and a context of its own, and a client whose tokens name the
 * caller's role. A test class that needs more properties declares its own {@code @SpringBootTest}, with
 * {@code ledger.security.mode=oidc} among them.
 */
@SpringBootTest(properties = "ledger.security.mode=oidc")
@AutoConfigureMockMvc
@DirtiesContext
public abstract class WriteApiTest {

    @TempDir
    protected static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", dataDir::toString);
    }

    @MockitoBean
    protected JwtDecoder jwtDecoder;

    @Autowired
    protected MockMvc http;

    /** Whose tokens name their role ({@code ROLE} or {@code ROLE.subject}); a test may stub the decoder anew. */
    protected ApiClient api;

    @BeforeEach
    protected void tokensNameTheirRole() {
        api = ApiClient.withRoleTokens(http, jwtDecoder);
    }

    /** How many events the whole log holds: a refused request leaves it as it was. */
    protected static long eventsIn(EventStore eventStore) {
        long count = 0;
        try (var stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                stream.nextAvailable();
                count++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return count;
    }
}
