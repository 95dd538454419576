package org.conventionledger.query.dashboard;

import java.util.List;
import java.util.Map;
import org.conventionledger.query.platform.ProblemResponses;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The organisers' dashboard of a convention. */
@RestController
public class DashboardController {

    /**
     * @param onlineBallots online voters
     * @param desksTallied  desks whose paper count was recorded as a tally
     * @param paperBallots  paper voters whose ballots were recorded one by one
     */
    public record VotationTurnout(
            String votationId,
            String title,
            String status,
            long paperVotes,
            long onlineVotes,
            long totalVotes,
            long onlineBallots,
            long desksTallied,
            long paperBallots) {}

    public record DashboardView(
            String conventionId,
            String title,
            String city,
            long invitationsSent,
            long invitationsAccepted,
            long invitationsDeclined,
            long invitationsUnanswered,
            long membersSeated,
            Map<String, Long> membersByTransition,
            long topicsChosen,
            long actionsDrafted,
            long actionsFinalised,
            long objectionsRaised,
            long objectionsLifted,
            List<VotationTurnout> votations) {}

    private final MongoTemplate mongo;

    public DashboardController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/conventions/{conventionId}/dashboard")
    public DashboardView dashboard(@PathVariable String conventionId) {
        Dashboard d = mongo.findById(conventionId, Dashboard.class);
        if (d == null) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND,
                    "unknown-convention",
                    "No convention " + conventionId + " is known (yet) to the read side.");
        }
        return view(d);
    }

    /** The stored (or replayed) document as the API shows it. */
    static DashboardView view(Dashboard d) {
        List<VotationTurnout> votations = d.votations.entrySet().stream()
                .map(e -> new VotationTurnout(
                        e.getKey(),
                        e.getValue().title,
                        e.getValue().status,
                        e.getValue().paperVotes,
                        e.getValue().onlineVotes,
                        e.getValue().paperVotes + e.getValue().onlineVotes,
                        e.getValue().onlineBallots,
                        e.getValue().desksTallied,
                        e.getValue().paperBallots))
                .toList();
        return new DashboardView(
                d.conventionId,
                d.title,
                d.city,
                d.invitationsSent,
                d.invitationsAccepted,
                d.invitationsDeclined,
                d.invitationsUnanswered,
                d.membersSeated,
                d.membersByTransition,
                d.topicsChosen,
                d.actionsDrafted,
                d.actionsFinalised,
                d.objectionsRaised,
                d.objectionsLifted,
                votations);
    }
}
