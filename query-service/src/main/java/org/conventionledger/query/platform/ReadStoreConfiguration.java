package org.conventionledger.query.platform;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read store. With {@code MONGODB_URI} set, a real MongoDB (replica set in production). Without it,
 * the embedded development store: a MongoDB-wire server inside this process, persisted to
 * {@code readstore.mv} in the data directory, each operation whole on disk and committed once an interval
 * ({@link WholeOperationH2Backend}, ADR-015). Tracking tokens live in the same database as the
 * projections, so a projection and its position are backed up and restored together; a batch's
 * documents are written before its token ({@link ProjectionsFirstTokenStore}), so on the embedded store's
 * file too, where a commit holds every operation answered before it.
 */
@Configuration
public class ReadStoreConfiguration implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadStoreConfiguration.class);

    /**
     * How long a processor's claim on a segment lasts unless extended (Axon's default: 10 s). Three idle
     * extensions ({@link ProcessingConfiguration#IDLE_WAKE_UP}) fit in it (ADR-018).
     */
    public static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(45);

    /**
     * The claims' owner with the embedded store: one name for every run, so that a service restarted after a
     * kill takes its segments back at once instead of waiting out {@link #CLAIM_TIMEOUT}. Safe because one
     * process only can open the store's file.
     */
    static final String EMBEDDED_NODE_ID = "query-service-embedded";

    private MongoServer embedded;

    @Bean
    MongoClient mongoClient(
            @Value("${ledger.read-store.uri:}") String uri,
            @Value("${ledger.data-dir}") Path dataDir,
            @Value("${ledger.read-store.compress:true}") boolean compress,
            @Value("${ledger.read-store.commit-interval:PT1S}") Duration commitInterval,
            @Value("${ledger.read-store.target-fill-rate:90}") int targetFillRate,
            @Value("${ledger.read-store.compact-bytes-per-round:4194304}") int compactBytesPerRound)
            throws IOException {
        if (!uri.isBlank()) {
            log.info("Read store: MongoDB at {}", uri.replaceAll("//[^@/]*@", "//***@"));
            return MongoClients.create(uri);
        }
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("readstore.mv").toAbsolutePath();
        // compressed pages: the trail copies every event with its payload twice (document and stored text).
        // Off only for a test that searches the file's bytes for what must not be there.
        embedded = new MongoServer(WholeOperationH2Backend.open(
                file,
                compress,
                new WholeOperationH2Backend.Housekeeping(commitInterval, targetFillRate, compactBytesPerRound)));
        InetSocketAddress address = embedded.bind();
        log.warn(
                "Read store: EMBEDDED DEVELOPMENT STORE (mongo-java-server, file {}, mongodb://{}:{}). "
                        + "Not for production: set MONGODB_URI to a MongoDB replica set.",
                file,
                address.getHostString(),
                address.getPort());
        return MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    /**
     * With a MongoDB of its own, each process owns its claims under Axon's default name (process id and host)
     * unless {@code ledger.read-store.node-id} names it: a process restarted after a kill then waits up to
     * {@link #CLAIM_TIMEOUT} for its old claims, since another instance may still hold them.
     */
    @Bean
    TokenStore tokenStore(
            MongoClient client,
            Serializer serializer,
            @Value("${spring.data.mongodb.database}") String database,
            @Value("${ledger.read-store.node-id:}") String nodeId) {
        MongoTokenStore.Builder builder = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(client, database)
                        .trackingTokensCollectionName("tracking_tokens")
                        .build())
                .serializer(serializer)
                .claimTimeout(CLAIM_TIMEOUT)
                .ensureIndexes(true);
        if (!nodeId.isBlank()) {
            builder.nodeId(nodeId);
        } else if (embedded != null) {
            builder.nodeId(EMBEDDED_NODE_ID);
        }
        return new ProjectionsFirstTokenStore(builder);
    }

    @Override
    public void destroy() {
        if (embedded != null) {
            embedded.shutdown();
        }
    }
}
