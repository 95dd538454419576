package org.conventionledger.command.consultation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close the call now (the service's clock): nothing more is accepted, its results are final. */
public record CloseCallForProposals(
        @TargetAggregateIdentifier String callId, Instant at) {}
