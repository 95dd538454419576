package org.conventionledger.query.consultation;

import java.time.Instant;
import org.conventionledger.query.platform.Absorbing;
import org.conventionledger.query.platform.LogPosition;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One argument on a proposal, as stored: a document of its own, so that no number of arguments can
 * grow a proposal's document past the read store's document limit (16 MB on MongoDB), and a proposal's
 * votes stay cheap to update however much is argued about it. The author's pseudonym is not kept.
 */
@Document("consultation_arguments")
public class ConsultationArgument implements Absorbing {

    @Id
    String argumentId;

    @Version
    Long version;

    LogPosition absorbed;

    String conventionId;

    @Indexed
    String callId;

    String proposalId;
    /** The global index of the argument's posting: arguments are listed in log order. */
    long position;

    String stance;
    String text;
    Instant postedAt;
    boolean hidden;
    String hiddenReason;

    @Override
    public LogPosition absorbed() {
        return absorbed;
    }

    @Override
    public void absorbed(LogPosition position) {
        this.absorbed = position;
    }
}
