package org.conventionledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;

/** What every feature's projections must run in: a pooled processor of their own that fails a batch on errors. */
public final class ProcessorAssertions {

    private ProcessorAssertions() {}

    /** The processing group runs in a pooled processor named {@code name} whose handler errors fail the batch. */
    public static void assertPooledAndFailingBatches(
            EventProcessingConfiguration processing, String group, String name) {
        assertThat(processing.eventProcessorByProcessingGroup(group))
                .get()
                .isInstanceOf(PooledStreamingEventProcessor.class)
                .extracting(p -> ((PooledStreamingEventProcessor) p).getName())
                .isEqualTo(name);
        assertThat(processing.listenerInvocationErrorHandler(group)).isInstanceOf(PropagatingErrorHandler.class);
    }
}
