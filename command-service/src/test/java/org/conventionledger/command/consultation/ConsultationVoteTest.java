package org.conventionledger.command.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.conventionledger.events.consultation.Stance.AGAINST;
import static org.conventionledger.events.consultation.Stance.FOR;
import static org.conventionledger.events.consultation.Stance.MIXED;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.events.consultation.ArgumentHidden;
import org.conventionledger.events.consultation.ArgumentPosted;
import org.conventionledger.events.consultation.ProposalVoted;
import org.conventionledger.events.consultation.Stance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One resident's vote on one proposal: one current stance, changeable while the call is open, the
 * arguments attached to it, and their moderation.
 */
class ConsultationVoteTest {

    static final String CONVENTION = "conv-1";
    static final String CALL = "call-1";
    static final String PROPOSAL = "prop-1";
    static final String VOTER = "4d2a77f0";
    static final String VOTE = ConsultationVote.idOf(CALL, PROPOSAL, VOTER);
    static final Instant OPENS = Instant.parse("2022-03-01T08:00:00Z");
    static final Instant CLOSES = Instant.parse("2022-03-15T22:00:00Z");
    static final Instant NOW = Instant.parse("2022-03-05T10:30:00Z");

    private FixtureConfiguration<ConsultationVote> fixture;
    private ConsultationRegister register;

    @BeforeEach
    void setUp() {
        register = mock(ConsultationRegister.class);
        fixture = new AggregateTestFixture<>(ConsultationVote.class);
        fixture.registerInjectableResource(register);
        callIs(false);
        proposalIs(false);
    }

    private void callIs(boolean closed) {
        when(register.call(CALL))
                .thenReturn(
                        Optional.of(new ConsultationRegister.Call(CALL, CONVENTION, "topic-1", OPENS, CLOSES, closed)));
    }

    private void proposalIs(boolean hidden) {
        when(register.proposal(PROPOSAL))
                .thenReturn(Optional.of(new ConsultationRegister.Proposal(PROPOSAL, CALL, hidden)));
    }

    private static VoteOnProposal vote(Stance stance) {
        return vote(stance, NOW);
    }

    private static VoteOnProposal vote(Stance stance, Instant at) {
        return new VoteOnProposal(VOTE, CALL, PROPOSAL, VOTER, stance, at);
    }

    private static ProposalVoted voted(Stance stance, Stance previous) {
        return new ProposalVoted(CONVENTION, CALL, PROPOSAL, VOTER, stance, previous, NOW);
    }

    private static PostArgument argue(String argumentId, String text) {
        return new PostArgument(VOTE, CALL, PROPOSAL, VOTER, argumentId, text, NOW);
    }

    private static ArgumentPosted posted(String argumentId, Stance stance) {
        return new ArgumentPosted(CONVENTION, CALL, PROPOSAL, argumentId, VOTER, stance, "Parce que…", NOW);
    }

    // ---- votes -----------------------------------------------------------------------------------

