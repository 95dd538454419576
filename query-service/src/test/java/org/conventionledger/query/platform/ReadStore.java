package org.conventionledger.query.platform;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A throw-away read store for tests: mongo-java-server in this JVM (no transactions, like the real
 * read store) and a plain {@link MongoTemplate} on it.
 */
public final class ReadStore implements AutoCloseable {

    /**
     * The embedded backends: the in-memory one, and the one the embedded default runs on (H2, each operation
     * whole on disk, on a file of its own deleted on close).
     */
    public enum Backend {
        MEMORY,
        H2
    }

    private final MongoServer server;
    private final MongoClient client;
    private final MongoTemplate mongo;
    private final Path file;

    private ReadStore(MongoBackend backend, Path file) {
        this.file = file;
        server = new MongoServer(backend);
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "ledger-test");
    }

    public static ReadStore start() {
        return start(Backend.MEMORY);
    }

    public static ReadStore start(Backend backend) {
        if (backend == Backend.MEMORY) {
            return new ReadStore(new MemoryBackend(), null);
        }
        try {
            Path file = Files.createTempFile("readstore", ".mv");
            Files.delete(file);
            return new ReadStore(
                    WholeOperationH2Backend.open(file, true, WholeOperationH2Backend.Housekeeping.DEFAULT), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On a backend of the caller's. */
    public static ReadStore on(MongoBackend backend) {
        return new ReadStore(backend, null);
    }

    public MongoTemplate mongo() {
        return mongo;
    }

    /**
     * Every document of {@code collections} by collection and id, their bookkeeping (version, absorbed log)
     * aside: what a rebuild or a re-delivery must leave as it was.
     */
    public static Map<String, Map<Object, Document>> documents(MongoTemplate mongo, List<String> collections) {
        Map<String, Map<Object, Document>> all = new TreeMap<>();
        for (String collection : collections) {
            Map<Object, Document> documents = new HashMap<>();
            for (Document document : mongo.getCollection(collection).find()) {
                document.remove("version");
                document.remove("absorbed");
                documents.put(document.get("_id"), document);
            }
            all.put(collection, documents);
        }
        return all;
    }

    public MongoClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
