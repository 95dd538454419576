package org.conventionledger.query.oversight;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fills {@link AuditEvent#subjects()} on trail entries written before the field existed, once, shortly
 * after start: subjects are a pure function of the entry's type and payload ({@link Subjects}), so no
 * replay is needed (a rebuild of the {@code audit-trail} projection fills them too). Entries the
 * projection writes meanwhile already carry them; writing the same value twice is harmless.
 */
@Component
class SubjectsBackfill {

    private static final Logger log = LoggerFactory.getLogger(SubjectsBackfill.class);
    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private volatile boolean done;

    SubjectsBackfill(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Runs until it found nothing left to fill, then does nothing. */
    @Scheduled(initialDelayString = "${ledger.audit.subjects-backfill-delay:PT5S}", fixedDelayString = "PT1M")
    void onceAfterStart() {
        if (!done) {
            long filled = fill();
            if (filled > 0) {
                log.info("Audit trail: filled the subjects of {} entries written before the per-person view", filled);
            }
        }
    }

    /** Fills every entry without subjects; returns how many. */
    long fill() {
        long filled = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<AuditEvent> batch = mongo.find(
                    new Query(Criteria.where("_id").gt(after).and("subjects").exists(false))
                            .with(Sort.by("_id"))
                            .limit(BATCH),
                    AuditEvent.class);
            for (AuditEvent event : batch) {
                mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(event.position())
                                .and("subjects")
                                .exists(false)),
                        Update.update("subjects", Subjects.of(event.type(), event.payload())),
                        AuditEvent.class);
                filled++;
            }
            if (batch.size() < BATCH) {
                done = true;
                return filled;
            }
            after = batch.get(batch.size() - 1).position();
        }
    }
}