    @Test
    void aResidentsFirstVoteHasNoPreviousStance() {
        fixture.givenNoPriorActivity()
                .when(vote(FOR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(voted(FOR, null));
    }

    @Test
    void aResidentChangesTheirVoteWhichRecordsThePreviousStance() {
        fixture.given(voted(FOR, null)).when(vote(AGAINST)).expectEvents(voted(AGAINST, FOR));
        fixture.given(voted(FOR, null), voted(AGAINST, FOR)).when(vote(MIXED)).expectEvents(voted(MIXED, AGAINST));
    }

    @Test
    void theSameStanceAgainIsRefused() {
        expectRejected(fixture.given(voted(FOR, null)).when(vote(FOR)), 409, "same-stance");
        expectRejected(fixture.given(voted(FOR, null), voted(MIXED, FOR)).when(vote(MIXED)), 409, "same-stance");
    }

    @Test
    void aVoteHasAStance() {
        expectRejected(fixture.givenNoPriorActivity().when(vote(null)), 422, "stance-required");
    }

    @Test
    void aVoteIsOnAProposalOfTheCall() {
        when(register.proposal(PROPOSAL)).thenReturn(Optional.empty());
        expectRejected(fixture.givenNoPriorActivity().when(vote(FOR)), 404, "unknown-proposal");

        when(register.proposal(PROPOSAL))
                .thenReturn(Optional.of(new ConsultationRegister.Proposal(PROPOSAL, "call-2", false)));
        expectRejected(fixture.givenNoPriorActivity().when(vote(FOR)), 404, "unknown-proposal");
    }

    @Test
    void votesAndChangesAreAcceptedOnlyWhileTheCallIsOpen() {
        expectRejected(fixture.givenNoPriorActivity().when(vote(FOR, OPENS.minusSeconds(1))), 409, "call-not-open");
        expectRejected(fixture.given(voted(FOR, null)).when(vote(AGAINST, CLOSES)), 409, "call-not-open");
        callIs(true);
        expectRejected(fixture.given(voted(FOR, null)).when(vote(AGAINST)), 409, "call-not-open");
    }

    @Test
    void aHiddenProposalTakesNoMoreVotes() {
        proposalIs(true);
        expectRejected(fixture.givenNoPriorActivity().when(vote(FOR)), 409, "proposal-hidden");
        expectRejected(fixture.given(voted(FOR, null)).when(vote(AGAINST)), 409, "proposal-hidden");
    }

    @Test
    void theVoteStreamIsOnePerResidentAndProposal() {
        assertThat(ConsultationVote.idOf(CALL, PROPOSAL, VOTER))
                .isEqualTo(VOTE)
                .startsWith("cv-")
                .hasSize(67);
        assertThat(ConsultationVote.idOf(CALL, PROPOSAL, "other")).isNotEqualTo(VOTE);
        assertThat(ConsultationVote.idOf(CALL, "prop-2", VOTER)).isNotEqualTo(VOTE);
        assertThat(ConsultationVote.idOf("call-2", PROPOSAL, VOTER)).isNotEqualTo(VOTE);
    }

    // ---- arguments -------------------------------------------------------------------------------

    @Test
    void anArgumentCarriesTheResidentsCurrentStance() {
        fixture.given(voted(FOR, null)).when(argue("arg-1", "Parce que…")).expectEvents(posted("arg-1", FOR));
        fixture.given(voted(FOR, null), posted("arg-1", FOR), voted(MIXED, FOR))
                .when(argue("arg-2", "Parce que…"))
                .expectEvents(posted("arg-2", MIXED));
    }

    @Test
    void anArgumentNeedsAVoteOfTheResidentOnTheProposal() {
        expectRejected(fixture.givenNoPriorActivity().when(argue("arg-1", "Parce que…")), 409, "vote-required");
    }

    @Test
    void anArgumentHasAText() {
        expectRejected(fixture.given(voted(FOR, null)).when(argue("arg-1", "  ")), 422, "text-required");
    }

    @Test
    void argumentsAreAcceptedOnlyWhileTheCallIsOpenAndTheProposalVisible() {
        callIs(true);
        expectRejected(fixture.given(voted(FOR, null)).when(argue("arg-1", "Parce que…")), 409, "call-not-open");
        callIs(false);
        proposalIs(true);
        expectRejected(fixture.given(voted(FOR, null)).when(argue("arg-1", "Parce que…")), 409, "proposal-hidden");
    }

    @Test
    void aResidentPostsAtMostTwentyArgumentsOnAProposal() {
        List<Object> history = new ArrayList<>(List.of(voted(FOR, null)));
        for (int i = 1; i < ConsultationVote.MAX_ARGUMENTS; i++) {
            history.add(posted("arg-" + i, FOR));
        }
        fixture.given(history).when(argue("arg-20", "Parce que…")).expectEvents(posted("arg-20", FOR));
        history.add(posted("arg-20", FOR));
        // hiding one does not make room: the bound is on what the resident posted
        history.add(new ArgumentHidden(CONVENTION, CALL, PROPOSAL, "arg-1", "Spam"));
        expectRejected(fixture.given(history).when(argue("arg-21", "Encore")), 422, "too-many-arguments");
    }

    @Test
    void anArgumentIdIsRecordedOnce() {
        expectRejected(
                fixture.given(voted(FOR, null), posted("arg-1", FOR)).when(argue("arg-1", "Encore")),
                409,
                "argument-exists");
    }

    @Test
    void moderationHidesAnArgumentWithItsReasonOnceEvenAfterTheClose() {
        callIs(true);
        fixture.given(voted(FOR, null), posted("arg-1", FOR))
                .when(new HideArgument(VOTE, "arg-1", " Insult "))
                .expectEvents(new ArgumentHidden(CONVENTION, CALL, PROPOSAL, "arg-1", "Insult"));

        expectRejected(
                fixture.given(
                                voted(FOR, null),
                                posted("arg-1", FOR),
                                new ArgumentHidden(CONVENTION, CALL, PROPOSAL, "arg-1", "Insult"))
                        .when(new HideArgument(VOTE, "arg-1", "Again")),
                409,
                "already-hidden");
    }

    @Test
    void moderationNamesAnArgumentOfTheVoteAndStatesItsReason() {
        expectRejected(
                fixture.given(voted(FOR, null), posted("arg-1", FOR)).when(new HideArgument(VOTE, "arg-9", "Insult")),
                404,
                "unknown-argument");
        expectRejected(
                fixture.given(voted(FOR, null), posted("arg-1", FOR)).when(new HideArgument(VOTE, "arg-1", "")),
                422,
                "reason-required");
    }
}
