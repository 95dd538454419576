package org.conventionledger.query.oversight;

import org.conventionledger.query.platform.Absorbing;
import org.conventionledger.query.platform.LogPosition;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The part of the log the garants' trail has absorbed. Below its first gap every position is settled:
 * its event is in the trail, or it never will be (an aborted transaction's number).
 */
@Document("audit_progress")
class AuditProgress implements Absorbing {

    static final String ID = "audit-trail";

    @Id
    String id = ID;
    @Version
    Long version;
    LogPosition absorbed;

    /** The highest position below which nothing can still arrive, or -1. */
    long settled() {
        if (absorbed == null) {
            return -1;
        }
        return absorbed.gaps().isEmpty() ? absorbed.index() : absorbed.gaps().get(0) - 1;
    }

    @Override
    public LogPosition absorbed() {
        return absorbed;
    }

    @Override
    public void absorbed(LogPosition position) {
        this.absorbed = position;
    }
}
