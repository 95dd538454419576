package org.conventionledger.command.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.conventionledger.command.consultation.PostArgument;
import org.conventionledger.command.consultation.SubmitProposal;
import org.conventionledger.command.consultation.VoteOnProposal;
import org.conventionledger.command.organisation.CloseSession;
import org.conventionledger.command.votation.CastOnlineBallot;
import org.conventionledger.command.votation.CheckOffPaperVoter;
import org.conventionledger.events.consultation.Stance;
import org.conventionledger.platform.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What a command carries into its events' metadata: the caller for ordinary commands, the channel alone
 * for a vote, whatever metadata the vote came with.
 */
class ActorOnCommandsTest {

    /** What an outer request could have attached: the caller's own trace and a forged actor. */
    private static final MetaData FROM_OUTSIDE = MetaData.from(Map.of(
            "traceId",
            "trace-of-alice-referral",
            "correlationId",
            "alice-referral",
            "actorId",
            "alice@city",
            "sessionHint",
            "alice"));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signedInAs(String name, String... roles) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        name,
                        null,
                        Arrays.stream(roles)
                                .map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                                .toList()));
    }

    private static MetaData dispatched(Object payload) {
        CommandMessage<?> command =
                GenericCommandMessage.asCommandMessage(payload).andMetaData(FROM_OUTSIDE);
        return new ActorOnCommands().handle(List.of(command)).apply(0, command).getMetaData();
    }

    private static final Map<String, String> VOTER = Map.of("actorId", "voter-signing-in", "actorRole", "VOTER");
    private static final Map<String, String> PLATFORM = Map.of("actorId", "platform", "actorRole", "PLATFORM");

    @Test
    void aVoterSigningInIsRecordedAsTheChannelOnly() {
        signedInAs("alice@city", "VOTER");
        Instant now = Instant.now();
        assertThat(dispatched(new CastOnlineBallot("ballot-p", "vot-1", "p", List.of(1), null)))
                .containsExactlyInAnyOrderEntriesOf(VOTER);
        assertThat(dispatched(new VoteOnProposal("cv-1", "call-1", "prop-1", "p", Stance.FOR, now)))
                .containsExactlyInAnyOrderEntriesOf(VOTER);
        assertThat(dispatched(new PostArgument("cv-1", "call-1", "prop-1", "p", "arg-1", "Yes.", now)))
                .containsExactlyInAnyOrderEntriesOf(VOTER);
        assertThat(dispatched(new SubmitProposal("prop-1", "call-1", "p", "Title", "Text", now)))
                .containsExactlyInAnyOrderEntriesOf(VOTER);
    }

    @Test
    void thePlatformIsRecordedAsTheChannelOnlyWhateverItsAccount() {
        signedInAs("platform-client-7", "PLATFORM", "VOTER");
        assertThat(dispatched(new CastOnlineBallot("ballot-p", "vot-1", "p", List.of(1), null)))
                .containsExactlyInAnyOrderEntriesOf(PLATFORM);
    }

    @Test
    void aDeskIsRecordedAsTheChannelNotTheOrganiserKeyingItIn() {
        signedInAs("bob@city", "ORGANISER");
        assertThat(dispatched(new CheckOffPaperVoter("ballot-p", "vot-1", "D-7", "p", null, null)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("actorId", "desk:D-7", "actorRole", "ORGANISER"));
    }

    @Test
    void anyOtherCommandNamesItsCaller() {
        signedInAs("bob@city", "ORGANISER");
        assertThat(dispatched(new CloseSession("s-1", "conv-1", null)))
                .containsEntry("actorId", "bob@city")
                .containsEntry("actorRole", "ORGANISER")
                .containsEntry("traceId", "trace-of-alice-referral");
    }

    @Test
    void rolesMatchExactlyNotAsSubstrings() {
        assertThat(new Actor("x", "GARANT,PLATFORMS").hasRole(Role.PLATFORM)).isFalse();
        assertThat(new Actor("x", "GARANT,PLATFORM").hasRole(Role.PLATFORM)).isTrue();
    }
}
