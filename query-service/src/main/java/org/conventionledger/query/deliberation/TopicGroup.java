package org.conventionledger.query.deliberation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.conventionledger.query.platform.Absorbing;
import org.conventionledger.query.platform.LogPosition;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A topic group's work, as stored: the experts it heard, its CAC sheets and the opinions on the topic. */
@Document("topic_groups")
public class TopicGroup implements Absorbing {

    @Id
    String topicId;

    @Version
    Long version;

    LogPosition absorbed;

    String conventionId;
    String title;
    String assembly;
    List<Hearing> hearings = new ArrayList<>();
    /** Every version of the CAC sheet, by version. */
    List<CacSheet> cacSheets = new ArrayList<>();

    List<Opinion> opinions = new ArrayList<>();

    /** An expertise sheet. Dates are stored as ISO strings (no time zone in the way). */
    public static class Hearing {
        String hearingId;
        String expertName;
        String organisation;
        String kind;
        boolean independent;
        String invitedBy;
        String heardOn;
        String contribution;
        List<String> documents = new ArrayList<>();
    }

    public static class CacSheet {
        int version;
        String findings;
        String analysis;
        List<String> commonCriteria = new ArrayList<>();
        List<String> specificCriteria = new ArrayList<>();
        Instant recordedAt;
    }

    public static class Opinion {
        String opinionId;
        String body;
        String text;
        String givenOn;
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
