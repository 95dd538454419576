package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.votationOpened;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.conventionledger.events.votation.BallotRule;
import org.conventionledger.events.votation.Eligibility;
import org.conventionledger.events.votation.PaperBallotRecorded;
import org.conventionledger.events.votation.VotationRules;
import org.conventionledger.events.votation.VotationScheduled;
import org.conventionledger.platform.identity.Role;
import org.conventionledger.query.platform.ReadApiTest;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/votations/{id}/ranking} of an open votation over HTTP: hidden running results are a
 * problem naming the rule for the public and the residents, shown to staff; visible ones are public at the
 * published checkpoints.
 */
class RankingVisibilityHttpTest extends ReadApiTest {

    private static final Instant OPENS = Instant.parse("2025-06-15T00:00:00Z");

    /** An open votation with one paper ballot for action 1, projected; returns its ranking's path. */
    private String openVotationWithAPaperBallot(boolean resultsVisibleWhileOpen) throws Exception {
        String convention = "conv-" + UUID.randomUUID();
        String votation = "vot-" + UUID.randomUUID();
        String ballot = "ballot-" + UUID.randomUUID();
        eventStore.publish(
                new GenericDomainEventMessage<>(
                        "Convention", convention, 0, conventionOpened(convention, "C", "Warszawa", SOCIAL)),
                new GenericDomainEventMessage<>(
                        "Votation",
                        votation,
                        0,
                        new VotationScheduled(
                                convention,
                                votation,
                                "V",
                                OPENS,
                                OPENS.plusSeconds(86_400),
                                List.of(item(1, SOCIAL)),
                                new VotationRules(
                                        Eligibility.NONE, BallotRule.APPROVAL, null, resultsVisibleWhileOpen))),
                new GenericDomainEventMessage<>("Votation", votation, 1, votationOpened(convention, votation)),
                new GenericDomainEventMessage<>(
                        "OnlineBallot",
                        ballot,
                        0,
                        new PaperBallotRecorded(convention, votation, ballot, "desk", "p", List.of(1))));
        String path = "/api/votations/" + votation + "/ranking";
        await(path, Role.GARANT, staff -> staff.path("paperBallots").asInt() == 1);
        return path;
    }

    @Test
    void hiddenRunningResultsAreAProblemNamingTheRuleForThePublicAndResidents() throws Exception {
        String path = openVotationWithAPaperBallot(false);

        HttpResponse<String> anonymous = get(path, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(problem(anonymous).path("rule").asText()).isEqualTo("results-hidden-while-open");
        assertThat(anonymous.body()).doesNotContain("paperVotes");

        HttpResponse<String> voter = get(path, Role.VOTER);
        assertThat(voter.statusCode()).isEqualTo(403);
        JsonNode refused = problem(voter);
        assertThat(refused.path("code").asText()).isEqualTo("forbidden");
        assertThat(refused.path("rule").asText()).isEqualTo("results-hidden-while-open");

        HttpResponse<String> organiser = get(path, Role.ORGANISER);
        assertThat(organiser.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(organiser.body()).path("paperVotes").asInt()).isEqualTo(1);
    }

    /**
     * Visible running results are public at the daily checkpoints only ({@link PublishedFiguresHttpTest}):
     * a votation opened today has none yet, so the public is told so, and never sees the live count.
     */
    @Test
    void visibleRunningResultsArePublicAtCheckpointsOnlyNeverLive() throws Exception {
        String path = openVotationWithAPaperBallot(true);

        HttpResponse<String> anonymous = get(path, null);
        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(problem(anonymous).path("code").asText()).isEqualTo("no-published-checkpoint");
        assertThat(anonymous.body()).doesNotContain("paperVotes");
        assertThat(get(path, Role.VOTER).statusCode()).isEqualTo(404);
        JsonNode staff = JSON.readTree(get(path, Role.ORGANISER).body());
        assertThat(staff.path("status").asText()).isEqualTo("OPEN");
        assertThat(staff.path("entries").path(0).path("paperVotes").asInt()).isEqualTo(1);
    }
}
