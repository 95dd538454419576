package org.conventionledger.query.platform;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-store health that works on MongoDB and on the embedded development store alike (Spring Boot's
 * own Mongo indicator sends the {@code hello} command, which the embedded wire server lacks).
 */
@Component("readStore")
class ReadStoreHealth extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    ReadStoreHealth(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up()
                .withDetail("database", mongo.getDb().getName())
                .withDetail("collections", mongo.getCollectionNames().size());
    }
}
