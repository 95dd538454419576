package org.conventionledger.query.recruitment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A person on one or more source lists of a convention: their pseudonymous id and the lists, nothing
 * else (their identity stays sealed in the log). One document per person because a city's lists hold
 * far more people than one document should, and because counting distinct persons across lists needs
 * the set. Recording is adding to a set, so a re-delivered or late batch changes nothing twice and no
 * absorbed position is needed.
 */
@Document("recruitment_listed")
@CompoundIndex(def = "{'conventionId': 1, 'lists': 1}")
public class ListedPerson {

    @Id
    String id;

    String conventionId;
    List<String> lists = new ArrayList<>();

    static void record(MongoTemplate mongo, String conventionId, String listId, List<String> personIds) {
        if (personIds.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ListedPerson.class);
        for (String personId : new LinkedHashSet<>(personIds)) {
            bulk.upsert(
                    Query.query(Criteria.where("_id").is(conventionId + "/" + personId)),
                    new Update().set("conventionId", conventionId).addToSet("lists", listId));
        }
        bulk.execute();
    }

    /** Distinct persons across the convention's lists. */
    static long count(MongoTemplate mongo, String conventionId) {
        return mongo.count(Query.query(Criteria.where("conventionId").is(conventionId)), ListedPerson.class);
    }

    static long countOn(MongoTemplate mongo, String conventionId, String listId) {
        return mongo.count(
                Query.query(Criteria.where("conventionId")
                        .is(conventionId)
                        .and("lists")
                        .is(listId)),
                ListedPerson.class);
    }

    static void dropAll(MongoTemplate mongo) {
        mongo.dropCollection(ListedPerson.class);
    }
}
