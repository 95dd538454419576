package org.conventionledger.query.consultation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.conventionledger.query.platform.Absorbing;
import org.conventionledger.query.platform.LogPosition;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A call for proposals as stored: what it asks, its criteria and window, and its close. */
@Document("consultation_calls")
public class ConsultationCall implements Absorbing {

    @Id
    String callId;

    @Version
    Long version;

    LogPosition absorbed;

    @Indexed
    String conventionId;

    String topicId;
    String topicTitle;
    String title;
    String text;
    List<String> criteria = new ArrayList<>();
    Integer cacVersion;
    Instant opensAt;
    Instant closesAt;
    Instant closedAt;

    /** CLOSED (closed by the organisers), UPCOMING, OPEN, or ENDED (its window passed, not closed). */
    String status(Instant now) {
        if (closedAt != null) {
            return "CLOSED";
        }
        if (opensAt != null && now.isBefore(opensAt)) {
            return "UPCOMING";
        }
        if (closesAt != null && !now.isBefore(closesAt)) {
            return "ENDED";
        }
        return "OPEN";
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
