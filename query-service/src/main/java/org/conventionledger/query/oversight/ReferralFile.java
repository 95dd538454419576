package org.conventionledger.query.oversight;

import java.util.ArrayList;
import java.util.List;
import org.conventionledger.query.platform.Absorbing;
import org.conventionledger.query.platform.LogPosition;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A referral to the garants, as stored: what was referred, by whom (a capacity, never a name), and how
 * far the garants have got with it. Dates are stored as ISO strings (no time zone in the way).
 */
@Document("referrals")
public class ReferralFile implements Absorbing {

    @Id
    String referralId;

    @Version
    Long version;

    LogPosition absorbed;

    String conventionId;
    String subject;
    String text;
    List<String> attachments = new ArrayList<>();
    String referredBy;
    /** Whether the referrer left a contact: the contact itself stays sealed in the log, never here. */
    boolean contactLeft;

    String referredOn;
    String acknowledgedOn;
    List<Investigation> investigations = new ArrayList<>();
    String answer;
    String answeredOn;

    public static class Investigation {
        String note;
        String on;
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
