package org.conventionledger.query.recruitment;

import java.util.Optional;
import org.conventionledger.events.recruitment.InvitationSent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One invitation of a convention: whom it went to (pseudonymous), from which source list, whether a
 * reminder followed. Kept apart from {@link Recruitment} because a convention sends thousands; read
 * when a volunteer registers or a member is seated, to know their person and list. Every write sets
 * fixed values, so writing twice or in another order gives the same record and no absorbed position is
 * needed.
 */
@Document("recruitment_invitations")
@CompoundIndex(def = "{'conventionId': 1, 'reminded': 1}")
public class InvitationRecord {

    @Id
    String id;

    String conventionId;
    String invitationId;
    String personId;
    String sourceList;
    boolean reminded;

    static void sent(MongoTemplate mongo, InvitationSent event) {
        mongo.upsert(
                byId(event.conventionId(), event.invitationId()),
                new Update()
                        .set("conventionId", event.conventionId())
                        .set("invitationId", event.invitationId())
                        .set("personId", event.residentRef())
                        .set("sourceList", event.sourceList()),
                InvitationRecord.class);
    }

    static void reminded(MongoTemplate mongo, String conventionId, String invitationId) {
        mongo.upsert(
                byId(conventionId, invitationId),
                new Update()
                        .set("conventionId", conventionId)
                        .set("invitationId", invitationId)
                        .set("reminded", true),
                InvitationRecord.class);
    }

    static Optional<InvitationRecord> find(MongoTemplate mongo, String conventionId, String invitationId) {
        return Optional.ofNullable(mongo.findOne(byId(conventionId, invitationId), InvitationRecord.class));
    }

    /** Invitations reminded at least once. */
    static long countReminded(MongoTemplate mongo, String conventionId) {
        return mongo.count(
                Query.query(Criteria.where("conventionId")
                        .is(conventionId)
                        .and("reminded")
                        .is(true)),
                InvitationRecord.class);
    }

    static void dropAll(MongoTemplate mongo) {
        mongo.dropCollection(InvitationRecord.class);
    }

    /** Invitation ids are only unique within their convention. */
    private static Query byId(String conventionId, String invitationId) {
        return Query.query(Criteria.where("_id").is(conventionId + "/" + invitationId));
    }
}
