package org.conventionledger.command.platform;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends a command and waits for its outcome, for the REST controllers. */
@Component
public class Commands {

    private static final long TIMEOUT_SECONDS = 30;

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command) {
        return gateway.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
