package org.conventionledger.query.platform;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.h2.mvstore.MVStore;

/**
 * The process {@link ReadStoreKillTest} kills: a read store on a file, written without pause as a
 * projection writes it. Each round is three operations in order: one bulk insert of a batch of documents
 * (each under three unique indexes besides {@code _id}), a counter set to the number of documents written
 * so far, and the writer's token set to the batch. Each acknowledged round is printed as {@code ACK <batch>}.
 *
 * <p>Arguments: the file, the backend ({@code library}: mongo-java-server's H2 backend opened as the
 * service opened it before ADR-015; {@code whole}: {@link WholeOperationH2Backend}), its commit interval in
 * milliseconds, the first batch to write.
 */
final class ReadStoreKillWriter {

    static final String DATABASE = "kill";
    static final int BATCH = 40;
    static final List<String> UNIQUE = List.of("a", "b", "c");

    private ReadStoreKillWriter() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        Duration interval = Duration.ofMillis(Long.parseLong(args[2]));
        MongoBackend backend = switch (args[1]) {
            case "library" ->
                new H2Backend(new MVStore.Builder()
                        .fileName(file.toString())
                        .compress()
                        .open());
            case "whole" ->
                WholeOperationH2Backend.open(
                        file, true, new WholeOperationH2Backend.Housekeeping(interval, 80, 4 << 20));
            default -> throw new IllegalArgumentException(args[1]);
        };
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoDatabase database = client.getDatabase(DATABASE);
            MongoCollection<Document> documents = database.getCollection("docs");
            for (String field : UNIQUE) {
                documents.createIndex(Indexes.ascending(field), new IndexOptions().unique(true));
            }
            MongoCollection<Document> counters = database.getCollection("counters");
            MongoCollection<Document> tokens = database.getCollection("tokens");
            for (long batch = Long.parseLong(args[3]); ; batch++) {
                documents.insertMany(batch(batch));
                counters.updateOne(
                        Filters.eq("_id", "docs"),
                        Updates.set("count", BATCH * batch),
                        new UpdateOptions().upsert(true));
                tokens.replaceOne(
                        Filters.eq("_id", "writer"),
                        new Document("_id", "writer").append("batch", batch),
                        new ReplaceOptions().upsert(true));
                System.out.println("ACK " + batch);
                System.out.flush();
            }
        }
    }

    private static List<Document> batch(long batch) {
        List<Document> documents = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            String id = batch + "-" + i;
            Document document = new Document("_id", "d" + id).append("batch", batch);
            UNIQUE.forEach(field -> document.append(field, field + id));
            // a payload that does not compress to nothing, as an event's text does not
            document.append("text", UUID.randomUUID() + " " + UUID.randomUUID() + " " + UUID.randomUUID());
            documents.add(document);
        }
        return documents;
    }
}
