package org.conventionledger.command.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.command.platform.ApiClient.json;
import static org.conventionledger.command.platform.ApiClient.problem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.conventionledger.command.platform.ApiClient;
import org.conventionledger.command.platform.WriteApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * One person, one vote across channels, over HTTP: a voter signing in (their reference in the identity
 * provider's {@code voter_ref} claim, as configured here), the voting platform relaying them and a paper
 * desk checking them off or recording their ballot all meet one ballot stream, whichever spelling variant
 * of the reference each channel sends; the second participation is refused and writes nothing.
 */
@SpringBootTest(properties = {"ledger.security.mode=oidc", "ledger.votation.claims.voter-ref=voter_ref"})
class OnePersonOneVoteApiTest extends WriteApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    enum Channel {
        SIGNING_IN,
        PLATFORM,
        DESK_CHECK_OFF,
        DESK_BALLOT
    }

    /** Spellings of one reference as channels send them. */
    private static final List<String> VARIANTS = List.of(
            " alice martin %d",
            "ALICE  MARTIN %d", "Ａｌｉｃｅ\u00A0Martin %d", "alice\tmartin %d ", "Alice Mar\u00ADtin %d");

    @Autowired
    JdbcTemplate jdbc;

    /** Every voter reference a signing-in token may carry, by token subject. */
    private final Map<String, Map<String, Object>> claims = new HashMap<>();

    private String votationId;

    @BeforeEach
    void openVotation() throws Exception {
        api = ApiClient.withRoleTokens(http, jwtDecoder, claims);
        String convention = UUID.randomUUID().toString();
        List<String> actionIds = VotationSetup.finalisedActions(jdbc, convention, 3);
        Map<String, Object> body = VotationSetup.openSinceYesterday(actionIds);
        body.put("eligibility", Map.of("minimumAge", 0, "residenceRequired", false));
        votationId = api.created(
                "ORGANISER",
                "/api/conventions/" + convention + "/votations",
                JSON.writeValueAsString(body),
                "votationId");
        api.post("ORGANISER", "/api/votations/" + votationId + "/open", "{}").andExpect(status().isOk());
    }

    private long events() {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM DomainEventEntry WHERE type IS NULL OR type <> 'Keyring'", Long.class);
        return count == null ? 0 : count;
    }

    /** A signing-in token whose {@code voter_ref} claim is {@code reference}. */
    private String signingIn(String reference) {
        String subject = "sub-" + UUID.randomUUID();
        claims.put(subject, Map.of("voter_ref", reference));
        return "VOTER." + subject;
    }

    private ResultActions vote(Channel channel, String reference) throws Exception {
        String v = "/api/votations/" + votationId;
        return switch (channel) {
            case SIGNING_IN -> api.post(signingIn(reference), v + "/ballots", "{\"choices\":[1]}");
            case PLATFORM ->
                api.post(
                        "PLATFORM",
                        v + "/ballots",
                        JSON.writeValueAsString(Map.of("voterRef", reference, "choices", List.of(2))));
            case DESK_CHECK_OFF ->
                api.post(
                        "ORGANISER",
                        v + "/paper-voters",
                        JSON.writeValueAsString(Map.of("deskId", "D-1", "voterRef", reference)));
            case DESK_BALLOT ->
                api.post(
                        "ORGANISER",
                        v + "/paper-voters",
                        JSON.writeValueAsString(Map.of("deskId", "D-2", "voterRef", reference, "choices", List.of(3))));
        };
    }

    static Stream<Arguments> channelPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (Channel first : Channel.values()) {
            for (Channel second : Channel.values()) {
                pairs.add(Arguments.of(first, second, VARIANTS.get(pairs.size() % VARIANTS.size())));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} then {1} as \"{2}\"")
    @MethodSource("channelPairs")
    void aPersonWhoVotedThroughOneChannelIsRefusedThroughAnyOtherUnderAnySpelling(
            Channel first, Channel second, String variant) throws Exception {
        int person = 10 * first.ordinal() + second.ordinal();
        vote(first, "Alice Martin " + person).andExpect(status().isCreated());
        long before = events();
        vote(second, String.format(variant, person)).andExpect(problem(409, "already-voted"));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void theIssuesThreeSpellingsMeetOneStream() throws Exception {
        String ballotId = json(vote(Channel.PLATFORM, "Alice Martin").andExpect(status().isCreated()))
                .path("ballotId")
                .asText();
        long before = events();
        vote(Channel.DESK_BALLOT, " alice martin").andExpect(problem(409, "already-voted"));
        vote(Channel.PLATFORM, "ALICE  MARTIN").andExpect(problem(409, "already-voted"));
        vote(Channel.SIGNING_IN, "Alice MARTIN").andExpect(problem(409, "already-voted"));
        assertThat(events()).isEqualTo(before);
        Long inStream = jdbc.queryForObject(
                "SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class, ballotId);
        assertThat(inStream).isEqualTo(1);
    }

    @Test
    void peopleWhoseReferencesDifferOnlyByAnAccentAreTwoVoters() throws Exception {
        vote(Channel.PLATFORM, "Hélène Martin").andExpect(status().isCreated());
        vote(Channel.DESK_CHECK_OFF, "Helene Martin").andExpect(status().isCreated());
        vote(Channel.SIGNING_IN, "HE\u0301LE\u0300NE MARTIN").andExpect(problem(409, "already-voted"));
    }

    @Test
    void aSignedInVoterAndThePlatformRelayingThemSeeOneDisplayOrder() throws Exception {
        String v = "/api/votations/" + votationId + "/ballot-order";
        String signedIn = json(api.get(signingIn("Alice Martin"), v).andExpect(status().isOk()))
                .path("actionNumbers")
                .toString();
        String relayed = json(api.perform(
                                "PLATFORM", MockMvcRequestBuilders.get(v).param("voterRef", "ALICE  MARTIN"))
                        .andExpect(status().isOk()))
                .path("actionNumbers")
                .toString();
        assertThat(relayed).isEqualTo(signedIn);
    }

    @Test
    void aTokenWithoutTheConfiguredReferenceClaimCannotVote() throws Exception {
        long before = events();
        api.post("VOTER.sub-without-reference", "/api/votations/" + votationId + "/ballots", "{\"choices\":[1]}")
                .andExpect(problem(422, "voter-ref-required"));
        vote(Channel.PLATFORM, "\u200B\u00A0 ").andExpect(problem(422, "voter-ref-required"));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aResidentSigningInAndThePlatformRelayingThemShareOneConsultationVote() throws Exception {
        String convention = api.openConvention();
        String call = VotationSetup.openCall(api, convention);
        String proposal = api.created(
                "PLATFORM",
                "/api/consultation/calls/" + call + "/proposals",
                "{\"voterRef\":\"someone else\",\"title\":\"Bike lanes\",\"text\":\"On every avenue.\"}",
                "proposalId");
        String votes = "/api/consultation/calls/" + call + "/proposals/" + proposal + "/votes";

        api.post(signingIn("Alice Martin"), votes, "{\"stance\":\"FOR\"}").andExpect(status().isCreated());
        api.post("PLATFORM", votes, "{\"voterRef\":\" ALICE  MARTIN\",\"stance\":\"FOR\"}")
                .andExpect(problem(409, "same-stance"));
    }
}
