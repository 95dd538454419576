package org.conventionledger.command.platform;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Adds the caller ({@link Actor#current()}, or {@link Actor#PUBLIC} for a command open to the public sent
 * without an account) to every command; correlation providers copy it onto the
 * events it causes. A vote ({@link SecretVote}) gets its channel instead, and only that: its metadata is
 * replaced, not merged, so that no trace or correlation id that came with it can tie it to the caller's
 * other actions. Its events' trace then starts at the vote's own command.
 */
public final class ActorOnCommands implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Actor caller = command.getPayload() instanceof OpenToThePublic && Actor.anonymous()
                    ? Actor.PUBLIC
                    : Actor.current();
            if (command.getPayload() instanceof SecretVote vote) {
                return command.withMetaData(vote.channel(caller).asMetaData());
            }
            return command.andMetaData(caller.asMetaData());
        };
    }
}
