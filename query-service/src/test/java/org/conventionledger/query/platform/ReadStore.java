package org.conventionledger.query.platform;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
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

    /** The embedded backends: the in-memory one, and the H2 one the embedded default runs on. */
    public enum Backend {
        MEMORY,
        H2
    }

    private final MongoServer server;
    private final MongoClient client;
    private final MongoTemplate mongo;

    private ReadStore(MongoBackend backend) {
        server = new MongoServer(backend);
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "ledger-test");
    }

    public static ReadStore start() {
        return start(Backend.MEMORY);
    }

    public static ReadStore start(Backend backend) {
        return new ReadStore(
                switch (backend) {
                    case MEMORY -> new MemoryBackend();
                    case H2 -> H2Backend.inMemory();
                });
    }

    /** On a backend of the caller's (a file, as the service opens it). */
    public static ReadStore on(MongoBackend backend) {
        return new ReadStore(backend);
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
    }
}
