package org.conventionledger.command.platform;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** How commands travel: who sent them goes into every event's metadata, and rule breaks stay readable. */
@Configuration
public class AxonConfiguration {

    /**
     * The subscribing processor of the registers: tables the write side's rules look up, updated in the
     * same transaction as the events they record (ADR-002). Stored nowhere (a subscribing processor keeps no
     * token), named here once.
     */
    public static final String REGISTERS = "command-registers";

    private static final Logger log = LoggerFactory.getLogger(AxonConfiguration.class);

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> actorOnCommands() {
        return new ActorOnCommands();
    }

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> ruleViolationTranslator() {
        return new RuleViolationTranslator();
    }

    /** Causation ({@code correlationId}: the message that caused this one) and the trace of the request. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(Actor.ACTOR_ID, Actor.ACTOR_ROLE);
    }

    /** Keeps loaded conventions in memory so thousands of recruitment commands don't replay the stream. */
    @Bean
    Cache conventionCache() {
        return new WeakReferenceCache();
    }

    /**
     * A register that cannot record an event must fail the command that caused it: registers are read
     * by later commands' rules, so a silently skipped row would let a rule pass or fail wrongly. Axon's
     * default only logs a handler's error; this propagates it, rolling the append back (ADR-002).
     */
    @Autowired
    void registersFailTheirCommand(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(REGISTERS, c -> PropagatingErrorHandler.instance());
    }

    @EventListener(ApplicationReadyEvent.class)
    void reportNoOutboundCalls() {
        log.info(
                "Axon update checker disabled (axon.update-check.disabled=true, axoniq.update-checker.disabled={}): "
                        + "this service makes no outbound calls",
                System.getProperty("axoniq.update-checker.disabled"));
    }
}
