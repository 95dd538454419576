package org.conventionledger.command.platform;

import org.conventionledger.platform.identity.Role;

/**
 * A command that records how someone voted: an online ballot, a paper check-off or ballot, a consultation
 * vote or argument, and a consultation proposal (its author pseudonym is the one that person's votes
 * carry, so naming its author would name the voter). Its events name the channel the vote came through,
 * never the caller: the dispatch interceptor ({@link ActorOnCommands}) records {@link #channel(Actor)}
 * as the actor and drops whatever other metadata the command came with, so that no trace or correlation
 * id from the caller's other actions reaches the vote.
 */
public interface SecretVote {

    /** The channel through which {@code caller} casts this vote: the platform, or a voter signing in. */
    default Actor channel(Actor caller) {
        return caller.hasRole(Role.PLATFORM) ? Actor.PLATFORM : Actor.VOTER_SIGNING_IN;
    }
}
