package org.conventionledger.query.oversight;

import org.conventionledger.query.platform.Absorbing;
import org.conventionledger.query.platform.LogPosition;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** An opinion the garants published, as stored. The date is an ISO string. */
@Document("garant_opinions")
public class GarantOpinionFile implements Absorbing {

    @Id
    String opinionId;

    @Version
    Long version;

    LogPosition absorbed;

    String conventionId;
    String occasion;
    Integer session;
    String text;
    String publishedOn;

    @Override
    public LogPosition absorbed() {
        return absorbed;
    }

    @Override
    public void absorbed(LogPosition position) {
        this.absorbed = position;
    }
}
