package org.conventionledger.query.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import org.conventionledger.query.platform.Absorbing;
import org.conventionledger.query.platform.LogPosition;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** The organisers' figures for one convention, as stored. */
@Document("dashboards")
public class Dashboard implements Absorbing {

    @Id
    String conventionId;

    @Version
    Long version;

    LogPosition absorbed;

    String title;
    String city;
    long invitationsSent;
    long invitationsAccepted;
    long invitationsDeclined;
    long invitationsUnanswered;
    long membersSeated;
    Map<String, Long> membersByTransition = new LinkedHashMap<>();
    long topicsChosen;
    long actionsDrafted;
    long actionsFinalised;
    long objectionsRaised;
    long objectionsLifted;
    Map<String, VotationFigures> votations = new LinkedHashMap<>();

    /** Turnout of one votation. */
    public static class VotationFigures {
        String title;
        String status;
        long paperVotes;
        long onlineVotes;
        long onlineBallots;
        long desksTallied;
        /** Paper voters whose ballots were recorded one by one (a tallied desk counts votes, not voters). */
        long paperBallots;
    }

    static Dashboard of(String conventionId) {
        Dashboard dashboard = new Dashboard();
        dashboard.conventionId = conventionId;
        return dashboard;
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
