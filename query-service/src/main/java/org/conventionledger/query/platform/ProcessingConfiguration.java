package org.conventionledger.query.platform;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.conventionledger.events.ConventionEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the projections consume the log: pooled streaming processors with batching (sizes in
 * application.yml), and two rules that keep them exact.
 * <ul>
 *   <li>All events of one convention go to one segment, in log order, so the idempotency check of
 *   {@link Projections} holds; different conventions are projected in parallel.</li>
 *   <li>A failing handler fails its batch, which is retried from the last stored token, instead of
 *   being logged and skipped (Axon's default): a projection never silently misses an event.</li>
 * </ul>
 * An idle processor wakes only to keep its claims (ADR-018): every {@link #IDLE_WAKE_UP}, not Axon's 5 s, each
 * claim lasting {@link ReadStoreConfiguration#CLAIM_TIMEOUT}; new events wake it at once, whatever the interval.
 */
@Configuration
public class ProcessingConfiguration {

    /*
     * Every processing group of the read side, named here only. A name is stored with the group's tokens:
     * renaming one orphans its tokens and replays the group from the start of the log.
     */
    public static final String DASHBOARD = "dashboard";
    public static final String RANKINGS = "rankings";
    public static final String AUDIT_TRAIL = "audit-trail";
    public static final String RECRUITMENT = "recruitment";
    public static final String FOLLOW_UP = "followup";
    public static final String DELIBERATION = "deliberation";
    public static final String CONSULTATION = "consultation";
    /** Referrals and garant opinions, apart from the dashboard since ADR-009: rebuilt without it, and vice versa. */
    public static final String REFERRALS = "referrals";
    /** The checkpoints of the "as of" views ({@link AsOfCheckpointing}): every event, in log order. */
    public static final String AS_OF = "as-of-checkpoints";

    /**
     * How often an idle processor extends its claims and looks for unclaimed segments: {@code
     * token-claim-interval} of every processor in application.yml, and the claim extension threshold here.
     */
    public static final Duration IDLE_WAKE_UP = Duration.ofSeconds(15);

    /** Named in application.yml ({@code axon.eventhandling.processors.*.sequencing-policy}). */
    @Bean
    SequencingPolicy<EventMessage<?>> byConvention() {
        return event -> event.getPayload() instanceof ConventionEvent e ? e.conventionId() : event.getIdentifier();
    }

    @Bean
    SequentialPolicy inLogOrder() {
        return new SequentialPolicy();
    }

    @Autowired
    void failBatchesInsteadOfSkipping(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    @Autowired
    void wakeIdleProcessorsRarely(EventProcessingConfigurer processing) {
        processing.registerPooledStreamingEventProcessorConfiguration(
                (config, builder) -> builder.claimExtensionThreshold(IDLE_WAKE_UP.toMillis()));
    }
}
