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

    /** An independent copy of the figures (not of the stored document's version and position). */
    Dashboard copy() {
        Dashboard copy = of(conventionId);
        copy.title = title;
        copy.city = city;
        copy.invitationsSent = invitationsSent;
        copy.invitationsAccepted = invitationsAccepted;
        copy.invitationsDeclined = invitationsDeclined;
        copy.invitationsUnanswered = invitationsUnanswered;
        copy.membersSeated = membersSeated;
        copy.membersByTransition.putAll(membersByTransition);
        copy.topicsChosen = topicsChosen;
        copy.actionsDrafted = actionsDrafted;
        copy.actionsFinalised = actionsFinalised;
        copy.objectionsRaised = objectionsRaised;
        copy.objectionsLifted = objectionsLifted;
        votations.forEach((id, figures) -> {
            VotationFigures mine = new VotationFigures();
            mine.title = figures.title;
            mine.status = figures.status;
            mine.paperVotes = figures.paperVotes;
            mine.onlineVotes = figures.onlineVotes;
            mine.onlineBallots = figures.onlineBallots;
            mine.desksTallied = figures.desksTallied;
            mine.paperBallots = figures.paperBallots;
            copy.votations.put(id, mine);
        });
        return copy;
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
